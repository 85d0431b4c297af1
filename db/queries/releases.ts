import { asc, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { errorReleases } from "../schema";
import { resultRows } from "../sql";

export interface ReleaseSummary {
  /** The release's row id: its place in the order the project first saw its releases. */
  id: number;
  name: string;
  /** When its oldest stored event happened; when it was first seen if none is stored any more. */
  firstSeen: Date;
  /** When its newest stored event happened; null when none is stored any more. */
  lastSeen: Date | null;
  /** Stored events of the project in this release. */
  events: number;
  /** Errors of the project first seen in this release. */
  newErrors: number;
}

/**
 * A project's releases, newest first in the order the project first saw them (releases.id),
 * `limit` of them after the release `before` (keyset). Counts and times add up the page's
 * error_releases rows (index error_releases_project_release_idx); new errors are those of
 * each release whose first release it is, found through the same index: an error's first
 * release is always one of its error_releases rows, so the project's errors are not scanned.
 */
export async function listReleases(
  db: DbOrTx,
  input: { projectId: number; before: number | null; limit: number },
): Promise<{ items: ReleaseSummary[]; more: boolean }> {
  const rows = resultRows<{
    id: number;
    name: string;
    first_seen: string;
    last_seen: string | null;
    events: number;
    new_errors: number;
  }>(
    await db.execute(sql`
      WITH page AS (
        SELECT id, project_id, name, first_seen FROM releases
        WHERE project_id = ${input.projectId}
          AND (${input.before}::bigint IS NULL OR id < ${input.before}::bigint)
        ORDER BY id DESC LIMIT ${input.limit + 1}
      )
      SELECT p.id::float8 AS id, p.name,
        to_json(coalesce(s.first_seen, p.first_seen)) #>> '{}' AS first_seen,
        to_json(s.last_seen) #>> '{}' AS last_seen,
        coalesce(s.events, 0)::float8 AS events, n.new_errors
      FROM page p
      LEFT JOIN LATERAL (
        SELECT sum(er.count) AS events, min(er.first_seen) AS first_seen,
          max(er.last_seen) AS last_seen
        FROM error_releases er WHERE er.project_id = p.project_id AND er.release = p.name
      ) s ON true
      CROSS JOIN LATERAL (
        SELECT count(*)::int AS new_errors
        FROM error_releases er JOIN errors e ON e.id = er.error_id
        WHERE er.project_id = p.project_id AND er.release = p.name AND e.first_release = p.name
      ) n
      ORDER BY p.id DESC`),
  );
  const items = rows.slice(0, input.limit).map((row) => ({
    id: row.id,
    name: row.name,
    firstSeen: new Date(row.first_seen),
    lastSeen: row.last_seen === null ? null : new Date(row.last_seen),
    events: row.events,
    newErrors: row.new_errors,
  }));
  return { items, more: rows.length > input.limit };
}

export interface ErrorReleaseCount {
  name: string;
  count: number;
  firstSeen: Date;
  lastSeen: Date;
}

/** An error's releases with its events in each, the most recently seen first. */
export async function listReleasesOfError(
  db: DbOrTx,
  input: { errorId: number; limit: number },
): Promise<ErrorReleaseCount[]> {
  return db
    .select({
      name: errorReleases.release,
      count: errorReleases.count,
      firstSeen: errorReleases.firstSeen,
      lastSeen: errorReleases.lastSeen,
    })
    .from(errorReleases)
    .where(eq(errorReleases.errorId, input.errorId))
    .orderBy(desc(errorReleases.lastSeen), asc(errorReleases.release))
    .limit(input.limit);
}
