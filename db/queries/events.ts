import { sql } from "drizzle-orm";
import type { NormalizedEvent } from "@/lib/ingest/types";
import type { Db, Tx } from "../client";
import { errorCode } from "../errors";
import { executePrepared, resultRows, storableText, toJsonParam } from "../sql";

export interface EventToStore {
  projectId: number;
  userId: number | null;
  tokenId: string | null;
  event: NormalizedEvent;
}

export interface StoredEventRef {
  id: number;
  errorId: number;
}

// The environment as stored: the database's RETURNING answers with the cleaned text.
const groupKey = (projectId: number, environment: string, fingerprint: string) =>
  `${projectId}\u0000${storableText(environment)}\u0000${fingerprint}`;
const eventKey = (projectId: number, eventId: string) => `${projectId}\u0000${eventId}`;

/**
 * Error ids by group (project, environment, fingerprint), remembered by a writer so that the
 * errors it has seen are not looked up again. An entry may outlive its error (deleted by a
 * user or by retention): the events' foreign key then fails the batch, which forgets the
 * batch's entries and is written again.
 */
export class ErrorIdCache {
  private readonly ids = new Map<string, number>();
  constructor(private readonly capacity = 50_000) {}

  get(key: string): number | undefined {
    return this.ids.get(key);
  }

  set(key: string, id: number): void {
    if (this.ids.size >= this.capacity && !this.ids.has(key)) {
      // Oldest first: a Map iterates in insertion order.
      const oldest = this.ids.keys().next().value;
      if (oldest !== undefined) this.ids.delete(oldest);
    }
    this.ids.set(key, id);
  }

  forget(keys: Iterable<string>): void {
    for (const key of keys) this.ids.delete(key);
  }
}

/**
 * Stores a batch in one transaction: every event or none. The counters, first and last seen,
 * and the latest title, level and details of each error are taken from exactly the events
 * that were inserted: a repeated eventId (idempotent retry) never counts twice, never changes
 * what the error shows, and frequencies never drift.
 *
 * Concurrent batches share hot errors, and a row lock is held until commit, so the order of
 * the work decides how long one batch waits for another: errors are resolved first without
 * locking the known ones (from `cache`, else an upsert of the unknown ones), then the events
 * are inserted, and only then are the errors' rows locked (in id order, so that two batches
 * never deadlock) and updated, just before the commit.
 * Returns one reference per input item, in order; a repeated eventId gets the first result.
 */
export async function insertEvents(
  db: Db,
  items: EventToStore[],
  cache: ErrorIdCache = new ErrorIdCache(),
): Promise<StoredEventRef[]> {
  try {
    return await insertEventsOnce(db, items, cache);
  } catch (error) {
    // An error deleted since its id was cached or resolved fails the foreign key; the
    // transaction rolled back whole, and a second attempt looks the errors up afresh.
    if (errorCode(error) !== "23503") throw error;
    cache.forget(
      items.map(({ projectId, event }) =>
        groupKey(projectId, event.environment, event.fingerprint),
      ),
    );
    return insertEventsOnce(db, items, cache);
  }
}

interface GroupRow {
  key: string;
  project_id: number;
  environment: string;
  fingerprint: string;
  grouping_version: number;
  title: string;
  level: string;
  origin: string;
}

const compareGroups = (a: GroupRow, b: GroupRow) =>
  a.project_id !== b.project_id
    ? a.project_id - b.project_id
    : a.environment !== b.environment
      ? a.environment < b.environment
        ? -1
        : 1
      : a.fingerprint < b.fingerprint
        ? -1
        : a.fingerprint > b.fingerprint
          ? 1
          : 0;

