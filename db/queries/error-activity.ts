import { and, desc, eq, lt } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { errorActivity, users } from "../schema";

export interface ActivityRecord {
  id: number;
  at: Date;
  /** Null: Error Central itself (a regression, an escalation), or a user since deleted. */
  actor: { id: number; name: string } | null;
  kind: (typeof errorActivity.$inferSelect)["kind"];
  detail: Record<string, unknown>;
}

/**
 * An error's activity, newest first (index error_activity_error_idx), `limit` rows after the
 * row `before` (keyset on id). The caller checks that the error is the user's.
 */
export async function listErrorActivity(
  db: DbOrTx,
  input: { errorId: number; before: number | null; limit: number },
): Promise<{ items: ActivityRecord[]; more: boolean }> {
  const where = [eq(errorActivity.errorId, input.errorId)];
  if (input.before !== null) where.push(lt(errorActivity.id, input.before));
  const rows = await db
    .select({
      id: errorActivity.id,
      at: errorActivity.at,
      actorId: users.id,
      actorName: users.name,
      kind: errorActivity.kind,
      detail: errorActivity.detail,
    })
    .from(errorActivity)
    .leftJoin(users, eq(users.id, errorActivity.actorUserId))
    .where(and(...where))
    .orderBy(desc(errorActivity.id))
    .limit(input.limit + 1);
  const items = rows.slice(0, input.limit).map(({ actorId, actorName, ...row }) => ({
    ...row,
    actor: actorId !== null && actorName !== null ? { id: actorId, name: actorName } : null,
  }));
  return { items, more: rows.length > input.limit };
}
