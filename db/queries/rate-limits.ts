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

/** The count in the current window, without adding to it. */
export async function readWindow(
  db: DbOrTx,
  input: { key: string; windowSeconds: number },
): Promise<WindowState> {
  const [row] = resultRows<{ count: number; reset_in: number }>(
    await db.execute(sql`
      SELECT count, ceil(extract(epoch FROM window_start + make_interval(secs => ${input.windowSeconds}) - now()))::int AS reset_in
      FROM rate_limits WHERE key = ${input.key} AND window_start > now() - make_interval(secs => ${input.windowSeconds})`),
  );
  return row ? { count: row.count, resetIn: Math.max(1, row.reset_in) } : { count: 0, resetIn: 0 };
}
