import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { drainSearchQueue, vacuumSearchQueue } from "@/db/queries/error-search";

/**
 * Grows a project to about `toEvents` events over `toEvents / 10` errors with SQL
 * generate_series: a skewed frequency (1 to 37 events, 10 on average), all levels, six
 * origins, three environments, every 50th error archived.
 */
export async function seedErrors(
  db: Db,
  input: { projectId: number; fromEvents: number; toEvents: number },
) {
  const from = Math.floor(input.fromEvents / 10);
  const to = Math.floor(input.toEvents / 10);
  await db.execute(sql`
    WITH new_errors AS (
      INSERT INTO errors (project_id, environment, fingerprint, grouping_version, title, details_preview,
        level, origin, event_count, first_seen, last_seen, status)
      SELECT ${input.projectId},
        CASE WHEN i % 10 < 7 THEN 'production' WHEN i % 10 < 9 THEN 'staging' ELSE 'development' END,
        md5('seed-' || i), 1,
        (ARRAY['Timeout after 3000 ms calling ', 'Connection refused by ', 'NullPointerException in ',
               'Invalid token presented to ', 'Payment declined in '])[1 + i % 5] || 'service-' || i,
        'Seeded error ' || i || ' with a short stack trace',
        (ARRAY['fatal', 'error', 'warning', 'info', 'debug'])[1 + (i * 7) % 5],
        (ARRAY['billing-api', 'web-checkout', 'auth-service', 'search-worker', 'mobile-app', 'notifications'])[1 + i % 6],
        1 + floor(36 * power(((i * 2654435761::bigint) % 1000) / 1000.0, 3))::int,
        now() - interval '2 days' - (i % 1440) * interval '1 minute',
        now() - (i % 86400) * interval '1 second',
        CASE WHEN i % 50 = 0 THEN 'archived' ELSE 'open' END
      FROM generate_series(${from + 1}::int, ${to}::int) AS i
      RETURNING id, title, level, origin, environment, event_count, last_seen
    )
    INSERT INTO events (error_id, project_id, event_id, title, details, level, origin, environment, occurred_at)
    SELECT e.id, ${input.projectId}, 'seed-' || e.id || '-' || k, e.title, 'Seeded event', e.level,
      e.origin, e.environment, e.last_seen - (k - 1) * interval '1 second'
    FROM new_errors e, generate_series(1, e.event_count) AS k`);
  // The errors' search texts, queued by the insert trigger, go under the trigram index.
  await drainSearchQueue(db, { batch: 5000, maxBatches: Number.POSITIVE_INFINITY });
  await vacuumSearchQueue(db);
  await db.execute(sql`ANALYZE errors`);
  await db.execute(sql`ANALYZE error_search`);
  await db.execute(sql`ANALYZE events`);
}
