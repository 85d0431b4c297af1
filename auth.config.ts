import type { NextAuthConfig } from "next-auth";

const AUTH_PAGES = new Set(["/login", "/signup"]);
const PUBLIC_PAGES = new Set(["/docs"]);

/**
 * Where a page request goes: on, or redirected. Used by the proxy, which only redirects; every
 * page and handler still checks access itself.
 */
export function pageRedirect(pathname: string, signedIn: boolean): string | null {
  if (AUTH_PAGES.has(pathname)) return signedIn ? "/errors" : null;
  if (pathname === "/") return signedIn ? "/errors" : "/login";
  if (PUBLIC_PAGES.has(pathname) || signedIn) return null;
  return "/login";
}

/** The database-free part of the Auth.js setup. */
export const authConfig = {
  pages: { signIn: "/login" },
  session: { strategy: "jwt" },
  // Self-hosted behind any host name; Auth.js still checks its own CSRF token on every POST.
  trustHost: true,
  providers: [],
  callbacks: {
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
