import type { Db } from "@/db/client";
import { deleteEventForUser } from "@/db/queries/error-events";
import { deleteErrors, setErrorStatus } from "@/db/queries/error-groups";
import { notFound, parseWith } from "@/lib/domain-errors";
import { bulkErrorsSchema, errorStatusUpdateSchema } from "@/lib/schemas/errors";

/**
 * Archives, unarchives or deletes errors from `{ ids, action }`. Only ids in the caller's own
 * projects are touched and reported (ascending); others are indistinguishable from missing ones.
 */
export async function triageErrors(db: Db, input: { userId: number; body: unknown }) {
  const { ids, action } = parseWith(bulkErrorsSchema, input.body);
  const errorIds = [...new Set(ids)];
  const affected =
    action === "delete"
      ? await deleteErrors(db, { userId: input.userId, errorIds })
      : await setErrorStatus(db, {
          userId: input.userId,
          errorIds,
          status: action === "archive" ? "archived" : "open",
        });
  return { action, affected: affected.sort((a, b) => a - b) };
}

/** Archives or unarchives one error from `{ status }`; 404 when it is not in the caller's projects. */
export async function changeErrorStatus(
  db: Db,
  input: { userId: number; errorId: number; body: unknown },
): Promise<{ status: "open" | "archived" }> {
  const { status } = parseWith(errorStatusUpdateSchema, input.body);
  const [updated] = await setErrorStatus(db, {
    userId: input.userId,
    errorIds: [input.errorId],
    status,
  });
  if (!updated) throw notFound("Error");
  return { status };
}

/** Deletes one error and its events; 404 when it is not in the caller's projects. */
export async function deleteError(db: Db, input: { userId: number; errorId: number }) {
  const [deleted] = await deleteErrors(db, { userId: input.userId, errorIds: [input.errorId] });
  if (!deleted) throw notFound("Error");
}

/** Deletes one event; 404 when it is not in the caller's projects. */
export async function deleteEvent(db: Db, input: { userId: number; eventId: number }) {
  if (!(await deleteEventForUser(db, input))) throw notFound("Event");
}
