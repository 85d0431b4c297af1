import { sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { resultRows } from "../sql";

export interface WindowState {
  count: number;
  /** Seconds until the window resets. */
  resetIn: number;
}

/**
 * Adds `amount` to a fixed-window counter kept in PostgreSQL (so every app instance sees the
 * same count) and returns the count in the current window.
 */
export async function addToWindow(
  db: DbOrTx,
  input: { key: string; windowSeconds: number; amount?: number },
): Promise<WindowState> {
  const amount = input.amount ?? 1;
  const [row] = resultRows<{ count: number; reset_in: number }>(
    await db.execute(sql`
      INSERT INTO rate_limits AS r (key, window_start, count) VALUES (${input.key}, now(), ${amount})
      ON CONFLICT (key) DO UPDATE SET
        count = CASE WHEN r.window_start <= now() - make_interval(secs => ${input.windowSeconds}) THEN ${amount} ELSE r.count + ${amount} END,
        window_start = CASE WHEN r.window_start <= now() - make_interval(secs => ${input.windowSeconds}) THEN now() ELSE r.window_start END
      RETURNING count, ceil(extract(epoch FROM r.window_start + make_interval(secs => ${input.windowSeconds}) - now()))::int AS reset_in`),
  );
  return {
    count: row?.count ?? amount,
    resetIn: Math.max(1, row?.reset_in ?? input.windowSeconds),
  };
}

/**
 * Adds one to each key's fixed-window counter in ONE statement and returns every count after
 * the addition: the caller decides from these counts, so parallel requests cannot all read a
 * count below the limit before any of them adds to it. Keys are locked in sorted order, so two
 * such statements never deadlock.
 */
export async function hitWindows(
  db: DbOrTx,
  input: { keys: string[]; windowSeconds: number },
): Promise<(WindowState & { key: string })[]> {
  if (input.keys.length === 0) return [];
  const expired = sql`r.window_start <= now() - make_interval(secs => ${input.windowSeconds})`;
  const values = sql.join(
    input.keys.map((key) => sql`(${key}::varchar)`),
    sql`, `,
  );
  const rows = resultRows<{ key: string; count: number; reset_in: number }>(
    await db.execute(sql`
      INSERT INTO rate_limits AS r (key, window_start, count)
      SELECT v.k, now(), 1 FROM (VALUES ${values}) AS v(k) ORDER BY v.k
      ON CONFLICT (key) DO UPDATE SET
        count = CASE WHEN ${expired} THEN 1 ELSE r.count + 1 END,
        window_start = CASE WHEN ${expired} THEN now() ELSE r.window_start END
      RETURNING key, count, ceil(extract(epoch FROM r.window_start + make_interval(secs => ${input.windowSeconds}) - now()))::int AS reset_in`),
  );
  return rows.map((row) => ({
    key: row.key,
    count: Number(row.count),
    resetIn: Math.max(1, Number(row.reset_in)),
  }));
}

/**
 * Undoes `hitWindows` for attempts that turned out not to count: subtracts one from each
 * `takeBack` key and sets each `clear` key to zero, in the current window only.
 */
export async function settleWindows(
  db: DbOrTx,
  input: { takeBack?: string[]; clear?: string[]; windowSeconds: number },
): Promise<void> {
  const takeBack = input.takeBack ?? [];
  const clear = input.clear ?? [];
  const all = [...takeBack, ...clear];
  if (all.length === 0) return;
  const list = (keys: string[]) =>
    keys.length === 0
      ? sql`NULL`
      : sql.join(
          keys.map((key) => sql`${key}::varchar`),
          sql`, `,
        );
  await db.execute(sql`
    UPDATE rate_limits AS r
    SET count = CASE WHEN r.key IN (${list(clear)}) THEN 0 ELSE greatest(r.count - 1, 0) END
    WHERE r.key IN (
      SELECT key FROM rate_limits
      WHERE key IN (${list(all)})
        AND window_start > now() - make_interval(secs => ${input.windowSeconds})
      ORDER BY key FOR UPDATE
    )`);
}
