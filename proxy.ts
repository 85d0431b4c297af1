import { type NextRequest, NextResponse } from "next/server";
import { getToken } from "next-auth/jwt";
import { pageRedirect } from "./auth.config";
import { resolveAuthSecret } from "./lib/auth-secret";

/**
 * Redirects visitors without a session cookie to /login, and "/" to /errors or /login. It only
 * decodes the cookie, without the database, so it cannot tell a live session from a signed-out
 * one: the pages check that (lib/auth/session.ts), and /login and /signup send a live session
 * on to /errors themselves. It reads the session without touching the cookie: Auth.js's own middleware re-issues the cookie on every request,
 * and a prefetch answered after a sign-out would then sign the user straight back in.
 */
export async function proxy(request: NextRequest) {
  const proto =
    request.headers.get("x-forwarded-proto") ?? request.nextUrl.protocol.replace(":", "");
  const token = await getToken({
    req: request,
    secret: resolveAuthSecret(),
    secureCookie: proto === "https",
  });
  const signedIn = Boolean(token?.sub);
  const target = pageRedirect(request.nextUrl.pathname, signedIn);
  if (!target || request.method !== "GET") {
    // Server actions (POST) on these pages check the session themselves.
    return NextResponse.next();
  }
  const url = new URL(target, request.nextUrl);
  if (target === "/login" && request.nextUrl.pathname !== "/") {
    url.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  }
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)"],
};
