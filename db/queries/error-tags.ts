import { sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
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
        WHERE error_id = ${input.errorId}
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
