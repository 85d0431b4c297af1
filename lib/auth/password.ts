import type { Db } from "@/db/client";
import { deleteUserSessions } from "@/db/queries/sessions";
import { updatePassword } from "@/db/queries/users";
import { issue, notFound, parseWith, validationError } from "@/lib/domain-errors";
import { changePasswordSchema } from "@/lib/schemas/auth";
import { verifyCurrentPassword } from "./login-limits";

/**
 * Changes a user's password: the current one must be right, the new one follows sign-up's
 * rules. Every other browser session of the user ends; `keepSessionId` (the caller's own
 * browser, when it is one) stays signed in. Throws a 422 naming the field that is wrong, and a
 * 429 after ten wrong current passwords in 15 minutes.
 */
export async function changePassword(
  db: Db,
  input: { userId: number; keepSessionId: string | null; body: unknown },
): Promise<{ endedSessions: number }> {
  const { currentPassword, newPassword } = parseWith(changePasswordSchema, input.body);
  const right = await verifyCurrentPassword(db, {
    userId: input.userId,
    password: currentPassword,
  });
  if (!right) {
    throw validationError([issue(["currentPassword"], "ServerValidation.currentPasswordWrong")]);
  }
  return db.transaction(async (tx) => {
    if (!(await updatePassword(tx, { userId: input.userId, password: newPassword }))) {
      throw notFound("user");
    }
    const endedSessions = await deleteUserSessions(tx, {
      userId: input.userId,
      keep: input.keepSessionId,
    });
    return { endedSessions };
  });
}