async function insertEventsOnce(
  db: Db,
  items: EventToStore[],
  cache: ErrorIdCache,
): Promise<StoredEventRef[]> {
  if (items.length === 0) return [];
  const unique = new Map<string, EventToStore>();
  for (const item of items) {
    const key = eventKey(item.projectId, item.event.eventId);
    if (!unique.has(key)) unique.set(key, item);
  }

  const errorIds = new Map<string, number>();
  const unknown = new Map<string, GroupRow>();
  for (const { projectId, event } of unique.values()) {
    const key = groupKey(projectId, event.environment, event.fingerprint);
    const cached = cache.get(key);
    if (cached !== undefined) errorIds.set(key, cached);
    else if (!unknown.has(key))
      unknown.set(key, {
        key,
        project_id: projectId,
        environment: event.environment,
        fingerprint: event.fingerprint,
        grouping_version: event.groupingVersion,
        title: event.title,
        level: event.level,
        origin: event.origin,
      });
  }

  const outcome = await db.transaction(async (tx) => {
    const created = await upsertErrors(tx, [...unknown.values()].sort(compareGroups));
    for (const row of created.resolved) errorIds.set(row.key, row.id);

    const eventRows = [...unique.values()].map(({ projectId, userId, tokenId, event }) => ({
      error_id: errorIds.get(groupKey(projectId, event.environment, event.fingerprint)),
      project_id: projectId,
      event_id: event.eventId,
      title: event.title,
      details: event.details,
      level: event.level,
      origin: event.origin,
      environment: event.environment,
      release: event.release,
      occurred_at: event.occurredAt.toISOString(),
      user_id: userId,
      token_id: tokenId,
      tags: event.tags,
      payload: event.payload,
      culprit: event.culprit,
      grouping_version: event.groupingVersion,
    }));
    const inserted = resultRows<{
      id: number;
      error_id: number;
      project_id: number;
      event_id: string;
    }>(
      await executePrepared(
        tx,
        "insert_events",
        sql`
        WITH input AS (
          SELECT * FROM jsonb_to_recordset(${toJsonParam(eventRows)}::jsonb) AS x(error_id bigint,
            project_id int, event_id text, title text, details text, level text, origin text,
            environment text, release text, occurred_at timestamptz, user_id int, token_id uuid,
            tags jsonb, payload jsonb, culprit text, grouping_version smallint)
        ), ins AS (
          INSERT INTO events (error_id, project_id, event_id, title, details, level, origin,
            environment, release, occurred_at, collected_by_user_id, collected_by_token_id, tags, payload)
          SELECT error_id, project_id, event_id, title, details, level, origin, environment, release,
            occurred_at, user_id, token_id, coalesce(tags, '{}'::jsonb), payload
          FROM input
          ON CONFLICT (project_id, event_id) DO NOTHING
          RETURNING id, error_id, project_id, event_id, occurred_at
        ), latest AS (
          -- Per error: the inserted events' count and times, and the newest one's text.
          SELECT DISTINCT ON (i.error_id) i.error_id,
            count(*) OVER w ::int AS n, min(i.occurred_at) OVER w AS first_seen,
            max(i.occurred_at) OVER w AS last_seen, x.title, left(x.details, 1000) AS details_preview,
            x.level, x.origin, x.culprit, x.grouping_version
          FROM ins i JOIN input x ON x.project_id = i.project_id AND x.event_id = i.event_id
          WINDOW w AS (PARTITION BY i.error_id)
          ORDER BY i.error_id, i.occurred_at DESC, i.id DESC
        ), locked AS (
          -- The errors' rows are locked here, after the events went in and in id order, so
          -- that batches sharing errors wait for each other only briefly and never deadlock.
          SELECT e.id FROM errors e WHERE e.id IN (SELECT error_id FROM latest)
          ORDER BY e.id FOR NO KEY UPDATE
        ), counted AS (
          UPDATE errors e SET event_count = e.event_count + c.n,
            first_seen = least(e.first_seen, c.first_seen),
            last_seen = greatest(e.last_seen, c.last_seen),
            title = CASE WHEN c.last_seen >= e.last_seen THEN c.title ELSE e.title END,
            details_preview = CASE WHEN c.last_seen >= e.last_seen THEN c.details_preview ELSE e.details_preview END,
            level = CASE WHEN c.last_seen >= e.last_seen THEN c.level ELSE e.level END,
            origin = CASE WHEN c.last_seen >= e.last_seen THEN c.origin ELSE e.origin END,
            culprit = CASE WHEN c.last_seen >= e.last_seen THEN coalesce(c.culprit, e.culprit) ELSE e.culprit END,
            grouping_version = c.grouping_version
          FROM latest c JOIN locked l ON l.id = c.error_id
          WHERE e.id = c.error_id
          RETURNING e.id
        ), hourly AS (
          INSERT INTO error_hourly_counts AS h (error_id, hour, count)
          -- UTC hours whatever the session's TimeZone (a +05:30 zone would shift them). Sorted,
          -- so that concurrent batches lock the same hours in the same order.
          SELECT error_id, date_trunc('hour', occurred_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC',
            count(*)::int FROM ins GROUP BY 1, 2 ORDER BY 1, 2
          ON CONFLICT (error_id, hour) DO UPDATE SET count = h.count + excluded.count
          RETURNING h.error_id
        )
        SELECT id::float8 AS id, error_id::float8 AS error_id, project_id, event_id FROM ins`,
      ),
    );
    const refs = new Map<string, StoredEventRef>();
    for (const row of inserted) {
      refs.set(eventKey(row.project_id, row.event_id), {
        id: Number(row.id),
        errorId: Number(row.error_id),
      });
    }

    if (refs.size < unique.size) {
      // Retries of events stored earlier: answer with the first result, as if stored now.
      const missing = [...unique.values()]
        .filter((item) => !refs.has(eventKey(item.projectId, item.event.eventId)))
        .map((item) => ({ project_id: item.projectId, event_id: item.event.eventId }));
      const existing = resultRows<{
        id: number;
        error_id: number;
        project_id: number;
        event_id: string;
      }>(
        await tx.execute(sql`
          SELECT ev.id::float8 AS id, ev.error_id::float8 AS error_id, ev.project_id, ev.event_id
          FROM jsonb_to_recordset(${toJsonParam(missing)}::jsonb) AS m(project_id int, event_id text)
          JOIN events ev ON ev.project_id = m.project_id AND ev.event_id = m.event_id`),
      );
      for (const row of existing) {
        refs.set(eventKey(row.project_id, row.event_id), {
          id: Number(row.id),
          errorId: Number(row.error_id),
        });
      }
      // An error created above only for events that turned out to be repeats holds no event.
      if (created.createdIds.length > 0) {
        await tx.execute(
          sql`DELETE FROM errors WHERE id = ANY(${`{${created.createdIds.join(",")}}`}::bigint[]) AND event_count = 0`,
        );
      }
    }

    return {
      refs,
      resolved: created.resolved,
      emptied: refs.size > inserted.length ? created.createdIds : [],
    };
  });

  // Remembered only once committed: a rolled-back batch may have created errors that are gone.
  const emptied = new Set(outcome.emptied);
  for (const row of outcome.resolved) if (!emptied.has(row.id)) cache.set(row.key, row.id);

  return items.map((item) => {
    const ref = outcome.refs.get(eventKey(item.projectId, item.event.eventId));
    if (!ref) throw new Error(`event ${item.event.eventId} was neither inserted nor found`);
    return ref;
  });
}

