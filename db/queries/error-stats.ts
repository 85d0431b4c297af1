import { and, asc, eq, gte, inArray, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { PRIMARY_ENVIRONMENTS } from "../environments";
import type { ErrorFilterQuery } from "../error-list-query";
import { errorHourlyCounts, errors } from "../schema";
import { errorFilters } from "./error-groups";
import { searchCandidates } from "./error-search";

export type EnvironmentBucket = (typeof PRIMARY_ENVIRONMENTS)[number] | "other";

export interface EnvironmentCount {
  /** Errors the tab would list with the current filters (status rule included). */
  matching: number;
  /** Every error of the project in that environment, any status: says whether the tab exists. */
  total: number;
}

export type EnvironmentCounts = Record<EnvironmentBucket, EnvironmentCount> & {
  /** The one environment outside the three asked for (`?environment=foo`), counted alone. */
  named?: { environment: string } & EnvironmentCount;
};

// Literals, not parameters: GROUP BY must see the very same expression as the SELECT list.
const primaryList = sql.raw(PRIMARY_ENVIRONMENTS.map((env) => `'${env}'`).join(", "));
const bucket = sql<string>`CASE WHEN ${errors.environment} IN (${primaryList}) THEN ${errors.environment} ELSE 'other' END`;

/**
 * Per-environment counts for the tabs. The filters of the current view (text, level, origin,
 * status, release, assignee) apply to `matching`, so a tab's number is what clicking it shows; `total` ignores
 * them. One pass over the project's rows, on the (project, environment, status, …) indexes.
 */
export async function countErrorsByEnvironment(
  db: DbOrTx,
  input: {
    projectId: number;
    /** The caller, whom `assignee=me` names. */
    userId: number;
    query: ErrorFilterQuery;
  },
): Promise<EnvironmentCounts> {
  const query = { ...input.query, environment: { kind: "all" } } as const;
  const candidates = await searchCandidates(db, query, input.projectId);
  const matches = and(...errorFilters(query, input, candidates)) as SQL;
  const asked = input.query.environment;
  const named =
    asked.kind === "one" && !(PRIMARY_ENVIRONMENTS as readonly string[]).includes(asked.value)
      ? asked.value
      : null;
  // In the same pass: the rows of that environment, inside its "other" bucket.
  const inNamed = named === null ? sql`false` : sql`${errors.environment} = ${named}`;
  const rows = await db
    .select({
      bucket,
      matching: sql<number>`count(*) FILTER (WHERE ${matches})`.mapWith(Number),
      total: sql<number>`count(*)`.mapWith(Number),
      namedMatching: sql<number>`count(*) FILTER (WHERE ${inNamed} AND ${matches})`.mapWith(Number),
      namedTotal: sql<number>`count(*) FILTER (WHERE ${inNamed})`.mapWith(Number),
    })
    .from(errors)
    .where(eq(errors.projectId, input.projectId))
    .groupBy(bucket);
  const counts: EnvironmentCounts = {
    production: { matching: 0, total: 0 },
    staging: { matching: 0, total: 0 },
    development: { matching: 0, total: 0 },
    other: { matching: 0, total: 0 },
  };
  if (named !== null) counts.named = { environment: named, matching: 0, total: 0 };
  for (const row of rows) {
    const key = row.bucket as EnvironmentBucket;
    if (key in counts) counts[key] = { matching: row.matching, total: row.total };
    if (counts.named && key === "other")
      counts.named = {
        environment: named as string,
        matching: row.namedMatching,
        total: row.namedTotal,
      };
  }
  return counts;
}

/**
 * How many errors a view lists, counted up to `cap` (then "cap+"): for a view the tab counts
 * do not cover (one environment outside the named three). Stops reading at the cap.
 */
export async function countMatchingErrors(
  db: DbOrTx,
  input: { projectId: number; userId: number; query: ErrorFilterQuery; cap: number },
): Promise<{ count: number; capped: boolean }> {
  const candidates = await searchCandidates(db, input.query, input.projectId);
  const where = and(...errorFilters(input.query, input, candidates)) as SQL;
  const [row] = await db.select({ count: sql<number>`count(*)`.mapWith(Number) }).from(
    db
      .select({ one: sql`1` })
      .from(errors)
      .where(where)
      .limit(input.cap + 1)
      .as("matching"),
  );
  const count = row?.count ?? 0;
  return count > input.cap ? { count: input.cap, capped: true } : { count, capped: false };
}

const MAX_ORIGINS = 500;

/** The project's distinct origins, alphabetical, for the origin filter (index-only scan). */
export async function listOriginsOfProject(db: DbOrTx, projectId: number): Promise<string[]> {
  const rows = await db
    .selectDistinct({ origin: errors.origin })
    .from(errors)
    .where(eq(errors.projectId, projectId))
    .orderBy(asc(errors.origin))
    .limit(MAX_ORIGINS);
  return rows.map((row) => row.origin);
}

/**
 * Events per hour over the last 24 hours (oldest first, zeros included) for a page of errors,
 * from the hourly rollup: never scans events.
 */
export async function hourlyCountsForErrors(
  db: DbOrTx,
  errorIds: number[],
  now = new Date(),
): Promise<Record<number, number[]>> {
  const result: Record<number, number[]> = {};
  for (const id of errorIds) result[id] = Array.from({ length: 24 }, () => 0);
  if (errorIds.length === 0) return result;
  const hourStart = new Date(now);
  hourStart.setUTCMinutes(0, 0, 0);
  const since = new Date(hourStart.getTime() - 23 * 3_600_000);
  const rows = await db
    .select({
      errorId: errorHourlyCounts.errorId,
      hour: errorHourlyCounts.hour,
      count: errorHourlyCounts.count,
    })
    .from(errorHourlyCounts)
    .where(and(inArray(errorHourlyCounts.errorId, errorIds), gte(errorHourlyCounts.hour, since)));
  for (const row of rows) {
    const index = 23 - Math.round((hourStart.getTime() - row.hour.getTime()) / 3_600_000);
    const series = result[row.errorId];
    if (series && index >= 0 && index < 24) series[index] = (series[index] ?? 0) + row.count;
  }
  return result;
}
