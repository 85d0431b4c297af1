import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { createAccount } from "@/db/queries/users";
import { resultRows } from "@/db/sql";
import { LOAD_SCRIPT } from "./cpu-share";

/** What is shared by `npm run bench` and its `--instances` mode. */

export const fmt = (n: number, digits = 0) =>
  n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** The account whose ingest key and project every load uses. */
export const createBenchAccount = (db: Db) =>
  createAccount(db, { name: "Bench", email: "bench@example.test", password: "bench-password" });

/** One line of scripts/bench/load.ts's output. */
export interface LoadResult {
  requests: number;
  events: number;
  eventsPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  non2xx: number;
  failures: number;
  statuses: Record<string, number>;
  /** Events acknowledged by each of the servers loaded, in order. */
  perUrl: number[];
}

const execFileAsync = promisify(execFile);

/** Runs the load generator as a process of its own (several URLs: several instances). */
export async function runLoad(input: {
  urls: string[];
  token: string;
  projectId: number;
  mode: "single" | "batch" | "envelope";
  seconds: number;
  concurrency: number;
}): Promise<LoadResult> {
  const { stdout } = await execFileAsync(
    process.execPath,
    [
      "--import",
      "tsx",
      LOAD_SCRIPT,
      "--url",
      input.urls.join(","),
      "--token",
      input.token,
      "--project",
      String(input.projectId),
      "--mode",
      input.mode,
      "--seconds",
      String(input.seconds),
      "--concurrency",
      String(input.concurrency),
      "--run-id",
      randomBytes(4).toString("hex"),
    ],
    { maxBuffer: 1 << 20 },
  );
  return JSON.parse(stdout.trim().split("\n").pop() ?? "{}");
}

export async function postgresVersion(db: Db): Promise<string> {
  const [row] = resultRows<{ v: string }>(
    await db.execute(sql`SELECT split_part(version(), ' on ', 1) AS v`),
  );
  return row?.v ?? "PostgreSQL";
}

/** Events, errors and tag counts of one project: what the consistency checks compare. */
export async function projectCounts(
  db: Db,
  projectId: number,
): Promise<{
  events: number;
  frequencies: number;
  expiredErrors: number;
  regionCounted: number;
  regionTagged: number;
}> {
  const [row] = resultRows<{
    events: number;
    frequencies: number;
    expired_errors: number;
    region_counted: number;
    region_tagged: number;
  }>(
    await db.execute(sql`
      SELECT (SELECT count(*) FROM events WHERE project_id = ${projectId})::float8 AS events,
        (SELECT coalesce(sum(event_count), 0) FROM errors WHERE project_id = ${projectId})::float8
          AS frequencies,
        (SELECT count(*) FROM errors WHERE project_id = ${projectId}
          AND origin = 'retention-bench')::float8 AS expired_errors,
        (SELECT coalesce(sum(count), 0) FROM error_tag_values WHERE project_id = ${projectId}
          AND key = 'region')::float8 AS region_counted,
        (SELECT count(*) FROM events WHERE project_id = ${projectId}
          AND tags ? 'region')::float8 AS region_tagged`),
  );
  return {
    events: row?.events ?? 0,
    frequencies: row?.frequencies ?? 0,
    expiredErrors: row?.expired_errors ?? 0,
    regionCounted: row?.region_counted ?? 0,
    regionTagged: row?.region_tagged ?? 0,
  };
}
