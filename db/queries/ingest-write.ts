import { type SQL, sql } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "../client";
import { errorCode } from "../driver-errors";
import type { NormalizedEvent } from "../normalized-event";
import { executePrepared, resultRows, storableText, toJsonParam } from "../sql";

export interface EventToStore {
  projectId: number;
  userId: number | null;
  tokenId: string | null;
  event: NormalizedEvent;
  /**
   * Whether the event's project has rules this write decides (IngestProject.alertRules, as
   * the ingest doors cached it); unknown (undefined) counts as yes.
   */
  alertRules?: boolean;
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
 * The id of the error of the group in row `alias` (project_id, environment, fingerprint), or
 * null. A row comparison in the unique index's order: no other index can answer it, whatever
 * the planner thinks of a young table's statistics (it chose a sort index and a filter).
 */
const errorIdOf = (alias: "x" | "g") =>
  sql.raw(`(SELECT f.id FROM (
    SELECT e.id, e.project_id, e.environment, e.fingerprint FROM errors e
    WHERE (e.project_id, e.environment, e.fingerprint)
      >= (${alias}.project_id, ${alias}.environment, ${alias}.fingerprint)
    ORDER BY e.project_id, e.environment, e.fingerprint LIMIT 1) f
  WHERE f.project_id = ${alias}.project_id AND f.environment = ${alias}.environment
    AND f.fingerprint = ${alias}.fingerprint)`);

/**
 * What makes a batch try again: a foreign key that failed (an error deleted, or created by
 * another batch, meanwhile) and a deadlock (PostgreSQL broke a cycle of waits between batches
 * that share errors; the victim rolled back whole).
 */
const RETRIED = new Set(["23503", "40P01"]);
const FAST_ATTEMPTS = 6;
const CAREFUL_ATTEMPTS = 5;

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
 * insert yields and the foreign key fails; so does a cached id of an error deleted since. The
 * statement then rolled back whole, and the batch is written again: the same statement, which
 * now finds the error committed (each attempt waited for the batch it lost to), and after a
 * few lost races the careful way, in a transaction that first creates and locks all its
 * errors and then runs the same statement with every id known.
 * Returns one reference per input item, in order; a repeated eventId gets the first result.
 */
export async function insertEvents(
  db: Db,
  items: EventToStore[],
  cache: ErrorIdCache = new ErrorIdCache(),
): Promise<StoredEventRef[]> {
  const keys = () =>
    items.map(({ projectId, event }) => groupKey(projectId, event.environment, event.fingerprint));
  // A lost race means another batch just created or deleted one of these errors; the next
  // attempt finds it committed. Each attempt waits for the batch it lost to, so a handful do.
  for (let attempt = 1; attempt <= FAST_ATTEMPTS; attempt++) {
    try {
      return await insertEventsOnce(db, items, cache);
    } catch (error) {
      if (!RETRIED.has(errorCode(error) ?? "")) throw error;
      cache.forget(keys());
    }
  }
  const groups = new Map<string, GroupRow>();
  for (const { projectId, event } of items) {
    const key = groupKey(projectId, event.environment, event.fingerprint);
    if (!groups.has(key))
      groups.set(key, {
        project_id: projectId,
        environment: event.environment,
        fingerprint: event.fingerprint,
        grouping_version: event.groupingVersion,
        title: event.title,
        level: event.level,
        origin: event.origin,
      });
  }
  cache.forget(groups.keys());
  const rows = [...groups.values()];
  for (let attempt = 1; ; attempt++) {
    try {
      const refs = await db.transaction(async (tx) => {
        const ids = await resolveAndLockErrors(tx, rows);
        if (!ids) return null;
        const stored = await insertEventsOnce(tx, items, cache, ids);
        // An error created here only for events that turned out to be repeats holds no event.
        const all = `{${[...ids.values()].join(",")}}`;
        await tx.execute(
          sql`DELETE FROM errors WHERE id = ANY(${all}::bigint[]) AND event_count = 0`,
        );
        return stored;
      });
      if (refs) return refs;
      if (attempt === CAREFUL_ATTEMPTS) throw new Error("could not resolve the errors of a batch");
    } catch (error) {
      if (!RETRIED.has(errorCode(error) ?? "") || attempt === CAREFUL_ATTEMPTS) throw error;
    }
  }
}

interface GroupRow {
  project_id: number;
  environment: string;
  fingerprint: string;
  grouping_version: number;
  title: string;
  level: string;
  origin: string;
}

/**
 * Every group's error id, creating the missing errors empty (times at ±infinity, so that the
 * statement that follows gives them their events' count, times and text), and every one of
 * them locked until the transaction ends, so that none can be deleted meanwhile. The missing
 * ones are created in key order, then all are locked in id order, then the hourly buckets:
 * the order of the single statement (new errors, known errors, buckets), so that the two do
 * not deadlock. It is the last resort, after FAST_ATTEMPTS lost races; a deadlock would still
 * be retried.
 */
async function resolveAndLockErrors(
  tx: Tx,
  groups: GroupRow[],
): Promise<Map<string, number> | null> {
  const rows = resultRows<{
    id: number | null;
    project_id: number;
    environment: string;
    fingerprint: string;
  }>(
    await tx.execute(sql`
      WITH g AS (
        SELECT * FROM jsonb_to_recordset(${toJsonParam(groups)}::jsonb) AS g(project_id int,
          environment text, fingerprint text, grouping_version smallint, title text,
          level text, origin text)
      ), created AS (
        INSERT INTO errors AS e (project_id, environment, fingerprint, grouping_version, title,
          level, origin, event_count, first_seen, last_seen)
        SELECT g.project_id, g.environment, g.fingerprint, g.grouping_version, g.title,
          g.level, g.origin, 0, 'infinity', '-infinity'
        FROM g ORDER BY g.project_id, g.environment, g.fingerprint
        ON CONFLICT (project_id, environment, fingerprint) DO NOTHING
        RETURNING e.id, e.project_id, e.environment, e.fingerprint
      )
      SELECT id::float8 AS id, project_id, environment, fingerprint FROM created
      UNION ALL
      SELECT ${errorIdOf("g")}::float8,
        g.project_id, g.environment, g.fingerprint
      FROM g`),
  );
  // The second half also lists the created groups, unseen by its snapshot (id null).
  const ids = new Map<string, number>();
  for (const row of rows) {
    if (row.id !== null)
      ids.set(groupKey(row.project_id, row.environment, row.fingerprint), Number(row.id));
  }
  const all = [...new Set(ids.values())].sort((x, y) => x - y);
  const locked = resultRows<{ id: number }>(
    await tx.execute(
      sql`SELECT id::float8 AS id FROM errors WHERE id = ANY(${`{${all.join(",")}}`}::bigint[]) ORDER BY id FOR NO KEY UPDATE`,
    ),
  );
  // An error deleted since it was read, or created by a transaction that committed after this
  // statement's snapshot: the caller tries again.
  if (ids.size < groups.length || locked.length < all.length) return null;
  return ids;
}

/**
 * Whether each error that is not open reopens with this batch, and why (null: it stays): the
 * database function error_reopen (migration 0010) holds the rules. It is called in the select
 * that locks the rows, with the row as locked: a row that another transaction changed
 * meanwhile is read again, newest version, and this expression with it (EvalPlanQual), so a
 * resolve that committed while the statement waited for its lock is seen. An open error,
 * almost every row, costs one comparison.
 */
const REOPEN_DETAIL = sql.raw(`CASE WHEN e.status = 'open' THEN NULL ELSE error_reopen(e, c.n,
  (SELECT jsonb_agg(jsonb_build_object('eventId', x.event_id, 'eventRef', i.id,
      'release', x.release, 'at', i.occurred_at) ORDER BY i.occurred_at, i.id)
    FROM ins i JOIN input x ON x.project_id = i.project_id AND x.event_id = i.event_id
    WHERE i.error_id = e.id)) END AS reopen_detail`);

/** Per error and release: the inserted events' count and times, and each error's first and last. */
const RELEASE_GROUPS = sql`, by_release AS (
        SELECT i.error_id, x.project_id, x.release, count(*)::int AS n,
          min(i.occurred_at) AS first_seen, max(i.occurred_at) AS last_seen
        FROM ins i JOIN input x ON x.project_id = i.project_id AND x.event_id = i.event_id
        WHERE x.release IS NOT NULL
        GROUP BY i.error_id, x.project_id, x.release
      ), release_ends AS (
        SELECT error_id, (array_agg(release ORDER BY first_seen, release))[1] AS first_release,
          (array_agg(release ORDER BY last_seen DESC, release))[1] AS last_release
        FROM by_release GROUP BY error_id
      )`;

/**
 * The per-error release counters, after the errors' locks like the hourly buckets, then the
 * releases the project had not seen: each takes the next id (first-seen order). The check
 * comes first, so that a known release draws no id from the sequence.
 */
const RELEASE_WRITES = sql`, release_counts AS (
        INSERT INTO error_releases AS r (error_id, project_id, release, count, first_seen,
          last_seen)
        SELECT error_id, project_id, release, n, first_seen, last_seen FROM by_release
        WHERE (SELECT count(*) FROM counted) >= 0
        ORDER BY error_id, release
        ON CONFLICT (error_id, release) DO UPDATE SET count = r.count + excluded.count,
          first_seen = least(r.first_seen, excluded.first_seen),
          last_seen = greatest(r.last_seen, excluded.last_seen)
        RETURNING r.error_id
      ), new_releases AS (
        INSERT INTO releases (project_id, name)
        SELECT DISTINCT b.project_id, b.release FROM by_release b
        WHERE (SELECT count(*) FROM release_counts) >= 0
          AND NOT EXISTS (SELECT 1 FROM releases o
            WHERE o.project_id = b.project_id AND o.name = b.release)
        ORDER BY 1, 2
        ON CONFLICT (project_id, name) DO NOTHING
        RETURNING id
      )`;

/**
 * The batch's tag counts, per (error, key, value), appended as one row of error_tag_deltas
 * after the hourly buckets, in key order. The counters themselves (error_tag_values, with
 * their bound on values per key) are updated by foldTagDeltas (db/queries/error-tags.ts),
 * many batches at a time: written here, the upserts and the bound's probes cost the ingest
 * statement about a third of its time.
 */
const TAG_WRITES = sql.raw(`, tag_input AS (
        SELECT i.error_id, x.project_id, t.key, t.value, count(*)::int AS n,
          min(i.occurred_at) AS first_seen, max(i.occurred_at) AS last_seen
        FROM ins i JOIN input x ON x.project_id = i.project_id AND x.event_id = i.event_id
          CROSS JOIN LATERAL jsonb_each_text(x.tags) t
        WHERE t.value <> ''
        GROUP BY 1, 2, 3, 4
      ), tag_counts AS (
        INSERT INTO error_tag_deltas (deltas)
        SELECT jsonb_agg(jsonb_build_array(error_id, project_id, key, value, n, first_seen,
          last_seen) ORDER BY error_id, key, value)
        FROM tag_input
        WHERE (SELECT count(*) FROM hourly) >= 0
        HAVING count(*) > 0
        RETURNING 1
      )`);

/**
 * The alert decisions (migration 0014, alert_ingest_decisions): one call with the ids of the
 * errors counted and created, after the hourly buckets.
 */
const alertDecisions = (after: SQL) => sql`, alerts AS (
        SELECT alert_ingest_decisions((SELECT array_agg(w.id ORDER BY w.id) FROM counted w),
          (SELECT array_agg(w.id ORDER BY w.id) FROM created w)) AS fired
        WHERE (SELECT count(*) FROM ${after}) >= 0
      )`;

async function insertEventsOnce(
  db: DbOrTx,
  items: EventToStore[],
  cache: ErrorIdCache,
  resolved?: Map<string, number>,
): Promise<StoredEventRef[]> {
  if (items.length === 0) return [];
  const unique = new Map<string, EventToStore>();
  for (const item of items) {
    const key = eventKey(item.projectId, item.event.eventId);
    if (!unique.has(key)) unique.set(key, item);
  }

  const knownId = (key: string) => resolved?.get(key) ?? cache.get(key) ?? null;
  const eventRows = [...unique.values()].map(({ projectId, userId, tokenId, event }) => ({
    known_error_id: knownId(groupKey(projectId, event.environment, event.fingerprint)),
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

  // Events without a release (every native one) skip the release bookkeeping: a second
  // prepared statement without it.
  const releases = eventRows.some((row) => row.release !== null);
  // Batches of projects without such rules (most) skip the alert decisions: a statement
  // without the call.
  const alerts = [...unique.values()].some((item) => item.alertRules !== false);
  // Events without tags skip the tag counters.
  const tags = eventRows.some((row) => Object.keys(row.tags).length > 0);
  // Each step after the hourly buckets waits for the one before: locks are taken in one order.
  const afterHourly = tags ? sql`tag_counts` : sql`hourly`;
  const last = alerts ? sql`alerts` : afterHourly;
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
      `insert_events${releases ? "_releases" : ""}${tags ? "_tags" : ""}${alerts ? "_alerts" : ""}`,
      sql`
      WITH input AS (
        SELECT * FROM jsonb_to_recordset(${toJsonParam(eventRows)}::jsonb) AS x(
          known_error_id bigint, project_id int, fingerprint text, event_id text, title text,
          details text, level text, origin text, environment text, release text,
          occurred_at timestamptz, user_id int, token_id uuid, tags jsonb, payload jsonb,
          culprit text, grouping_version smallint)
      ), groups AS (
        -- One row per error: an unknown one is looked up, a new one draws its id from the
        -- sequence.
        SELECT g.project_id, g.environment, g.fingerprint, g.existing_id IS NULL AS is_new,
          coalesce(g.existing_id, nextval('errors_id_seq')) AS error_id
        FROM (
          SELECT DISTINCT ON (x.project_id, x.environment, x.fingerprint) x.project_id,
            x.environment, x.fingerprint,
            coalesce(x.known_error_id, ${errorIdOf("x")}) AS existing_id
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
        -- In key order: two batches holding the same event ids (a client's retry sent while
        -- the first attempt is still being written) wait for each other in one order.
        ORDER BY x.project_id, x.event_id
        ON CONFLICT (project_id, event_id) DO NOTHING
        RETURNING id, error_id, project_id, event_id, occurred_at
      )${releases ? RELEASE_GROUPS : sql``}, latest AS (
        -- Per error: the inserted events' count and times, and the newest one's text.
        SELECT DISTINCT ON (i.error_id) i.error_id,
          count(*) OVER w ::int AS n, min(i.occurred_at) OVER w AS first_seen,
          max(i.occurred_at) OVER w AS last_seen, x.title, left(x.details, 1000) AS details_preview,
          x.level, x.origin, x.culprit, x.grouping_version, x.environment, x.fingerprint,
          ${releases ? sql`r.first_release, r.last_release` : sql`NULL::text AS first_release, NULL::text AS last_release`}
        FROM ins i JOIN input x ON x.project_id = i.project_id AND x.event_id = i.event_id
          ${releases ? sql`LEFT JOIN release_ends r ON r.error_id = i.error_id` : sql``}
        WINDOW w AS (PARTITION BY i.error_id)
        ORDER BY i.error_id, i.occurred_at DESC, i.id DESC
      ), created AS (
        INSERT INTO errors (id, project_id, environment, fingerprint, grouping_version, title,
          details_preview, level, origin, culprit, event_count, first_seen, last_seen,
          first_release, last_release)
        OVERRIDING SYSTEM VALUE
        SELECT g.error_id, g.project_id, g.environment, g.fingerprint, c.grouping_version,
          c.title, c.details_preview, c.level, c.origin, c.culprit, c.n, c.first_seen, c.last_seen,
          c.first_release, c.last_release
        FROM latest c JOIN groups g ON g.error_id = c.error_id
        WHERE g.is_new
        ORDER BY g.error_id
        ON CONFLICT (project_id, environment, fingerprint) DO NOTHING
        RETURNING id, event_count, first_seen, last_seen, last_release, severity
      ), locked AS (
        -- Known errors' rows are locked after the events and the new errors went in, in id
        -- order: batches that share errors wait for each other only briefly. New errors are
        -- not in this statement's snapshot, so they are not here. Reading the count of
        -- "created" first makes it run to completion before the first lock: a batch that
        -- waits there for another's new error holds no lock that one may need.
        SELECT e.id, c.n, c.first_seen, c.last_seen, c.title, c.details_preview, c.level,
          c.origin, c.culprit, c.grouping_version, c.first_release, c.last_release,
          ${REOPEN_DETAIL}
        FROM latest c JOIN errors e ON e.id = c.error_id
        WHERE (SELECT count(*) FROM created) >= 0
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
          grouping_version = c.grouping_version,
          first_release = coalesce(e.first_release, c.first_release),
          last_release = CASE WHEN c.last_release IS NOT NULL AND c.last_seen >= e.last_seen
            THEN c.last_release ELSE coalesce(e.last_release, c.last_release) END,
          -- Unchanged unless the error reopens (the errors_reopened trigger records that).
          status = CASE WHEN c.reopen_detail IS NULL THEN e.status ELSE 'open' END,
          substatus = CASE c.reopen_detail ->> 'reason' WHEN 'regression' THEN 'regressed'
            WHEN 'escalation' THEN 'escalating' ELSE e.substatus END,
          regressed_at = CASE WHEN c.reopen_detail ->> 'reason' = 'regression' THEN now()
            ELSE e.regressed_at END,
          reopen_detail = coalesce(c.reopen_detail, e.reopen_detail),
          status_changed_by_user_id = CASE WHEN c.reopen_detail IS NULL
            THEN e.status_changed_by_user_id END,
          status_event_count = CASE WHEN c.reopen_detail IS NULL THEN e.status_event_count
            ELSE e.event_count END,
          status_changed_at = CASE WHEN c.reopen_detail IS NULL THEN e.status_changed_at
            ELSE now() END
        FROM locked c
        WHERE e.id = c.id
        RETURNING e.id, e.event_count, e.first_seen, e.last_seen, e.last_release, e.severity
      )${releases ? RELEASE_WRITES : sql``}, hourly AS (
        INSERT INTO error_hourly_counts AS h (error_id, hour, count)
        -- UTC hours whatever the session's TimeZone (a +05:30 zone would shift them). After
        -- the errors' locks, as in the careful path: PostgreSQL runs the CTEs that nothing
        -- reads last one first, so without this the buckets were locked before the errors,
        -- and a careful transaction (errors, then buckets) deadlocked with this statement.
        SELECT error_id, date_trunc('hour', occurred_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC',
          count(*)::int FROM ins
        WHERE (SELECT count(*) FROM ${releases ? sql`new_releases` : sql`counted`}) >= 0
        GROUP BY 1, 2 ORDER BY 1, 2
        ON CONFLICT (error_id, hour) DO UPDATE SET count = h.count + excluded.count
        RETURNING h.error_id
      )${tags ? TAG_WRITES : sql``}${alerts ? alertDecisions(afterHourly) : sql``}
      SELECT i.id::float8 AS id, i.error_id::float8 AS error_id, i.project_id, i.event_id,
        g.environment, g.fingerprint
      FROM ins i JOIN groups g ON g.error_id = i.error_id
      WHERE (SELECT count(*) FROM ${last}) >= 0`,
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
