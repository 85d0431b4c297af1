import { sql } from "drizzle-orm";
import type { NormalizedEvent } from "@/lib/ingest/types";
import type { Db, DbOrTx } from "../client";
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
 * Stores a batch in one statement, so in one transaction: every event or none. The counters,
 * first and last seen, and the latest title, level and details of each error are taken from
 * exactly the events that were inserted: a repeated eventId (idempotent retry) never counts
 * twice, never changes what the error shows, and frequencies never drift.
 *
 * One statement is one round trip, and there is no BEGIN or COMMIT to wait for. Concurrent
 * batches share hot errors, and a row lock is held until commit, so the order of the work
 * decides how long one waits for another: the events go in first, then the errors' rows are
 * locked, in id order so that two batches never deadlock, and updated. Known errors come from
 * `cache` or an index lookup; a new error takes an id from the sequence, its events point at
 * it, and it is inserted with their count and text once they are in (a foreign key is checked
 * at the end of the statement). If another batch created the same error meanwhile, that
 * insert yields, the foreign key fails, and the batch is written again, finding the error.
 * Returns one reference per input item, in order; a repeated eventId gets the first result.
 */
export async function insertEvents(
  db: Db,
  items: EventToStore[],
  cache: ErrorIdCache = new ErrorIdCache(),
): Promise<StoredEventRef[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await insertEventsOnce(db, items, cache);
    } catch (error) {
      // A cached error deleted since, or a new error created by a concurrent batch: the
      // statement rolled back whole; the next attempt looks the errors up afresh.
      if (errorCode(error) !== "23503" || attempt === 3) throw error;
      cache.forget(
        items.map(({ projectId, event }) =>
          groupKey(projectId, event.environment, event.fingerprint),
        ),
      );
    }
  }
}

async function insertEventsOnce(
  db: DbOrTx,
  items: EventToStore[],
  cache: ErrorIdCache,
): Promise<StoredEventRef[]> {
  if (items.length === 0) return [];
  const unique = new Map<string, EventToStore>();
  for (const item of items) {
    const key = eventKey(item.projectId, item.event.eventId);
    if (!unique.has(key)) unique.set(key, item);
  }

  const eventRows = [...unique.values()].map(({ projectId, userId, tokenId, event }) => ({
    known_error_id: cache.get(groupKey(projectId, event.environment, event.fingerprint)) ?? null,
    project_id: projectId,
    fingerprint: event.fingerprint,
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
    environment: string;
    fingerprint: string;
  }>(
    await executePrepared(
      db,
      "insert_events",
      sql`
      WITH input AS (
        SELECT * FROM jsonb_to_recordset(${toJsonParam(eventRows)}::jsonb) AS x(
          known_error_id bigint, project_id int, fingerprint text, event_id text, title text,
          details text, level text, origin text, environment text, release text,
          occurred_at timestamptz, user_id int, token_id uuid, tags jsonb, payload jsonb,
          culprit text, grouping_version smallint)
      ), groups AS (
        -- One row per error: an unknown one is looked up through the unique index (whatever a
        -- young table's statistics say), a new one draws its id from the sequence.
        SELECT g.project_id, g.environment, g.fingerprint, g.existing_id IS NULL AS is_new,
          coalesce(g.existing_id, nextval('errors_id_seq')) AS error_id
        FROM (
          SELECT DISTINCT ON (x.project_id, x.environment, x.fingerprint) x.project_id,
            x.environment, x.fingerprint,
            coalesce(x.known_error_id, (SELECT f.id FROM (
              -- A row comparison in the unique index's order: no other index can answer it.
              SELECT e.id, e.project_id, e.environment, e.fingerprint FROM errors e
              WHERE (e.project_id, e.environment, e.fingerprint)
                >= (x.project_id, x.environment, x.fingerprint)
              ORDER BY e.project_id, e.environment, e.fingerprint LIMIT 1) f
              WHERE f.project_id = x.project_id AND f.environment = x.environment
                AND f.fingerprint = x.fingerprint)) AS existing_id
          FROM input x
          ORDER BY x.project_id, x.environment, x.fingerprint, x.known_error_id NULLS LAST
        ) g
      ), ins AS (
        INSERT INTO events (error_id, project_id, event_id, title, details, level, origin,
          environment, release, occurred_at, collected_by_user_id, collected_by_token_id, tags, payload)
        SELECT g.error_id, x.project_id, x.event_id, x.title, x.details, x.level, x.origin,
          x.environment, x.release, x.occurred_at, x.user_id, x.token_id,
          coalesce(x.tags, '{}'::jsonb), x.payload
        FROM input x JOIN groups g ON g.project_id = x.project_id
          AND g.environment = x.environment AND g.fingerprint = x.fingerprint
        ON CONFLICT (project_id, event_id) DO NOTHING
        RETURNING id, error_id, project_id, event_id, occurred_at
      ), latest AS (
        -- Per error: the inserted events' count and times, and the newest one's text.
        SELECT DISTINCT ON (i.error_id) i.error_id,
          count(*) OVER w ::int AS n, min(i.occurred_at) OVER w AS first_seen,
          max(i.occurred_at) OVER w AS last_seen, x.title, left(x.details, 1000) AS details_preview,
          x.level, x.origin, x.culprit, x.grouping_version, x.environment, x.fingerprint
        FROM ins i JOIN input x ON x.project_id = i.project_id AND x.event_id = i.event_id
        WINDOW w AS (PARTITION BY i.error_id)
        ORDER BY i.error_id, i.occurred_at DESC, i.id DESC
      ), created AS (
        INSERT INTO errors (id, project_id, environment, fingerprint, grouping_version, title,
          details_preview, level, origin, culprit, event_count, first_seen, last_seen)
        OVERRIDING SYSTEM VALUE
        SELECT g.error_id, g.project_id, g.environment, g.fingerprint, c.grouping_version,
          c.title, c.details_preview, c.level, c.origin, c.culprit, c.n, c.first_seen, c.last_seen
        FROM latest c JOIN groups g ON g.error_id = c.error_id
        WHERE g.is_new
        ORDER BY g.error_id
        ON CONFLICT (project_id, environment, fingerprint) DO NOTHING
        RETURNING id
      ), locked AS (
        -- Known errors' rows are locked after the events went in, in id order: batches that
        -- share errors wait for each other only briefly, and never deadlock. New errors are
        -- not in this statement's snapshot, so they are not here.
        SELECT e.id, c.n, c.first_seen, c.last_seen, c.title, c.details_preview, c.level,
          c.origin, c.culprit, c.grouping_version
        FROM latest c JOIN errors e ON e.id = c.error_id
        ORDER BY e.id FOR NO KEY UPDATE OF e
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
        FROM locked c
        WHERE e.id = c.id
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
      SELECT i.id::float8 AS id, i.error_id::float8 AS error_id, i.project_id, i.event_id,
        g.environment, g.fingerprint
      FROM ins i JOIN groups g ON g.error_id = i.error_id`,
    ),
  );

  const refs = new Map<string, StoredEventRef>();
  for (const row of inserted) {
    const ref = { id: Number(row.id), errorId: Number(row.error_id) };
    refs.set(eventKey(row.project_id, row.event_id), ref);
    // The statement committed, so every error its events point at exists.
    cache.set(groupKey(row.project_id, row.environment, row.fingerprint), ref.errorId);
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
      await db.execute(sql`
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
  }

  return items.map((item) => {
    const ref = refs.get(eventKey(item.projectId, item.event.eventId));
    if (!ref) throw new Error(`event ${item.event.eventId} was neither inserted nor found`);
    return ref;
  });
}
