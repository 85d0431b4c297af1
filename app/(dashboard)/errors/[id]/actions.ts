"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { withUser } from "@/lib/actions/with-user";
import type { DomainError } from "@/lib/domain-errors";
import { parseRowId } from "@/lib/errors/detail-format";
import { changeErrorStatus as changeStatus, deleteError as deleteOne } from "@/lib/errors/triage";

export type DetailActionState = { ok: true; message: string } | { ok: false; error: string } | null;

const NOT_FOUND = "This error no longer exists, or you are not a member of its project.";

/** A foreign or missing error reads as gone; anything else the form sent is invalid. */
const refused = (error: DomainError): DetailActionState => ({
  ok: false,
  error: error.kind === "not_found" ? NOT_FOUND : "Invalid request.",
});
const signedOut = (): DetailActionState => ({
  ok: false,
  error: "Your session has ended. Log in again.",
});

/** Archive or unarchive from the detail page; the form posts the id and the wanted status. */
export const changeErrorStatus = withUser<[DetailActionState, FormData], DetailActionState>(
  async (
    { user, db },
    _previous: DetailActionState,
    form: FormData,
  ): Promise<DetailActionState> => {
    const errorId = parseRowId(form.get("id"));
    if (!errorId) return { ok: false, error: "Invalid request." };
    // Scoped to the caller's projects inside the query: a foreign id updates nothing.
    const { status } = await changeStatus(db, {
      userId: user.id,
      errorId,
      body: { status: form.get("status") },
    });
    revalidatePath("/errors", "layout");
    return {
      ok: true,
      message:
        status === "archived"
          ? "Archived: the error left the main list. Search or the Archived view still shows it."
          : "Unarchived: the error is back in the main list.",
    };
  },
  { refused, signedOut },
);

/** Deletes the error and its events, then returns to the list. */
export const deleteError = withUser<[number], DetailActionState>(
  async ({ user, db }, errorId: number): Promise<DetailActionState> => {
    const id = parseRowId(String(errorId));
    if (!id) return { ok: false, error: "Invalid request." };
    await deleteOne(db, { userId: user.id, errorId: id });
    revalidatePath("/errors", "layout");
    redirect("/errors");
  },
  { refused, signedOut },
);
