import type { NextAuthConfig } from "next-auth";
import { SESSION_MAX_AGE_SECONDS } from "./lib/auth/constants";

// The session cookie carries the id of its `user_sessions` row; see lib/auth/session.ts.
declare module "next-auth" {
  interface Session {
    /** The `user_sessions` row this browser is signed in with. */
    sid?: string;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
  }
}

const AUTH_PAGES = new Set(["/login", "/signup"]);
const PUBLIC_PAGES = new Set(["/docs"]);

/**
 * Where a page request goes: on, or redirected. Used by the proxy, which only redirects; every
 * page and handler still checks access itself. The proxy only decodes the cookie, so "signed
 * in" here may be a session that was ended since: /login and /signup are never redirected by
 * it (they send a live session to /errors themselves), or a revoked cookie would bounce
 * between /login and the dashboard forever.
 */
export function pageRedirect(pathname: string, signedIn: boolean): string | null {
  if (AUTH_PAGES.has(pathname)) return null;
  if (pathname === "/") return signedIn ? "/errors" : "/login";
  if (PUBLIC_PAGES.has(pathname) || signedIn) return null;
  return "/login";
}

/** The database-free part of the Auth.js setup. */
export const authConfig = {
  pages: { signIn: "/login" },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
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
      if (token.sid) session.sid = token.sid;
      return session;
    },
  },
} satisfies NextAuthConfig;
