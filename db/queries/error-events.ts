import { and, desc, eq, gte, lte, type SQL, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../client";
import { apiTokens, errorHourlyCounts, errorReleases, errors, events, users } from "../schema";
import { foldTagDeltas, forgetTagsOfEvent } from "./error-tags";
import { inUserProjects } from "./scope";

const eventColumns = {
  id: events.id,
  eventId: events.eventId,
  errorId: events.errorId,
  projectId: events.projectId,
  title: events.title,
  details: events.details,
  level: events.level,
  origin: events.origin,
  environment: events.environment,
  release: events.release,
  occurredAt: events.occurredAt,
  receivedAt: events.receivedAt,
  tags: events.tags,
  payload: events.payload,
  collectedBy: {
    userId: users.id,
    name: users.name,
    email: users.email,
    tokenName: apiTokens.name,
  },
};

function selectEvents(db: DbOrTx) {
  return db
    .select(eventColumns)
    .from(events)
    .leftJoin(users, eq(users.id, events.collectedByUserId))
    .leftJoin(apiTokens, eq(apiTokens.id, events.collectedByTokenId));
}

type EventRow = Awaited<ReturnType<ReturnType<typeof selectEvents>["execute"]>>[number];

/** `collectedBy` is null when the user who sent it has since been deleted. */
function shapeEvent(row: EventRow) {
  const { collectedBy, ...rest } = row;
  return {
    ...rest,
    collectedBy: collectedBy?.userId
      ? { name: collectedBy.name, email: collectedBy.email, tokenName: collectedBy.tokenName }
      : null,
  };
}

export type EventRecord = ReturnType<typeof shapeEvent>;

/**
 * The newest occurrence (the one the error's title, level and lastSeen follow), not the last one
 * received: a client may send older events late.
 */
export async function findLatestEvent(db: DbOrTx, errorId: number): Promise<EventRecord | null> {
  const [row] = await selectEvents(db)
    .where(eq(events.errorId, errorId))
    .orderBy(desc(events.occurredAt), desc(events.id))
    .limit(1);
  return row ? shapeEvent(row) : null;
}

/** An error's events, newest first; `before` is the id of the last event already seen. */
const EVENTS_CURSOR = /^(\d{1,17})\.([1-9]\d{0,15})$/;

/** An events cursor: "<occurred_at in epoch microseconds>.<id>" of the last event shown. */
export function isEventsCursor(value: string): boolean {
  return EVENTS_CURSOR.test(value);
}

/**
 * An error's events, newest first by when they happened (then by id), with a keyset cursor
 * that keeps microseconds, so that late-arriving old events fall into their place.
 */
export async function listEventsOfError(
  db: DbOrTx,
  input: { errorId: number; cursor: string | null; limit: number },
): Promise<{ items: EventRecord[]; nextCursor: string | null }> {
  const where = [eq(events.errorId, input.errorId)];
  const match = input.cursor ? EVENTS_CURSOR.exec(input.cursor) : null;
  if (match) {
    where.push(
      sql`(${events.occurredAt}, ${events.id}) < ('epoch'::timestamptz + ${match[1]}::bigint * interval '1 microsecond', ${match[2]}::bigint)`,
    );
  }
  const rows = await db
    .select({
      ...eventColumns,
      micros: sql<string>`(extract(epoch FROM ${events.occurredAt}) * 1000000)::bigint::text`,
    })
    .from(events)
    .leftJoin(users, eq(users.id, events.collectedByUserId))
    .leftJoin(apiTokens, eq(apiTokens.id, events.collectedByTokenId))
    .where(and(...where))
    .orderBy(desc(events.occurredAt), desc(events.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(({ micros: _micros, ...row }) => shapeEvent(row)),
    nextCursor: rows.length > input.limit && last ? `${last.micros}.${last.id}` : null,
  };
}

/** One event of one error by its row id; null when it is not that error's (callers scope the error). */
export async function findEventOfError(
  db: DbOrTx,
  input: { errorId: number; eventId: number },
): Promise<EventRecord | null> {
  const [row] = await selectEvents(db)
    .where(and(eq(events.id, input.eventId), eq(events.errorId, input.errorId)))
    .limit(1);
  return row ? shapeEvent(row) : null;
}

export async function findEventForUser(db: DbOrTx, input: { userId: number; eventId: number }) {
  const [row] = await selectEvents(db)
    .where(and(eq(events.id, input.eventId), inUserProjects(db, events.projectId, input.userId)))
    .limit(1);
  return row ? shapeEvent(row) : null;
}

/**
 * Deletes one event and keeps its error consistent in the same transaction: the count drops
 * by one, first/last seen, the shown title, level, origin and details (those of the newest
 * event left), the hourly bucket and the release counts (with the first and last release)
 * follow, and an error left with no events goes.
 */
export async function deleteEventForUser(
  db: Db,
  input: { userId: number; eventId: number },
): Promise<boolean> {
  // The event's tag counts may still wait in error_tag_deltas: folded before the error is
  // locked, so that the event's share is taken from counters that hold it.
  await foldTagDeltas(db);
  return db.transaction(async (tx) => {
    const [target] = await tx
      .select({ errorId: events.errorId })
      .from(events)
      .where(and(eq(events.id, input.eventId), inUserProjects(tx, events.projectId, input.userId)))
      .limit(1);
    if (!target) return false;
    // The error is locked first, as ingest does: concurrent deletes of its events then run one
    // after the other and each recomputes from what the previous one left.
    await tx
      .select({ id: errors.id })
      .from(errors)
      .where(eq(errors.id, target.errorId))
      .for("update");
    const [deleted] = await tx
      .delete(events)
      .where(eq(events.id, input.eventId))
      .returning({
        errorId: events.errorId,
        occurredAt: events.occurredAt,
        // Microseconds, which a Date drops: compared with the release row's first and last seen.
        occurredAtText: sql<string>`${events.occurredAt}::text`,
        release: events.release,
        tags: events.tags,
      });
    if (!deleted) return false;
    await tx
      .update(errorHourlyCounts)
      .set({ count: sql`${errorHourlyCounts.count} - 1` })
      .where(
        and(
          eq(errorHourlyCounts.errorId, deleted.errorId),
          eq(
            errorHourlyCounts.hour,
            new Date(Math.floor(deleted.occurredAt.getTime() / 3_600_000) * 3_600_000),
          ),
        ),
      );
    if (deleted.release !== null)
      await forgetReleaseEvent(tx, { ...deleted, release: deleted.release });
    await forgetTagsOfEvent(tx, { errorId: deleted.errorId, tags: deleted.tags });
    await tx.execute(sql`
      WITH latest AS (
        SELECT occurred_at, title, level, origin, left(details, 1000) AS details_preview
        FROM events WHERE error_id = ${deleted.errorId}
        ORDER BY occurred_at DESC, id DESC LIMIT 1
      )
      UPDATE errors e SET event_count = e.event_count - 1,${
        deleted.release === null
          ? sql``
          : sql`first_release = ${firstReleaseOf(sql`e.id`)}, last_release = ${lastReleaseOf(sql`e.id`)},`
      }
        first_seen = coalesce((SELECT min(occurred_at) FROM events WHERE error_id = e.id), e.first_seen),
        last_seen = coalesce((SELECT occurred_at FROM latest), e.last_seen),
        title = coalesce((SELECT title FROM latest), e.title),
        level = coalesce((SELECT level FROM latest), e.level),
        origin = coalesce((SELECT origin FROM latest), e.origin),
        details_preview = coalesce((SELECT details_preview FROM latest), e.details_preview)
      WHERE e.id = ${deleted.errorId}`);
    await tx.delete(errors).where(and(eq(errors.id, deleted.errorId), eq(errors.eventCount, 0)));
    return true;
  });
}

/**
 * An error's first and last release as the ingest write sets them, from its error_releases
 * rows: the release seen first, and the one seen last; null when none is left.
 */
export const firstReleaseOf = (errorId: SQL) =>
  sql`(SELECT r.release FROM error_releases r WHERE r.error_id = ${errorId}
    ORDER BY r.first_seen, r.release LIMIT 1)`;
export const lastReleaseOf = (errorId: SQL) =>
  sql`(SELECT r.release FROM error_releases r WHERE r.error_id = ${errorId}
    ORDER BY r.last_seen DESC, r.release LIMIT 1)`;

/**
 * One deleted event's share of its error's release counts: the (error, release) row drops by
 * one and goes at zero; its first or last seen is recomputed from the events left only when
 * the deleted event was that boundary. Run after the event is deleted, with the error locked.
 */
async function forgetReleaseEvent(
  tx: DbOrTx,
  deleted: { errorId: number; occurredAtText: string; release: string },
): Promise<void> {
  const at = deleted.occurredAtText;
  await tx.execute(sql`
    UPDATE error_releases r SET count = r.count - 1,
      first_seen = CASE WHEN r.count > 1 AND r.first_seen >= ${at}::timestamptz
        THEN coalesce((SELECT min(v.occurred_at) FROM events v
          WHERE v.error_id = r.error_id AND v.release = r.release), r.first_seen)
        ELSE r.first_seen END,
      last_seen = CASE WHEN r.count > 1 AND r.last_seen <= ${at}::timestamptz
        THEN coalesce((SELECT max(v.occurred_at) FROM events v
          WHERE v.error_id = r.error_id AND v.release = r.release), r.last_seen)
        ELSE r.last_seen END
    WHERE r.error_id = ${deleted.errorId} AND r.release = ${deleted.release}`);
  await tx
    .delete(errorReleases)
    .where(
      and(
        eq(errorReleases.errorId, deleted.errorId),
        eq(errorReleases.release, deleted.release),
        lte(errorReleases.count, 0),
      ),
    );
}

export interface CountBucket {
  start: string;
  count: number;
}

/** Events per hour over the last 24 hours and per day over the last 14 days, zeros included. */
export async function countEventsOverTime(db: DbOrTx, errorId: number, now = new Date()) {
  const hourStart = new Date(now);
  hourStart.setUTCMinutes(0, 0, 0);
  const dayStart = new Date(now);
  dayStart.setUTCHours(0, 0, 0, 0);
  const since = new Date(
    Math.min(hourStart.getTime() - 23 * 3_600_000, dayStart.getTime() - 13 * 86_400_000),
  );
  const rows = await db
    .select({ hour: errorHourlyCounts.hour, count: errorHourlyCounts.count })
    .from(errorHourlyCounts)
    .where(and(eq(errorHourlyCounts.errorId, errorId), gte(errorHourlyCounts.hour, since)));
  const hourly: CountBucket[] = Array.from({ length: 24 }, (_, i) => ({
    start: new Date(hourStart.getTime() - (23 - i) * 3_600_000).toISOString(),
    count: 0,
  }));
  const daily: CountBucket[] = Array.from({ length: 14 }, (_, i) => ({
    start: new Date(dayStart.getTime() - (13 - i) * 86_400_000).toISOString(),
    count: 0,
  }));
  for (const row of rows) {
    const hourIndex = 23 - Math.round((hourStart.getTime() - row.hour.getTime()) / 3_600_000);
    const hourBucket = hourly[hourIndex];
    if (hourBucket) hourBucket.count += row.count;
    const rowDay = new Date(row.hour);
    rowDay.setUTCHours(0, 0, 0, 0);
    const dayIndex = 13 - Math.round((dayStart.getTime() - rowDay.getTime()) / 86_400_000);
    const dayBucket = daily[dayIndex];
    if (dayBucket) dayBucket.count += row.count;
  }
  return { hourly, daily };
}
