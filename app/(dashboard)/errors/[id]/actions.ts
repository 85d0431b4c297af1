"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { withUser } from "@/lib/actions/with-user";
import type { DomainError } from "@/lib/domain-errors";
import { parseRowId } from "@/lib/errors/detail-format";
import { changeErrorStatus as changeStatus, deleteError as deleteOne } from "@/lib/errors/triage";
import { statusBodyFromForm } from "@/lib/errors/triage-form";

/** What a triage form changed, for the page to say it in its own words. */
export interface DetailChange {
  status?: "open" | "resolved" | "archived";
  /** The status before, as the page showed it (unarchive and reopen read differently). */
  from?: string;
  resolution?: "now" | "inNextRelease";
  archive?: {
    until?: string;
    untilEvents?: number;
    untilRate?: { count: number; minutes: number };
  };
  assigneeId?: number | null;
}

/**
 * A refusal: `problem` for the page to word in its language, or the rule's own `message` (which
 * lib/ words in the caller's language) for what the form sent.
 */
export type DetailActionState =
  | { ok: true; change: DetailChange; at: number }
  | { ok: false; problem: "notFound" | "invalid" | "signedOut" }
  | { ok: false; message: string }
  | null;

const INVALID = { ok: false, problem: "invalid" } as const;

/** A foreign or missing error reads as gone; anything else the form sent is invalid. */
const refused = (error: DomainError): DetailActionState => {
  if (error.kind === "not_found") return { ok: false, problem: "notFound" };
  const message = error.issues?.[0]?.message;
  return message ? { ok: false, message } : INVALID;
};
const signedOut = (): DetailActionState => ({ ok: false, problem: "signedOut" });

/**
 * Resolve, archive (with a condition), reopen or assign from the detail page: the forms post the
 * id and the fields lib/errors/triage-form.ts reads, and lib/errors/triage.ts does the rest.
 */
export const changeErrorStatus = withUser<[DetailActionState, FormData], DetailActionState>(
  async (
    { user, db },
    _previous: DetailActionState,
    form: FormData,
  ): Promise<DetailActionState> => {
    const errorId = parseRowId(form.get("id"));
    if (!errorId) return INVALID;
    // Scoped to the caller's projects inside the query: a foreign id updates nothing.
    const change = await changeStatus(db, {
      userId: user.id,
      errorId,
      body: statusBodyFromForm(form),
    });
    revalidatePath("/errors", "layout");
    const from = form.get("from");
    return {
      ok: true,
      // A new object each time, so that the page announces a repeated change again.
      at: Date.now(),
      change: {
        status: change.status,
        from: typeof from === "string" ? from : undefined,
        resolution: change.resolution,
        archive: change.archive
          ? {
              until: change.archive.until?.toISOString(),
              untilEvents: change.archive.untilEvents,
              untilRate: change.archive.untilRate,
            }
          : undefined,
        assigneeId: change.assigneeId,
      },
    };
  },
  { refused, signedOut },
);

/** Deletes the error and its events, then returns to the list. */
export const deleteError = withUser<[number], DetailActionState>(
  async ({ user, db }, errorId: number): Promise<DetailActionState> => {
    const id = parseRowId(String(errorId));
    if (!id) return INVALID;
    await deleteOne(db, { userId: user.id, errorId: id });
    revalidatePath("/errors", "layout");
    redirect("/errors");
  },
  { refused, signedOut },
);
