import type { NextAuthConfig } from "next-auth";

const AUTH_PAGES = new Set(["/login", "/signup"]);
const PUBLIC_PAGES = new Set(["/docs"]);

/** Edge-safe part of the Auth.js setup: no database, used by the proxy and by auth.ts. */
export const authConfig = {
  pages: { signIn: "/login" },
  session: { strategy: "jwt" },
  // Self-hosted behind any host name; Auth.js still checks its own CSRF token on every POST.
  trustHost: true,
  providers: [],
  callbacks: {
    authorized({ auth, request: { nextUrl } }) {
      const signedIn = Boolean(auth?.user);
      if (AUTH_PAGES.has(nextUrl.pathname)) {
        return signedIn ? Response.redirect(new URL("/errors", nextUrl)) : true;
      }
      if (nextUrl.pathname === "/") {
        return Response.redirect(new URL(signedIn ? "/errors" : "/login", nextUrl));
      }
      if (PUBLIC_PAGES.has(nextUrl.pathname)) return true;
      return signedIn;
    },
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
} satisfies NextAuthConfig;
