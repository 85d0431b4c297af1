import { sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../client";
import { resultRows, toJsonParam } from "../sql";
import { firstReleaseOf, lastReleaseOf } from "./error-events";

export interface PruneResult {
  eventsDeleted: number;
  errorsDeleted: number;
  batches: number;
  complete: boolean;
}

/**
 * Deletes events received before `cutoff`, a batch per transaction, keeping every error
 * consistent in the same transaction: its count drops by the events removed, its hourly
 * buckets and release counts follow, first and last seen (and first and last release) are
 * recomputed from what is left, and an error with no event left is deleted. Stops after
 * `deadline` (a cron call has a time limit) and says whether it finished.
 */
export async function pruneEvents(
  db: Db,
  input: { cutoff: Date; batchSize?: number; deadline?: number },
): Promise<PruneResult> {
  const batchSize = input.batchSize ?? 5000;
  const result: PruneResult = { eventsDeleted: 0, errorsDeleted: 0, batches: 0, complete: false };
  while (input.deadline === undefined || Date.now() < input.deadline) {
    const batch = await db.transaction(async (tx) => {
      // Per error and release (null: events without one), the events removed.
      const removed = resultRows<{
        error_id: number;
        release: string | null;
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
            RETURNING e.error_id, e.occurred_at, e.release
          ), hourly AS (
            UPDATE error_hourly_counts h SET count = h.count - r.n
            FROM (SELECT error_id, date_trunc('hour', occurred_at) AS hour, count(*)::int AS n
                  FROM removed GROUP BY 1, 2) r
            WHERE h.error_id = r.error_id AND h.hour = r.hour
            RETURNING h.error_id
          )
          SELECT error_id::float8 AS error_id, release, count(*)::int AS n,
            min(occurred_at)::text AS first_at, max(occurred_at)::text AS last_at
          FROM removed GROUP BY error_id, release`),
      );
      if (removed.length === 0) return null;
      const perError = new Map<number, number>();
      for (const row of removed)
        perError.set(row.error_id, (perError.get(row.error_id) ?? 0) + row.n);
      const touched = [...perError].map(([error_id, n]) => ({ error_id, n }));
      const ids = `{${touched.map((row) => row.error_id).join(",")}}`;
      const counts = JSON.stringify(touched);
      await tx.execute(sql`
        UPDATE errors e SET event_count = e.event_count - t.n,
          first_seen = coalesce((SELECT min(occurred_at) FROM events WHERE error_id = e.id), e.first_seen),
          last_seen = coalesce((SELECT max(occurred_at) FROM events WHERE error_id = e.id), e.last_seen)
        FROM jsonb_to_recordset(${counts}::jsonb) AS t(error_id bigint, n int)
        WHERE e.id = t.error_id`);
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
    result.batches++;
    result.eventsDeleted += batch.events;
    result.errorsDeleted += batch.errors;
  }
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
