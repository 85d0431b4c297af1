import { sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { PRIMARY_ENVIRONMENTS } from "../environments";
import type { ErrorFilterQuery } from "../error-list-query";
import { likePattern, resultRows, storableText, toJsonParam } from "../sql";

/** At most this many candidates are read from the trigram index; more: the term is common. */
export const SEARCH_CANDIDATES = 2000;

/**
 * The errors whose search text contains `query.q`: from error_search's trigram index, and
 * from the queue of texts not yet indexed (a few seconds' worth, read whole). Their ids are a
 * superset (the title and preview are one text there, and an indexed text may be older than
 * a queued one): the caller re-checks the columns. Null when the index does not help: the
 * term holds no run of three letters or digits (no trigram to look up), or it matches more
 * than SEARCH_CANDIDATES errors. A common term is found sooner by walking the sort order and
 * filtering, which stops after a page; the ids of a rare one are a few key lookups and a
 * small sort.
 */
export async function searchCandidates(
  db: DbOrTx,
  query: ErrorFilterQuery,
  projectId: number,
): Promise<number[] | null> {
  if (!query.q || !/[\p{L}\p{N}]{3}/u.test(query.q)) return null;
  const environments =
    query.environment.kind === "one"
      ? [storableText(query.environment.value)]
      : query.environment.kind === "other"
        ? [...PRIMARY_ENVIRONMENTS]
        : null;
  // The index through a function (migration 0008) that keeps the planner off a full scan;
  // the queue, a few hundred rows, read whole. No environments (every one): array_agg of
  // nothing is null. An error can be in both (old text indexed, new text queued): the ids
  // are de-duplicated here, and may count twice against the limit.
  const pattern = likePattern(storableText(query.q));
  const exclude = query.environment.kind === "other";
  const rows = resultRows<{ id: number }>(
    await db.execute(sql`
      WITH envs AS (
        SELECT array_agg(v) AS list
        FROM jsonb_array_elements_text(${toJsonParam(environments ?? [])}::jsonb) v
      )
      (SELECT c::float8 AS id FROM envs,
        error_search_candidates(${projectId}::int, ${pattern}::text, envs.list,
          ${exclude}::boolean, ${SEARCH_CANDIDATES + 1}::int) c)
      UNION ALL
      (SELECT q.error_id::float8 FROM envs, error_search_queue q
       WHERE q.project_id = ${projectId} AND q.text ILIKE ${pattern}
         AND (envs.list IS NULL OR (q.environment = ANY (envs.list)) <> ${exclude}::boolean)
       LIMIT ${SEARCH_CANDIDATES + 1})`),
  );
  return rows.length > SEARCH_CANDIDATES ? null : [...new Set(rows.map((row) => row.id))];
}

/**
 * Moves queued search texts (written by the triggers on errors) into error_search and its
 * trigram index, `batch` rows a statement, until the queue is empty or `maxBatches` ran.
 * Rows another drain holds are skipped; a row queued again meanwhile (its text changed
 * again) waits for that drain and is moved by the next one. Returns how many rows moved.
 *
 * The drain never waits for a lock while it holds one. Writers lock an error row and then its
 * queue row (an event delete locks the error, then its update queues the new text); a drain
 * that locked the queue row first and then waited on the error row (the foreign-key check of
 * error_search takes KEY SHARE on it) deadlocked with them. So the error row's KEY SHARE lock
 * is taken up front, and an error a writer holds is skipped, like a queue row another drain
 * holds, until the next drain.
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
          SELECT q.error_id FROM error_search_queue q JOIN errors e ON e.id = q.error_id
          ORDER BY q.error_id LIMIT ${batch}
          FOR UPDATE OF q SKIP LOCKED FOR KEY SHARE OF e SKIP LOCKED
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
