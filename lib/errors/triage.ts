import type { Db } from "@/db/client";
import { deleteEventForUser } from "@/db/queries/error-events";
import { deleteErrors } from "@/db/queries/error-groups";
import {
  applyTriageChange,
  errorsOutsideMemberProjects,
  type TriageChange,
} from "@/db/queries/error-triage";
import { Invalid, issue, notFound, parseWith } from "@/lib/domain-errors";
import { message } from "@/lib/i18n/server-messages";
import { BULK_STATUS, bulkErrorsSchema, errorStatusUpdateSchema } from "@/lib/schemas/errors";

type ParsedOptions = {
  resolve?: "now" | "inNextRelease";
  archive?: TriageChange["archive"] | null;
  assigneeId?: number | null;
};

function toChange(status: TriageChange["status"] | undefined, options: ParsedOptions) {
  const change: TriageChange = { status };
  if (status === "resolved") change.resolution = options.resolve ?? "now";
  if (status === "archived" && options.archive) change.archive = options.archive;
  if (options.assigneeId !== undefined) change.assigneeId = options.assigneeId;
  return change;
}

/**
 * The assignee must be a member of every error's project (DESIGN.md: one project member or
 * nobody). Errors outside the caller's projects are not checked: they are not touched.
 */
async function assertAssignable(db: Db, userId: number, errorIds: number[], change: TriageChange) {
  if (change.assigneeId === undefined || change.assigneeId === null) return;
  const outside = await errorsOutsideMemberProjects(db, {
    userId,
    errorIds,
    memberId: change.assigneeId,
  });
  if (outside.length > 0)
    throw new Invalid("validation_failed", message("ServerTriage.assigneeNotMember"), [
      issue(["assigneeId"], "ServerTriage.assigneeNotMemberOf", {
        user: String(change.assigneeId),
        count: outside.length,
        ids: outside.slice(0, 10).join(", "),
      }),
    ]);
}

/**
 * Bulk triage from `{ids, action, resolve?, archive?, assigneeId?}`: archive, unarchive,
 * resolve, reopen, assign or delete. Only ids in the caller's own projects are touched and
 * reported (ascending); others are indistinguishable from missing ones.
 */
export async function triageErrors(db: Db, input: { userId: number; body: unknown }) {
  const body = parseWith(bulkErrorsSchema, input.body);
  const errorIds = [...new Set(body.ids)];
  if (body.action === "delete") {
    const affected = await deleteErrors(db, { userId: input.userId, errorIds });
    return { action: body.action, affected: affected.sort((a, b) => a - b) };
  }
  const change = toChange(BULK_STATUS[body.action] ?? undefined, body);
  await assertAssignable(db, input.userId, errorIds, change);
  const affected = await applyTriageChange(db, { userId: input.userId, errorIds, change });
  return { action: body.action, affected };
}

/**
 * Changes one error from `{status?, resolve?, archive?, assigneeId?}` (PATCH /api/errors/:id);
 * 404 when it is not in the caller's projects.
 */
export async function changeErrorStatus(
  db: Db,
  input: { userId: number; errorId: number; body: unknown },
): Promise<TriageChange> {
  const body = parseWith(errorStatusUpdateSchema, input.body);
  const change = toChange(body.status, body);
  await assertAssignable(db, input.userId, [input.errorId], change);
  const [updated] = await applyTriageChange(db, {
    userId: input.userId,
    errorIds: [input.errorId],
    change,
  });
  if (!updated) throw notFound("error");
  return change;
}

/** Deletes one error and its events; 404 when it is not in the caller's projects. */
export async function deleteError(db: Db, input: { userId: number; errorId: number }) {
  const [deleted] = await deleteErrors(db, { userId: input.userId, errorIds: [input.errorId] });
  if (!deleted) throw notFound("error");
}

/** Deletes one event; 404 when it is not in the caller's projects. */
export async function deleteEvent(db: Db, input: { userId: number; eventId: number }) {
  if (!(await deleteEventForUser(db, input))) throw notFound("event");
}
