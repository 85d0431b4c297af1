import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import type { Db } from "@/db/client";
import { type PruneResult, pruneEvents } from "@/db/queries/retention";
import * as schema from "@/db/schema";

/**
 * Phase r of `npm run bench` (issue 19 item 4): retention at scale while ingest runs. These
 * helpers seed expired events onto the errors that phase a's load writes to, run the prune on
 * a connection of its own, and watch PostgreSQL's lock waits meanwhile.
 */

/** The prune's connections say who they are, so that the lock watch can tell its waits apart. */
const PRUNE_APPLICATION = "ec-bench-prune";
/** Old enough for any retention setting a bench would use. */
const EXPIRED_DAYS = 200;

/**
 * Adds `events` events received EXPIRED_DAYS ago, nine in ten to the errors that phase a's
 * load keeps writing to (a prune batch then locks rows that ingest wants) and one in ten to
 * errors that have nothing else (the prune deletes them). The errors' counts,
 * first seen, hourly buckets and `region` tag counters include them, as if ingest had stored
 * them, so that the counts stay exact once the prune takes them off.
 */
export async function seedExpiredEvents(
  db: Db,
  input: { projectId: number; events: number; runId: string },
): Promise<void> {
  const { projectId, events, runId } = input;
  const oldErrors = Math.max(1, Math.floor(events / 100));
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      INSERT INTO errors (project_id, environment, fingerprint, grouping_version, title,
        details_preview, level, origin, event_count, first_seen, last_seen)
      SELECT ${projectId}, 'production', md5('expired-' || ${runId} || '-' || j), 1,
        'Expired failure ' || j, 'Only expired events', 'error', 'retention-bench', 0,
        now() - ${EXPIRED_DAYS} * interval '1 day', now() - ${EXPIRED_DAYS} * interval '1 day'
      FROM generate_series(1, ${oldErrors}::int) j`);
    // The targets: the 500 errors × 2 environments that phase a's load repeats (80 % of its
    // events), numbered 0..n-1, and the expired-only errors, numbered apart.
    await tx.execute(sql`
      WITH pool AS (
        SELECT id, environment, title, level, origin, origin = 'retention-bench' AS only_old,
          (row_number() OVER (PARTITION BY origin = 'retention-bench' ORDER BY id) - 1)::int AS k
        FROM errors WHERE project_id = ${projectId} AND (origin = 'retention-bench'
          OR title ~ '^Bench failure [0-9]{1,3} in checkout step$')
      ), sizes AS (
        SELECT count(*) FILTER (WHERE NOT only_old)::int AS targets,
          count(*) FILTER (WHERE only_old)::int AS old
        FROM pool
      ), picked AS (
        SELECT i, (i % 10 = 0 OR s.targets = 0) AS only_old,
          CASE WHEN i % 10 = 0 OR s.targets = 0 THEN (i / 10) % s.old ELSE i % s.targets END AS k
        FROM generate_series(1, ${events}::int) i, sizes s
      )
      INSERT INTO events (error_id, project_id, event_id, title, details, level, origin,
        environment, occurred_at, received_at, tags)
      SELECT e.id, ${projectId}, 'expired-' || ${runId} || '-' || p.i, e.title, 'Expired event',
        e.level, e.origin, e.environment,
        now() - ${EXPIRED_DAYS} * interval '1 day' - (p.i % 14400) * interval '1 minute',
        now() - ${EXPIRED_DAYS} * interval '1 day' - (p.i % 14400) * interval '1 minute',
        jsonb_build_object('region', 'eu')
      FROM picked p JOIN pool e ON e.only_old = p.only_old AND e.k = p.k`);
    // What ingest would have counted for them.
    await tx.execute(sql`
      WITH x AS (
        SELECT error_id, count(*)::int AS n, min(occurred_at) AS first_at
        FROM events WHERE project_id = ${projectId} AND event_id LIKE ${`expired-${runId}-%`}
        GROUP BY error_id
      )
      UPDATE errors e SET event_count = e.event_count + x.n,
        first_seen = least(e.first_seen, x.first_at)
      FROM x WHERE e.id = x.error_id`);
    await tx.execute(sql`
      INSERT INTO error_hourly_counts AS h (error_id, hour, count)
      SELECT error_id, date_trunc('hour', occurred_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC',
        count(*)::int
      FROM events WHERE project_id = ${projectId} AND event_id LIKE ${`expired-${runId}-%`}
      GROUP BY 1, 2
      ON CONFLICT (error_id, hour) DO UPDATE SET count = h.count + excluded.count`);
    await tx.execute(sql`
      INSERT INTO error_tag_values AS t (error_id, project_id, key, value, count, first_seen,
        last_seen)
      SELECT error_id, ${projectId}, 'region', 'eu', count(*)::int, min(occurred_at),
        max(occurred_at)
      FROM events WHERE project_id = ${projectId} AND event_id LIKE ${`expired-${runId}-%`}
      GROUP BY error_id
      ON CONFLICT (error_id, key, value) DO UPDATE SET count = t.count + excluded.count,
        first_seen = least(t.first_seen, excluded.first_seen)`);
  });
  await db.execute(sql`ANALYZE events`);
  await db.execute(sql`ANALYZE errors`);
}

/** The cutoff that removes the seeded events and nothing that phase a wrote. */
export const expiredCutoff = () => new Date(Date.now() - (EXPIRED_DAYS - 30) * 86_400_000);

/** Runs the prune as the cron job or `npm run db:prune` would, on connections of its own. */
export async function pruneOnItsOwn(
  url: string,
  cutoff: Date,
): Promise<PruneResult & { seconds: number }> {
  const client = postgres(url, {
    max: 2,
    onnotice: () => {},
    connection: { application_name: PRUNE_APPLICATION, TimeZone: "UTC" },
  });
  try {
    const db = drizzle(client, { schema }) as unknown as Db;
    const started = performance.now();
    const result = await pruneEvents(db, { cutoff });
    return { ...result, seconds: (performance.now() - started) / 1000 };
  } finally {
    await client.end({ timeout: 5 });
  }
}

export interface LockWaits {
  /** The longest wait for a lock seen on any backend but the prune's, in ms. */
  longestMs: number;
  /** The longest of those whose blocker was the prune's backend. */
  longestBehindPruneMs: number;
  /** The statement of the longest wait, shortened. */
  longestStatement: string;
  samples: number;
}

/**
 * Polls pg_locks every `everyMs` for ungranted locks and how long each has waited (waitstart,
 * PostgreSQL 14+), on one connection of its own. A wait shorter than the interval may be
 * missed; a long one is seen within `everyMs` of its length.
 */
export function watchLockWaits(url: string, everyMs = 10): { stop: () => Promise<LockWaits> } {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  const waits: LockWaits = {
    longestMs: 0,
    longestBehindPruneMs: 0,
    longestStatement: "",
    samples: 0,
  };
  let running = true;
  const loop = (async () => {
    while (running) {
      const rows = await client<{ ms: number; behind_prune: boolean; statement: string }[]>`
        SELECT extract(epoch FROM clock_timestamp() - l.waitstart)::float8 * 1000 AS ms,
          EXISTS (SELECT 1 FROM pg_stat_activity b WHERE b.pid = ANY(pg_blocking_pids(a.pid))
            AND b.application_name = ${PRUNE_APPLICATION}) AS behind_prune,
          left(regexp_replace(a.query, '\\s+', ' ', 'g'), 90) AS statement
        FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE NOT l.granted AND l.waitstart IS NOT NULL AND a.datname = current_database()
          AND a.application_name <> ${PRUNE_APPLICATION}`;
      waits.samples++;
      for (const row of rows) {
        if (row.ms > waits.longestMs) {
          waits.longestMs = row.ms;
          waits.longestStatement = row.statement;
        }
        if (row.behind_prune && row.ms > waits.longestBehindPruneMs)
          waits.longestBehindPruneMs = row.ms;
      }
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      await client.end({ timeout: 5 });
      return waits;
    },
  };
}