/**
 * The ids of errors the cache did not know, creating the missing ones. A new error starts
 * empty (its times at ±infinity, its text a placeholder): some of its events may turn out to
 * be retries, so it takes its values from the events actually inserted. An existing one is
 * only locked (a no-op update) and returns its id; the conflict arbiter is the unique index,
 * whatever the planner thinks of a young table's statistics. The groups come sorted, so that
 * two batches lock them in one order.
 */
async function upsertErrors(
  tx: Tx,
  groups: GroupRow[],
): Promise<{ resolved: { key: string; id: number }[]; createdIds: number[] }> {
  if (groups.length === 0) return { resolved: [], createdIds: [] };
  const rows = resultRows<{
    id: number;
    project_id: number;
    environment: string;
    fingerprint: string;
    created: boolean;
  }>(
    await executePrepared(
      tx,
      "upsert_errors",
      sql`
      INSERT INTO errors AS e (project_id, environment, fingerprint, grouping_version, title,
        level, origin, event_count, first_seen, last_seen)
      SELECT g.project_id, g.environment, g.fingerprint, g.grouping_version, g.title,
        g.level, g.origin, 0, 'infinity', '-infinity'
      FROM jsonb_to_recordset(${toJsonParam(groups.map(({ key: _key, ...row }) => row))}::jsonb)
        AS g(project_id int, environment text, fingerprint text, grouping_version smallint,
          title text, level text, origin text)
      ON CONFLICT (project_id, environment, fingerprint) DO UPDATE SET event_count = e.event_count
      RETURNING e.id::float8 AS id, e.project_id, e.environment, e.fingerprint, (xmax = 0) AS created`,
    ),
  );
  return {
    resolved: rows.map((row) => ({
      key: groupKey(row.project_id, row.environment, row.fingerprint),
      id: Number(row.id),
    })),
    createdIds: rows.filter((row) => row.created).map((row) => Number(row.id)),
  };
}
