"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { deleteErrors, setErrorStatus } from "@/db/queries/error-groups";
import { currentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { parseRowId } from "@/lib/errors/detail-format";

export type DetailActionState = { ok: true; message: string } | { ok: false; error: string } | null;

const NOT_FOUND = "This error no longer exists, or you are not a member of its project.";

async function sessionUserId(): Promise<number | null> {
  return (await currentUser())?.id ?? null;
}

/** Archive or unarchive from the detail page; the form posts the id and the wanted status. */
export async function changeErrorStatus(
  _previous: DetailActionState,
  form: FormData,
): Promise<DetailActionState> {
  const userId = await sessionUserId();
  if (!userId) return { ok: false, error: "Your session has ended. Log in again." };
  const errorId = parseRowId(form.get("id"));
  const status = form.get("status");
  if (!errorId || (status !== "open" && status !== "archived")) {
    return { ok: false, error: "Invalid request." };
  }
  // Scoped to the caller's projects inside the query: a foreign id updates nothing.
  const [updated] = await setErrorStatus(await getDb(), { userId, errorIds: [errorId], status });
  if (!updated) return { ok: false, error: NOT_FOUND };
  revalidatePath("/errors", "layout");
  return {
    ok: true,
    message:
      status === "archived"
        ? "Archived: the error left the main list. Search or the Archived view still shows it."
        : "Unarchived: the error is back in the main list.",
  };
}

/** Deletes the error and its events, then returns to the list. */
export async function deleteError(errorId: number): Promise<DetailActionState> {
  const userId = await sessionUserId();
  if (!userId) return { ok: false, error: "Your session has ended. Log in again." };
  const id = parseRowId(String(errorId));
  if (!id) return { ok: false, error: "Invalid request." };
  const [deleted] = await deleteErrors(await getDb(), { userId, errorIds: [id] });
  if (!deleted) return { ok: false, error: NOT_FOUND };
  revalidatePath("/errors", "layout");
  redirect("/errors");
}
