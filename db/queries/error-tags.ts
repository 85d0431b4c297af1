import { sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { TAG_VALUES_PER_KEY } from "../schema";
import { resultRows } from "../sql";

export interface TagValueCount {
  value: string;
  count: number;
  firstSeen: Date;
  lastSeen: Date;
}

export interface TagKeyBreakdown {
  key: string;
  /** Events of the error that carried this key. */
  total: number;
  /** The key's values counted one by one (at most TAG_VALUES_PER_KEY). */
  distinct: number;
  /** The most frequent values, most events first (ties by value). */
  top: TagValueCount[];
  /** Events of values past the bound on distinct values, counted together. */
  otherValues: number;
}

/**
 * An error's tag keys with their `values` most frequent values, from the counters the ingest
 * write keeps (error_tag_values) and, as the key `release`, its release counters
 * (error_releases) unless a tag of that name exists. Bounded: at most 50 keys per event and
 * TAG_VALUES_PER_KEY values per key are stored, and only `values` per key are read.
 */
export async function listTagsOfError(
  db: DbOrTx,
  input: { errorId: number; values: number },
): Promise<TagKeyBreakdown[]> {
  const rows = resultRows<{
    key: string;
    value: string;
    count: number;
    first_seen: string;
    last_seen: string;
    total: number;
    distinct_values: number;
    other: number;
  }>(
    await db.execute(sql`
      WITH counted AS (
        SELECT key, value, count, first_seen, last_seen FROM error_tag_values
        WHERE error_id = ${input.errorId} AND count > 0
        UNION ALL
        SELECT 'release', release, count, first_seen, last_seen FROM error_releases
        WHERE error_id = ${input.errorId} AND NOT EXISTS (SELECT 1 FROM error_tag_values
          WHERE error_id = ${input.errorId} AND key = 'release')
      ), ranked AS (
        SELECT c.*,
          row_number() OVER (PARTITION BY key ORDER BY value = '', count DESC, value) AS rank,
          sum(count) OVER (PARTITION BY key) AS total,
          count(*) FILTER (WHERE value <> '') OVER (PARTITION BY key) AS distinct_values,
          coalesce(sum(count) FILTER (WHERE value = '') OVER (PARTITION BY key), 0) AS other
        FROM counted c
      )
      SELECT key, value, count, to_json(first_seen) #>> '{}' AS first_seen,
        to_json(last_seen) #>> '{}' AS last_seen, total::float8 AS total,
        distinct_values::int AS distinct_values, other::float8 AS other
      FROM ranked
      WHERE rank <= ${input.values} OR value = ''
      ORDER BY key, rank`),
  );
  const byKey = new Map<string, TagKeyBreakdown>();
  for (const row of rows) {
    let breakdown = byKey.get(row.key);
    if (!breakdown) {
      breakdown = {
        key: row.key,
        total: row.total,
        distinct: row.distinct_values,
        top: [],
        otherValues: row.other,
      };
      byKey.set(row.key, breakdown);
    }
    if (row.value !== "")
      breakdown.top.push({
        value: row.value,
        count: row.count,
        firstSeen: new Date(row.first_seen),
        lastSeen: new Date(row.last_seen),
      });
  }
  return [...byKey.values()];
}

/**
 * Folds the tag counts that ingest batches appended to error_tag_deltas into the counters
 * (error_tag_values), up to `batch` delta rows a round and `maxRounds` rounds; returns the
 * delta rows taken. Many batches' counts of one value become one upsert.
 *
 * A value the error's key already holds counts in its row; a new one takes a row while the
 * key holds fewer than TAG_VALUES_PER_KEY values (the most frequent first), else it counts in
 * the key's row of other values (''). Negative counts (events removed by retention) come off
 * the value's row, else the row of other values, and rows brought to zero go. Folds wait for each other (the delta rows are taken
 * FOR UPDATE, not skipped), so that a fold run before a read leaves nothing pending that was
 * committed before it, and the bound holds exactly.
 *
 * Each error is held with KEY SHARE while its counts go in, so that it cannot be deleted
 * meanwhile (its deletion's errors_tag_values_cascade trigger then runs after the fold). An
 * error another transaction holds with FOR UPDATE (being deleted, or an event of it) is not
 * waited for: its counts go back into error_tag_deltas for the next fold, so a fold never
 * waits on an error's lock and cannot deadlock with a deletion. Counts of errors deleted
 * before the fold are dropped.
 */
export async function foldTagDeltas(
  db: DbOrTx,
  options: { batch?: number; maxRounds?: number } = {},
): Promise<number> {
  const batch = options.batch ?? 200;
  const maxRounds = options.maxRounds ?? 20;
  let folded = 0;
  for (let round = 0; round < maxRounds; round++) {
    const [row] = resultRows<{ taken: number; emptied: number[] | null }>(
      await db.execute(sql`
        WITH taken AS (
          DELETE FROM error_tag_deltas d
          WHERE d.ctid = ANY (ARRAY(SELECT ctid FROM error_tag_deltas LIMIT ${batch} FOR UPDATE))
          RETURNING d.deltas
        ), input AS (
          SELECT (e ->> 0)::bigint AS error_id, (e ->> 1)::int AS project_id, e ->> 2 AS key,
            e ->> 3 AS value, sum((e ->> 4)::int)::int AS n,
            min((e ->> 5)::timestamptz) AS first_seen, max((e ->> 6)::timestamptz) AS last_seen
          FROM taken t CROSS JOIN LATERAL jsonb_array_elements(t.deltas) e
          GROUP BY 1, 2, 3, 4
        ), live AS (
          SELECT e.id FROM errors e WHERE e.id IN (SELECT error_id FROM input)
          ORDER BY e.id FOR KEY SHARE SKIP LOCKED
        ), requeued AS (
          INSERT INTO error_tag_deltas (deltas)
          SELECT jsonb_agg(jsonb_build_array(error_id, project_id, key, value, n, first_seen,
            last_seen) ORDER BY error_id, key, value)
          FROM input i
          WHERE NOT EXISTS (SELECT 1 FROM live l WHERE l.id = i.error_id)
            AND EXISTS (SELECT 1 FROM errors e WHERE e.id = i.error_id)
          HAVING count(*) > 0
          RETURNING 1
        ), known AS (
          -- A lateral probe with LIMIT: as EXISTS, the planner may hash the whole table.
          SELECT i.*, k.held IS NOT NULL AS known
          FROM input i JOIN live l ON l.id = i.error_id
            LEFT JOIN LATERAL (SELECT 1 AS held FROM error_tag_values v
              WHERE v.error_id = i.error_id AND v.key = i.key AND v.value = i.value LIMIT 1) k
            ON true
        ), bounded AS (
          SELECT error_id, project_id, key, n, first_seen, last_seen,
            CASE WHEN known OR n > 0 AND row_number() OVER (PARTITION BY error_id, key, known,
                  n > 0 ORDER BY n DESC, value) + (SELECT count(*) FROM (SELECT 1
                  FROM error_tag_values v WHERE v.error_id = k.error_id AND v.key = k.key
                    AND v.value <> '' LIMIT ${TAG_VALUES_PER_KEY}) held) <= ${TAG_VALUES_PER_KEY}
              THEN value ELSE '' END AS value
          FROM known k
        ), counted AS (
          INSERT INTO error_tag_values AS v (error_id, project_id, key, value, count,
            first_seen, last_seen)
          SELECT error_id, project_id, key, value, sum(n)::int, min(first_seen), max(last_seen)
          FROM bounded
          GROUP BY 1, 2, 3, 4 ORDER BY 1, 3, 4
          ON CONFLICT (error_id, key, value) DO UPDATE SET count = v.count + excluded.count,
            first_seen = least(v.first_seen, excluded.first_seen),
            last_seen = greatest(v.last_seen, excluded.last_seen)
          RETURNING v.error_id, v.count
        )
        SELECT (SELECT count(*) FROM taken)::int AS taken,
          (SELECT array_agg(DISTINCT error_id) FROM counted WHERE count <= 0)::float8[] AS emptied
        WHERE (SELECT count(*) FROM requeued) >= 0`),
    );
    // Rows that events removed by retention (negative counts) brought to zero go.
    if (row?.emptied?.length)
      await db.execute(sql`DELETE FROM error_tag_values
        WHERE error_id = ANY(${`{${row.emptied.join(",")}}`}::bigint[]) AND count <= 0`);
    const taken = row?.taken ?? 0;
    folded += taken;
    if (taken < batch) break;
  }
  return folded;
}

/**
 * Reclaims error_tag_deltas' dead rows: a fold reads the table from its start, and ingest
 * appends (and folds delete) a row per batch, faster than autovacuum looks. Not in a
 * transaction (PostgreSQL refuses VACUUM there).
 */
export async function vacuumTagDeltas(db: DbOrTx): Promise<void> {
  await db.execute(sql`VACUUM error_tag_deltas`);
}

/**
 * One deleted event's share of its error's tag counters: each of its counted values drops by
 * one (a value past the bound, from the key's other-values row), and rows at zero go. Run with
 * the error locked, after the event is deleted. First and last seen stay: the counters keep
 * the times of the events they counted, as the counts of the error do.
 */
export async function forgetTagsOfEvent(
  db: DbOrTx,
  input: { errorId: number; tags: Record<string, string> },
): Promise<void> {
  const pairs = Object.entries(input.tags).filter(([, value]) => value !== "");
  if (pairs.length === 0) return;
  await db.execute(sql`
    WITH pairs AS (
      SELECT p.key, p.value FROM jsonb_each_text(${JSON.stringify(Object.fromEntries(pairs))}::jsonb) p
    ), targets AS (
      SELECT p.key, CASE WHEN EXISTS (SELECT 1 FROM error_tag_values v
          WHERE v.error_id = ${input.errorId} AND v.key = p.key AND v.value = p.value)
        THEN p.value ELSE '' END AS value
      FROM pairs p
    )
    UPDATE error_tag_values v SET count = v.count - t.n
    FROM (SELECT key, value, count(*)::int AS n FROM targets GROUP BY 1, 2) t
    WHERE v.error_id = ${input.errorId} AND v.key = t.key AND v.value = t.value`);
  await db.execute(
    sql`DELETE FROM error_tag_values WHERE error_id = ${input.errorId} AND count <= 0`,
  );
}
