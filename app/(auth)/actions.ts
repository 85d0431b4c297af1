"use server";

import { cookies, headers } from "next/headers";
import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";
import { signIn, signOut } from "@/auth";
import { createAccount, EmailTakenError } from "@/db/queries/users";
import { formText } from "@/lib/actions/with-user";
import { requestClientAddress } from "@/lib/auth/client-address";
import {
  FIRST_RUN_COOKIE,
  FIRST_RUN_MAX_AGE_SECONDS,
  FIRST_RUN_PATH,
  sealFirstRun,
} from "@/lib/auth/first-run";
import { assertSignupAllowed } from "@/lib/auth/login-limits";
import { currentUser } from "@/lib/auth/session";
import { endSession } from "@/lib/auth/session-store";
import { resolveAuthSecret } from "@/lib/auth-secret";
import { getDb } from "@/lib/db";
import { RateLimited } from "@/lib/domain-errors";
import { safeRedirect } from "@/lib/relative-path";
import { signupSchema } from "@/lib/schemas/auth";

export interface AuthFormState {
  error?: string;
  fieldErrors?: Partial<Record<"name" | "email" | "password", string>>;
  values?: { name?: string; email?: string };
}

export async function login(_state: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const email = formText(formData, "email").trim();
  const password = formText(formData, "password");
  const fieldErrors: AuthFormState["fieldErrors"] = {};
  if (!email) fieldErrors.email = "Enter your email.";
  if (!password) fieldErrors.password = "Enter your password.";
  if (fieldErrors.email || fieldErrors.password) return { fieldErrors, values: { email } };
  try {
    await signIn("credentials", {
      email,
      password,
      redirectTo: safeRedirect(formData.get("callbackUrl")),
    });
  } catch (error) {
    // signIn redirects by throwing; only Auth.js's own errors mean the login failed.
    if (error instanceof CredentialsSignin && error.code === "rate_limited")
      return { error: "Too many failed attempts; try again later.", values: { email } };
    if (error instanceof AuthError)
      return { error: "Invalid email or password.", values: { email } };
    throw error;
  }
  return {};
}

export async function signup(_state: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const raw = {
    name: formText(formData, "name"),
    email: formText(formData, "email"),
    password: formText(formData, "password"),
  };
  const values = { name: raw.name, email: raw.email };
  const parsed = signupSchema.safeParse(raw);
  if (!parsed.success) {
    const flat = z.flattenError(parsed.error).fieldErrors;
    return {
      values,
      fieldErrors: { name: flat.name?.[0], email: flat.email?.[0], password: flat.password?.[0] },
    };
  }
  const requestHeaders = await headers();
  try {
    const db = await getDb();
    await assertSignupAllowed(db, requestClientAddress(requestHeaders));
    const account = await createAccount(db, parsed.data);
    // The key and token exist only now, in plain text: the welcome page shows them once.
    (await cookies()).set(
      FIRST_RUN_COOKIE,
      sealFirstRun(
        {
          userId: account.user.id,
          project: account.project,
          ingestKey: { name: account.ingestKey.name, token: account.ingestKey.token },
          personalToken: { name: account.personalToken.name, token: account.personalToken.token },
        },
        { authSecret: resolveAuthSecret() },
      ),
      {
        httpOnly: true,
        sameSite: "lax",
        path: FIRST_RUN_PATH,
        maxAge: FIRST_RUN_MAX_AGE_SECONDS,
        secure: requestHeaders.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https",
      },
    );
  } catch (error) {
    if (error instanceof RateLimited) return { values, error: error.message };
    if (error instanceof EmailTakenError) return { values, fieldErrors: { email: error.message } };
    throw error;
  }
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: welcomePath(safeRedirect(formData.get("callbackUrl"))),
    });
  } catch (error) {
    if (error instanceof AuthError)
      return { error: "Your account was created; please log in.", values };
    throw error;
  }
  return {};
}

/** The welcome page, which goes on to `next` (the page that sent the visitor to sign up). */
function welcomePath(next: string): string {
  return next === "/errors" ? FIRST_RUN_PATH : `${FIRST_RUN_PATH}?next=${encodeURIComponent(next)}`;
}

/** Ends this browser's session server-side (Auth.js's signOut event does too), then the cookie. */
export async function logout(): Promise<void> {
  const user = await currentUser();
  if (user) await endSession(user.sessionId);
  await signOut({ redirectTo: "/login" });
}
