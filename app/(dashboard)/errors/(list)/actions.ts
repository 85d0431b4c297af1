"use server";

import { revalidatePath } from "next/cache";
import { deleteErrors, setErrorStatus } from "@/db/queries/error-groups";
import { currentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { bulkErrorsSchema } from "@/lib/schemas/errors";

export type ErrorAction = "archive" | "unarchive" | "delete";

export type ErrorActionResult =
  | { ok: true; action: ErrorAction; affected: number[] }
  | { ok: false; error: string };

/**
 * Archives, unarchives or deletes errors. The ids come from the browser, so they are checked
 * like API input, and the queries only touch errors in the caller's own projects.
 */
export async function updateErrors(input: {
  ids: number[];
  action: ErrorAction;
}): Promise<ErrorActionResult> {
  const user = await currentUser();
  if (!user) return { ok: false, error: "Your session has ended. Log in again." };
  const userId = user.id;
  const parsed = bulkErrorsSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, error: parsed.error.issues[0]?.message ?? "Invalid request." };
  }
  const { action } = parsed.data;
  const errorIds = [...new Set(parsed.data.ids)];
  const db = await getDb();
  const affected =
    action === "delete"
      ? await deleteErrors(db, { userId, errorIds })
      : await setErrorStatus(db, {
          userId,
          errorIds,
          status: action === "archive" ? "archived" : "open",
        });
  // The list, its tab counts and any open detail page change with it.
  revalidatePath("/errors", "layout");
  return { ok: true, action, affected };
}
