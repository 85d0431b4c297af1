import { sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { resultRows } from "../sql";

/**
 * Moves queued search texts (written by the triggers on errors) into error_search and its
 * trigram index, `batch` rows a statement, until the queue is empty or `maxBatches` ran.
 * Rows another drain holds are skipped; a row queued again meanwhile (its text changed
 * again) waits for that drain and is moved by the next one. Returns how many rows moved.
 */
export async function drainSearchQueue(
  db: DbOrTx,
  options: { batch?: number; maxBatches?: number } = {},
): Promise<number> {
  const batch = options.batch ?? 1000;
  const maxBatches = options.maxBatches ?? 20;
  let moved = 0;
  for (let round = 0; round < maxBatches; round++) {
    const [row] = resultRows<{ moved: number }>(
      await db.execute(sql`
        WITH picked AS (
          SELECT error_id FROM error_search_queue ORDER BY error_id
          LIMIT ${batch} FOR UPDATE SKIP LOCKED
        ), taken AS (
          DELETE FROM error_search_queue q USING picked p WHERE q.error_id = p.error_id
          RETURNING q.error_id, q.project_id, q.environment, q.text
        ), stored AS (
          INSERT INTO error_search (error_id, project_id, environment, text)
          SELECT error_id, project_id, environment, text FROM taken ORDER BY error_id
          ON CONFLICT (error_id) DO UPDATE SET text = excluded.text
          RETURNING error_id
        )
        SELECT count(*)::int AS moved FROM stored`),
    );
    const count = row?.moved ?? 0;
    moved += count;
    if (count < batch) break;
  }
  return moved;
}

/**
 * Reclaims the queue's dead rows. A search reads the queue whole, so rows a drain moved but
 * VACUUM has not reclaimed still cost it (100,000 drained rows: 13 MB, 30–60 ms a search),
 * and autovacuum looks at a table about once a minute, while ingest can queue a thousand
 * texts a second. Not in a transaction (PostgreSQL refuses VACUUM there).
 */
export async function vacuumSearchQueue(db: DbOrTx): Promise<void> {
  await db.execute(sql`VACUUM error_search_queue`);
}
