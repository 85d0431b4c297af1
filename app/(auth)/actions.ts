"use server";

import { cookies, headers } from "next/headers";
import { AuthError, CredentialsSignin } from "next-auth";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
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
import { signupNames } from "@/lib/auth/signup-names";
import { resolveAuthSecret } from "@/lib/auth-secret";
import { getDb } from "@/lib/db";
import { RateLimited } from "@/lib/domain-errors";
import { requestLocale } from "@/lib/i18n/request-locale";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/password";
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
  const t = await getTranslations("LoginForm");
  const fieldErrors: AuthFormState["fieldErrors"] = {};
  if (!email) fieldErrors.email = t("emailMissing");
  if (!password) fieldErrors.password = t("passwordMissing");
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
      return { error: t("tooManyAttempts"), values: { email } };
    if (error instanceof AuthError) return { error: t("invalidCredentials"), values: { email } };
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
  const t = await getTranslations("SignupForm");
  const parsed = signupSchema.safeParse(raw);
  if (!parsed.success) return { values, fieldErrors: signupFieldErrors(parsed.error, t) };
  const requestHeaders = await headers();
  try {
    const db = await getDb();
    await assertSignupAllowed(db, requestClientAddress(requestHeaders));
    const names = signupNames(parsed.data.name, await requestLocale());
    const account = await createAccount(db, { ...parsed.data, names });
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
    if (error instanceof RateLimited) return { values, error: t("tooManySignups") };
    if (error instanceof EmailTakenError)
      return { values, fieldErrors: { email: t("emailTaken") } };
    throw error;
  }
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: welcomePath(safeRedirect(formData.get("callbackUrl"))),
    });
  } catch (error) {
    if (error instanceof AuthError) return { error: t("createdPleaseLogIn"), values };
    throw error;
  }
  return {};
}

/**
 * The first problem of each field, in the page's language. The schema's own English messages
 * are the API's; the form names each problem by its zod code.
 */
function signupFieldErrors(
  error: z.ZodError,
  t: Awaited<ReturnType<typeof getTranslations<"SignupForm">>>,
): AuthFormState["fieldErrors"] {
  const fieldErrors: AuthFormState["fieldErrors"] = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (field !== "name" && field !== "email" && field !== "password") continue;
    if (fieldErrors[field]) continue;
    const tooLong = issue.code === "too_big";
    if (field === "name") fieldErrors.name = tooLong ? t("nameTooLong") : t("nameMissing");
    else if (field === "email") fieldErrors.email = tooLong ? t("emailTooLong") : t("emailInvalid");
    else if (issue.code === "too_small")
      fieldErrors.password = t("passwordTooShort", { min: PASSWORD_MIN_LENGTH });
    else if (tooLong) fieldErrors.password = t("passwordTooLong", { max: PASSWORD_MAX_LENGTH });
    else fieldErrors.password = t("passwordMissing");
  }
  return fieldErrors;
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
