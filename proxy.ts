import NextAuth from "next-auth";
import { authConfig } from "./auth.config";
import { resolveAuthSecret } from "./lib/auth-secret";

// Only redirects signed-out visitors; every page and handler checks access itself.
const { auth } = NextAuth(() => ({ ...authConfig, secret: resolveAuthSecret() }));

export default auth;

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)"],
};
