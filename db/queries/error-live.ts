import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { errors, events } from "../schema";
import { inUserProjects } from "./scope";

/** What a page open on an error shows that new events or someone else's triage change. */
const counterColumns = {
  id: errors.id,
  count: errors.eventCount,
  lastSeen: errors.lastSeen,
  status: errors.status,
  substatus: errors.substatus,
  eventsSinceStatus: sql<number>`(${errors.eventCount} - ${errors.statusEventCount})::int`,
};

export type ErrorCounters = Awaited<ReturnType<typeof listErrorCounters>>[number];

/** The counters of those of `ids` that are errors of the project (by primary key). */
export async function listErrorCounters(db: DbOrTx, input: { projectId: number; ids: number[] }) {
  if (input.ids.length === 0) return [];
  return db
    .select(counterColumns)
    .from(errors)
    .where(and(inArray(errors.id, input.ids), eq(errors.projectId, input.projectId)));
}

/**
 * One error's counters and the id of its latest event (as the detail page picks it: newest
 * occurrence, then id), if it is in one of the user's projects; null otherwise.
 */
export async function findErrorCountersForUser(
  db: DbOrTx,
  input: { userId: number; errorId: number },
) {
  const [row] = await db
    .select(counterColumns)
    .from(errors)
    .where(and(eq(errors.id, input.errorId), inUserProjects(db, errors.projectId, input.userId)))
    .limit(1);
  if (!row) return null;
  const [latest] = await db
    .select({ id: events.id })
    .from(events)
    .where(eq(events.errorId, row.id))
    .orderBy(desc(events.occurredAt), desc(events.id))
    .limit(1);
  return { ...row, latestEventId: latest?.id ?? null };
}
