import type { DbOrTx } from "@/db/client";
import { type ActivityRecord, listErrorActivity } from "@/db/queries/error-activity";
import { findErrorForUser } from "@/db/queries/error-groups";
import { notFound } from "../domain-errors";
import { parseIdPage } from "../pagination";

export const DEFAULT_ACTIVITY_LIMIT = 50;

type Params = { get(name: string): string | null };

/**
 * An error's activity (`GET /api/errors/:id/activity`): every change of status, assignee or
 * resolution and every regression or escalation, newest first. `cursor` is the previous
 * page's nextCursor; `limit` 1 to 100 (default 50). An error that is not the caller's is a
 * 404, as a missing one.
 */
export async function listActivityOfError(
  db: DbOrTx,
  input: { userId: number; errorId: number; params: Params },
): Promise<{ items: ActivityRecord[]; nextCursor: string | null }> {
  const page = parseIdPage(input.params, { defaultLimit: DEFAULT_ACTIVITY_LIMIT });
  const error = await findErrorForUser(db, { userId: input.userId, errorId: input.errorId });
  if (!error) throw notFound("error");
  const { items, more } = await listErrorActivity(db, { errorId: error.id, ...page });
  const last = items[items.length - 1];
  return { items, nextCursor: more && last ? String(last.id) : null };
}
