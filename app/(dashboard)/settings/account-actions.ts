"use server";

import { signOut } from "@/auth";
import { changePassword } from "@/lib/auth/password";
import { requireUser } from "@/lib/auth/session";
import { endAllSessions } from "@/lib/auth/session-store";
import { getDb } from "@/lib/db";
import { DomainError } from "@/lib/domain-errors";
import type { FormState } from "./actions";

export interface PasswordFormState {
  status?: "ok" | "error";
  message?: string;
  error?: string;
  fieldErrors?: Partial<Record<"currentPassword" | "newPassword", string>>;
}

const text = (formData: FormData, key: string) => {
  const value = formData.get(key);
  return typeof value === "string" ? value : "";
};

/** Changes the password; this browser stays signed in, every other session ends. */
export async function changePasswordAction(
  _state: PasswordFormState,
  formData: FormData,
): Promise<PasswordFormState> {
  const user = await requireUser();
  try {
    const { endedSessions } = await changePassword(await getDb(), {
      userId: user.id,
      keepSessionId: user.sessionId,
      body: {
        currentPassword: text(formData, "currentPassword"),
        newPassword: text(formData, "newPassword"),
      },
    });
    const others =
      endedSessions === 0
        ? "You were not signed in anywhere else."
        : `${endedSessions} other ${endedSessions === 1 ? "session was" : "sessions were"} signed out.`;
    return { status: "ok", message: `Password changed. ${others}` };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const fieldErrors: PasswordFormState["fieldErrors"] = {};
    for (const issue of error.issues ?? []) {
      const field = issue.path[0];
      if ((field === "currentPassword" || field === "newPassword") && !fieldErrors[field]) {
        fieldErrors[field] = issue.message;
      }
    }
    return {
      status: "error",
      fieldErrors,
      error: error.issues ? undefined : error.message,
    };
  }
}

/** "Sign out everywhere": every browser session of the user ends, this one included. */
export async function signOutEverywhereAction(
  _state: FormState,
  _formData: FormData,
): Promise<FormState> {
  const user = await requireUser();
  await endAllSessions(user.id);
  await signOut({ redirectTo: "/login" });
  return { status: "ok" };
}
