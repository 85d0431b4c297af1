import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/db";
import { authConfig } from "./auth.config";
import { ApiError } from "./lib/api-error";
import { requestClientAddress } from "./lib/auth/client-address";
import { verifyLogin } from "./lib/auth/login-limits";
import { resolveAuthSecret } from "./lib/auth-secret";
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
          if (error instanceof ApiError && error.status === 429) throw new RateLimitedLoginError();
          throw error;
        }
        if (!user) throw new InvalidLoginError();
        return { id: String(user.id), name: user.name, email: user.email };
      },
    }),
  ],
}));
