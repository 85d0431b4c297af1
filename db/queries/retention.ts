import { sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../client";
import { resultRows, toJsonParam } from "../sql";
import { firstReleaseOf, lastReleaseOf } from "./error-events";
import { foldTagDeltas } from "./error-tags";

export interface PruneResult {
  eventsDeleted: number;
  errorsDeleted: number;
  batches: number;
  complete: boolean;
}

/**
 * How long a prune batch may keep its errors locked (from their lock to its commit): ingest of
 * those errors waits that long. The batch size follows it, between MIN_BATCH and MAX_BATCH:
 * what a batch costs depends on how many errors its events belong to, not on their number.
 */
export const PRUNE_HOLD_TARGET_MS = 40;
const FIRST_BATCH = 1000;
/**
 * After each batch the prune rests this many times as long as the batch took: retention is not
 * urgent, and ingest on a small machine lost a third of its rate to a prune that never paused
 * (docs/benchmarks.md, session 9).
 */
export const PRUNE_REST_RATIO = 2;
const MIN_BATCH = 50;
const MAX_BATCH = 5000;

/** The next batch's size from the last one's and how long it held its errors. */
export function nextBatchSize(size: number, heldMs: number): number {
  const scale = Math.min(2, Math.max(0.25, PRUNE_HOLD_TARGET_MS / Math.max(heldMs, 1)));
  return Math.round(Math.min(MAX_BATCH, Math.max(MIN_BATCH, size * scale)));
}

/**
 * Deletes events received before `cutoff`, a batch per transaction, keeping every error
 * consistent in the same transaction: its count drops by the events removed, its hourly
 * buckets and release counts follow (its tag counters when the next fold runs), first and last seen (and first and last release) are
 * recomputed from what is left, and an error with no event left is deleted. Stops after
 * `deadline` (a cron call has a time limit) and says whether it finished. Without a
 * `batchSize`, batches are sized so that each holds its errors about PRUNE_HOLD_TARGET_MS;
 * between batches it rests `restRatio` (PRUNE_REST_RATIO) times as long as the batch took.
 */
export async function pruneEvents(
  db: Db,
  input: { cutoff: Date; batchSize?: number; deadline?: number; restRatio?: number },
): Promise<PruneResult> {
  let batchSize = input.batchSize ?? FIRST_BATCH;
  const result: PruneResult = { eventsDeleted: 0, errorsDeleted: 0, batches: 0, complete: false };
  while (input.deadline === undefined || Date.now() < input.deadline) {
    const batchStarted = performance.now();
    let lockedAt = 0;
    const batch = await db.transaction(async (tx) => {
      // Per error, release (null: events without one) and UTC hour, the events removed.
      const removedRows = resultRows<{
        error_id: number;
        release: string | null;
        hour: string;
        n: number;
        first_at: string;
        last_at: string;
      }>(
        await tx.execute(sql`
          WITH doomed AS (
            SELECT id FROM events WHERE received_at < ${input.cutoff.toISOString()}::timestamptz
            ORDER BY received_at LIMIT ${batchSize} FOR UPDATE SKIP LOCKED
          ), removed AS (
            DELETE FROM events e USING doomed d WHERE e.id = d.id
            RETURNING e.error_id, e.project_id, e.occurred_at, e.release, e.tags
          ), tags_removed AS (
            -- The events' share of their errors' tag counters, as negative counts that the
            -- next fold (foldTagDeltas) takes off, as it adds those of ingest batches.
            INSERT INTO error_tag_deltas (deltas)
            SELECT jsonb_agg(jsonb_build_array(error_id, project_id, key, value, -n, first_seen,
              last_seen) ORDER BY error_id, key, value)
            FROM (
              SELECT r.error_id, r.project_id, t.key, t.value, count(*)::int AS n,
                min(r.occurred_at) AS first_seen, max(r.occurred_at) AS last_seen
              FROM removed r CROSS JOIN LATERAL jsonb_each_text(r.tags) t
              WHERE t.value <> ''
              GROUP BY 1, 2, 3, 4
            ) x
            HAVING count(*) > 0
          )
          -- UTC hours whatever the session's TimeZone, as the ingest write buckets them.
          SELECT error_id::float8 AS error_id, release,
            (date_trunc('hour', occurred_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')::text AS hour,
            count(*)::int AS n, min(occurred_at)::text AS first_at, max(occurred_at)::text AS last_at
          FROM removed GROUP BY 1, 2, 3`),
      );
      if (removedRows.length === 0) return null;
      const perError = new Map<
        number,
        { error_id: number; n: number; first_at: string; last_at: string }
      >();
      const perHour = new Map<string, { error_id: number; hour: string; n: number }>();
      const perRelease = new Map<string, (typeof removedRows)[number]>();
      for (const row of removedRows) {
        const error = perError.get(row.error_id);
        if (!error)
          perError.set(row.error_id, {
            error_id: row.error_id,
            n: row.n,
            first_at: row.first_at,
            last_at: row.last_at,
          });
        else {
          error.n += row.n;
          if (row.first_at < error.first_at) error.first_at = row.first_at;
          if (row.last_at > error.last_at) error.last_at = row.last_at;
        }
        const hourKey = `${row.error_id} ${row.hour}`;
        const hour = perHour.get(hourKey);
        if (hour) hour.n += row.n;
        else perHour.set(hourKey, { error_id: row.error_id, hour: row.hour, n: row.n });
        const releaseKey = `${row.error_id} ${row.release}`;
        const release = perRelease.get(releaseKey);
        if (!release) perRelease.set(releaseKey, { ...row });
        else {
          release.n += row.n;
          if (row.first_at < release.first_at) release.first_at = row.first_at;
          if (row.last_at > release.last_at) release.last_at = row.last_at;
        }
      }
      const removed = [...perRelease.values()];
      const touched = [...perError.values()];
      const ids = `{${touched.map((row) => row.error_id).join(",")}}`;
      const counts = JSON.stringify(touched);
      // The errors' rows first, in id order, then their buckets: the ingest write's order,
      // so that pruning and ingest never deadlock. Ingest of these errors waits from here to
      // the commit, so the work below is kept small and the batch size follows how long it took.
      lockedAt = performance.now();
      await tx.execute(
        sql`SELECT id FROM errors WHERE id = ANY(${ids}::bigint[]) ORDER BY id FOR NO KEY UPDATE`,
      );
      // First and last seen are looked up again only where a removed event was that boundary
      // (for the oldest events, first seen; last seen only when nothing newer is left).
      await tx.execute(sql`
        UPDATE errors e SET event_count = e.event_count - t.n,
          first_seen = CASE WHEN t.first_at <= e.first_seen
            THEN coalesce((SELECT min(occurred_at) FROM events WHERE error_id = e.id), e.first_seen)
            ELSE e.first_seen END,
          last_seen = CASE WHEN t.last_at >= e.last_seen
            THEN coalesce((SELECT max(occurred_at) FROM events WHERE error_id = e.id), e.last_seen)
            ELSE e.last_seen END
        FROM jsonb_to_recordset(${counts}::jsonb)
          AS t(error_id bigint, n int, first_at timestamptz, last_at timestamptz)
        WHERE e.id = t.error_id`);
      await tx.execute(sql`
        UPDATE error_hourly_counts h SET count = h.count - r.n
        FROM (SELECT * FROM jsonb_to_recordset(${JSON.stringify([...perHour.values()])}::jsonb)
          AS x(error_id bigint, hour timestamptz, n int) ORDER BY error_id, hour) r
        WHERE h.error_id = r.error_id AND h.hour = r.hour`);
      const byRelease = removed.filter((row) => row.release !== null);
      if (byRelease.length > 0) await forgetReleaseEvents(tx, byRelease);
      await tx.execute(
        sql`DELETE FROM error_hourly_counts WHERE error_id = ANY(${ids}::bigint[]) AND count <= 0`,
      );
      const gone = resultRows<{ id: number }>(
        await tx.execute(
          sql`DELETE FROM errors WHERE id = ANY(${ids}::bigint[]) AND event_count <= 0 RETURNING id`,
        ),
      );
      return { events: touched.reduce((sum, row) => sum + row.n, 0), errors: gone.length };
    });
    if (!batch) {
      result.complete = true;
      break;
    }
    const batchEnded = performance.now();
    if (input.batchSize === undefined) batchSize = nextBatchSize(batchSize, batchEnded - lockedAt);
    result.batches++;
    result.eventsDeleted += batch.events;
    result.errorsDeleted += batch.errors;
    // Rest between batches, so that ingest keeps most of the database meanwhile.
    const rest = (batchEnded - batchStarted) * (input.restRatio ?? PRUNE_REST_RATIO);
    if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
  }
  // The removed events' share of the tag counters, queued by each batch, comes off now.
  if (result.eventsDeleted > 0) await foldTagDeltas(db);
  return result;
}

/**
 * The removed events' share of their errors' release counts, after the errors' rows are
 * locked (by their update), as the ingest write orders it: each (error, release) row drops by
 * the events removed and goes at zero; its first or last seen is recomputed from the events
 * left only when a removed event was that boundary; then each error's first and last release
 * follow what is left (written only when they change).
 */
async function forgetReleaseEvents(
  tx: DbOrTx,
  removed: {
    error_id: number;
    release: string | null;
    n: number;
    first_at: string;
    last_at: string;
  }[],
): Promise<void> {
  const rows = toJsonParam(removed);
  await tx.execute(sql`
    UPDATE error_releases r SET count = r.count - t.n,
      first_seen = CASE WHEN r.count > t.n AND r.first_seen >= t.first_at
        THEN coalesce((SELECT min(v.occurred_at) FROM events v
          WHERE v.error_id = r.error_id AND v.release = r.release), r.first_seen)
        ELSE r.first_seen END,
      last_seen = CASE WHEN r.count > t.n AND r.last_seen <= t.last_at
        THEN coalesce((SELECT max(v.occurred_at) FROM events v
          WHERE v.error_id = r.error_id AND v.release = r.release), r.last_seen)
        ELSE r.last_seen END
    FROM jsonb_to_recordset(${rows}::jsonb)
      AS t(error_id bigint, release text, n int, first_at timestamptz, last_at timestamptz)
    WHERE r.error_id = t.error_id AND r.release = t.release`);
  const ids = `{${[...new Set(removed.map((row) => row.error_id))].join(",")}}`;
  await tx.execute(
    sql`DELETE FROM error_releases WHERE error_id = ANY(${ids}::bigint[]) AND count <= 0`,
  );
  await tx.execute(sql`
    WITH ends AS (
      SELECT e.id, ${firstReleaseOf(sql`e.id`)} AS first_release,
        ${lastReleaseOf(sql`e.id`)} AS last_release
      FROM errors e WHERE e.id = ANY(${ids}::bigint[])
    )
    UPDATE errors e SET first_release = ends.first_release, last_release = ends.last_release
    FROM ends
    WHERE e.id = ends.id AND (e.first_release IS DISTINCT FROM ends.first_release
      OR e.last_release IS DISTINCT FROM ends.last_release)`);
}

/** The oldest time kept: `days` (RETENTION_DAYS, 90 by default) before `now`. */
export function retentionCutoff(days: number, now = new Date()): Date {
  if (!Number.isFinite(days) || days <= 0)
    throw new Error(`retention must be a positive number of days, got ${days}`);
  return new Date(now.getTime() - days * 86_400_000);
}

/**
 * Longer than any rate-limit window in use (the longest today is 15 minutes, failed logins):
 * a row whose window started before this is over, and removing it changes no count, since
 * the next hit on its key starts a new window anyway.
 */
export const RATE_LIMIT_WINDOW_MAX_SECONDS = 24 * 3600;

/**
 * Deletes the rate-limit windows that ended (window_start older than `olderThanSeconds`), in
 * batches (the rate_limits window_start index finds them). Every key ever counted (each email
 * and address that failed a login) would otherwise stay forever.
 */
export async function pruneRateLimits(
  db: Db,
  input: { olderThanSeconds?: number; batchSize?: number; deadline?: number } = {},
): Promise<{ rateLimitsDeleted: number; complete: boolean }> {
  const olderThan = input.olderThanSeconds ?? RATE_LIMIT_WINDOW_MAX_SECONDS;
  const batchSize = input.batchSize ?? 10_000;
  let deleted = 0;
  while (input.deadline === undefined || Date.now() < input.deadline) {
    const gone =
      resultRows<{ n: number }>(
        await db.execute(sql`
        WITH doomed AS (
          SELECT key FROM rate_limits
          WHERE window_start < now() - make_interval(secs => ${olderThan})
          LIMIT ${batchSize} FOR UPDATE SKIP LOCKED
        ), removed AS (
          DELETE FROM rate_limits r USING doomed d
          WHERE r.key = d.key AND r.window_start < now() - make_interval(secs => ${olderThan})
          RETURNING 1
        )
        SELECT count(*)::int AS n FROM removed`),
      )[0]?.n ?? 0;
    deleted += gone;
    if (gone < batchSize) return { rateLimitsDeleted: deleted, complete: true };
  }
  return { rateLimitsDeleted: deleted, complete: false };
}
