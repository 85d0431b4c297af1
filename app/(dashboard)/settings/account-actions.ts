"use server";

import { getTranslations } from "next-intl/server";
import { signOut } from "@/auth";
import { type FormState, formText as text, withUser } from "@/lib/actions/with-user";
import { changePassword } from "@/lib/auth/password";
import { endAllSessions } from "@/lib/auth/session-store";

export interface PasswordFormState {
  status?: "ok" | "error";
  message?: string;
  error?: string;
  fieldErrors?: Partial<Record<"currentPassword" | "newPassword", string>>;
}

/** Changes the password; this browser stays signed in, every other session ends. */
export const changePasswordAction = withUser<[PasswordFormState, FormData], PasswordFormState>(
  async (
    { user, db },
    _state: PasswordFormState,
    formData: FormData,
  ): Promise<PasswordFormState> => {
    const { endedSessions } = await changePassword(db, {
      userId: user.id,
      keepSessionId: user.sessionId,
      body: {
        currentPassword: text(formData, "currentPassword"),
        newPassword: text(formData, "newPassword"),
      },
    });
    const t = await getTranslations("SettingsForms");
    return { status: "ok", message: t("passwordChanged", { count: endedSessions }) };
  },
  {
    refused: (error) => {
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
    },
  },
);

/** "Sign out everywhere": every browser session of the user ends, this one included. */
export const signOutEverywhereAction = withUser<[FormState, FormData], FormState>(
  async ({ user }, _state: FormState, _formData: FormData): Promise<FormState> => {
    await endAllSessions(user.id);
    await signOut({ redirectTo: "/login" });
    return { status: "ok" };
  },
  { refused: (error) => ({ status: "error", error: error.message }) },
);
