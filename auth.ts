import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { authConfig } from "./auth.config";
import { requestClientAddress } from "./lib/auth/client-address";
import { verifyLogin } from "./lib/auth/login-limits";
import { endSession, startSession } from "./lib/auth/session-store";
import { resolveAuthSecret } from "./lib/auth-secret";
import { RateLimited } from "./lib/domain-errors";
import { PASSWORD_MAX_LENGTH } from "./lib/password";

const credentialsSchema = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

export class InvalidLoginError extends CredentialsSignin {
  code = "invalid_credentials";
}

export class RateLimitedLoginError extends CredentialsSignin {
  code = "rate_limited";
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  ...authConfig,
  secret: resolveAuthSecret(),
  callbacks: {
    ...authConfig.callbacks,
    // At sign-in only (`user` is set then): a server-side session row, whose id the cookie carries.
    async jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.sid = await startSession(Number(user.id));
      }
      return token;
    },
  },
  events: {
    // Any sign-out, the header's button or POST /api/auth/signout, deletes the cookie's row.
    async signOut(message) {
      if ("token" in message) await endSession(message.token?.sid);
    },
  },
  logger: {
    // A wrong password is an expected outcome, not a server error worth a stack trace.
    error(error) {
      if (error instanceof CredentialsSignin || error.name === "CredentialsSignin") return;
      console.error("[auth]", error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new InvalidLoginError();
        let user: Awaited<ReturnType<typeof verifyLogin>>;
        try {
          user = await verifyLogin(await getDb(), {
            ...parsed.data,
            address: requestClientAddress(request.headers),
          });
        } catch (error) {
          if (error instanceof RateLimited) throw new RateLimitedLoginError();
          throw error;
        }
        if (!user) throw new InvalidLoginError();
        return { id: String(user.id), name: user.name, email: user.email };
      },
    }),
  ],
}));
