import { and, eq, ilike, inArray, isNull, notInArray, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../client";
import { PRIMARY_ENVIRONMENTS } from "../environments";
import {
  decodeCursor,
  type ErrorFilterQuery,
  type ErrorSort,
  effectiveStatus,
  encodeCursor,
  type ListErrorsQuery,
} from "../error-list-query";
import { errors, projects, users } from "../schema";
import { likePattern, storableText } from "../sql";
import { searchCandidates } from "./error-search";
import { inUserProjects } from "./scope";

export type ErrorStatus = (typeof errors.$inferSelect)["status"];

export interface ErrorListItem {
  id: number;
  title: string;
  detailsPreview: string;
  level: (typeof errors.$inferSelect)["level"];
  environment: string;
  origin: string;
  culprit: string | null;
  status: ErrorStatus;
  /** Why an open error came back by itself (`regressed`, `escalating`); null otherwise. */
  substatus: (typeof errors.$inferSelect)["substatus"];
  regressedAt: Date | null;
  assignee: UserRef | null;
  /** Events since the status last changed: for an archived error, since it was archived. */
  eventsSinceStatus: number;
  count: number;
  firstSeen: Date;
  lastSeen: Date;
  project: { id: number; slug: string; name: string };
}

export interface UserRef {
  id: number;
  name: string;
}

/** The assignee's row, joined by the list and the detail. */
const assignees = alias(users, "assignee");

/** `{id, name}` of a left-joined user, or null when there is none. */
export function userRef(row: { id: number | null; name: string | null } | null): UserRef | null {
  return row && row.id !== null && row.name !== null ? { id: row.id, name: row.name } : null;
}

/** The triage columns of a list item, read with `assignees` left-joined. */
const triageColumns = {
  substatus: errors.substatus,
  regressedAt: errors.regressedAt,
  assignee: { id: assignees.id, name: assignees.name },
  eventsSinceStatus: sql<number>`(${errors.eventCount} - ${errors.statusEventCount})::int`,
};

const SORT_KEYS: Record<ErrorSort, { columns: SQL[]; time: "lastSeen" | "firstSeen" }> = {
  frequency: {
    columns: [
      sql`${errors.eventCount}`,
      sql`${errors.severity}`,
      sql`${errors.lastSeen}`,
      sql`${errors.id}`,
    ],
    time: "lastSeen",
  },
  level: {
    columns: [
      sql`${errors.severity}`,
      sql`${errors.eventCount}`,
      sql`${errors.lastSeen}`,
      sql`${errors.id}`,
    ],
    time: "lastSeen",
  },
  lastSeen: { columns: [sql`${errors.lastSeen}`, sql`${errors.id}`], time: "lastSeen" },
  firstSeen: { columns: [sql`${errors.firstSeen}`, sql`${errors.id}`], time: "firstSeen" },
};

// Microsecond text: a JS Date would round the time and make the cursor skip or repeat rows.
const cursorTime = (column: typeof errors.lastSeen | typeof errors.firstSeen) =>
  sql<string>`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * Filters shared by the list and the per-environment counts. `candidates`, from
 * searchCandidates, narrows a text search to those ids first. `scope.userId` is the caller,
 * whom `assignee=me` names.
 */
export function errorFilters(
  query: ErrorFilterQuery,
  scope: { projectId: number; userId: number },
  candidates: number[] | null = null,
): SQL[] {
  const { projectId } = scope;
  // Text compared as it was stored (PostgreSQL refuses NUL in a parameter; ingest replaced it).
  const where: SQL[] = [eq(errors.projectId, projectId)];
  if (query.environment.kind === "one")
    where.push(eq(errors.environment, storableText(query.environment.value)));
  if (query.environment.kind === "other")
    where.push(notInArray(errors.environment, [...PRIMARY_ENVIRONMENTS]));
  const status = effectiveStatus(query);
  if (status !== "all") where.push(eq(errors.status, status));
  if (query.levels.length > 0) where.push(inArray(errors.level, query.levels));
  if (query.origin) where.push(eq(errors.origin, storableText(query.origin)));
  if (query.release) {
    // The release's errors from error_releases' (project, release, error) index: a set the
    // planner hashes, so no index on errors is needed (each one costs every ingest update).
    where.push(
      sql`${errors.id} IN (SELECT r.error_id FROM error_releases r
        WHERE r.project_id = ${projectId} AND r.release = ${storableText(query.release)})`,
    );
  }
  if (query.assignee === "none") where.push(isNull(errors.assigneeUserId));
  else if (query.assignee !== null) {
    where.push(eq(errors.assigneeUserId, query.assignee === "me" ? scope.userId : query.assignee));
  }
  if (query.tag) {
    // From the tag counters' (project, key, value, error) index, as the release filter; the
    // key "release" is also the releases the events named (the breakdown shows those). A
    // value past a key's bound of distinct values was counted as "other" and matches nothing.
    const { key, value } = {
      key: storableText(query.tag.key),
      value: storableText(query.tag.value),
    };
    const releases =
      key === "release"
        ? sql` UNION ALL SELECT r.error_id FROM error_releases r
            WHERE r.project_id = ${projectId} AND r.release = ${value}`
        : sql``;
    where.push(
      sql`${errors.id} IN (SELECT t.error_id FROM error_tag_values t
        WHERE t.project_id = ${projectId} AND t.key = ${key} AND t.value = ${value}${releases})`,
    );
  }
  if (query.q) {
    // The candidates first: a set the planner hashes, so inside the counts' FILTER (evaluated
    // in this order) most rows take one probe and skip the pattern match; in the list it
    // looks their ids up by key.
    if (candidates)
      where.push(sql`${errors.id} IN (SELECT unnest(${`{${candidates.join(",")}}`}::bigint[]))`);
    const pattern = likePattern(storableText(query.q));
    where.push(or(ilike(errors.title, pattern), ilike(errors.detailsPreview, pattern)) as SQL);
  }
  return where;
}

export interface ErrorListPageResult {
  items: ErrorListItem[];
  /** The page after this one; null on the last page. */
  nextCursor: string | null;
  /** The page before this one; null on the first page. */
  prevCursor: string | null;
  /** The 0-based position of the first item in the whole list (exact unless rows moved meanwhile). */
  offset: number;
}

/**
 * One page of a project's errors, sorted in SQL with a stable keyset cursor, forwards or
 * backwards; null when the cursor is not one of ours (edited, stale, or from another sort).
 */
export async function listErrors(
  db: DbOrTx,
  input: { projectId: number; userId: number; query: ListErrorsQuery },
): Promise<ErrorListPageResult | null> {
  const { query } = input;
  const key = SORT_KEYS[query.sort];
  const cursor = query.cursor ? decodeCursor(query.sort, query.cursor) : null;
  if (query.cursor && !cursor) return null;
  const backwards = cursor?.direction === "prev";
  const candidates = await searchCandidates(db, query, input.projectId);
  const where = errorFilters(query, input, candidates);
  if (cursor) {
    const params = cursor.values.map((value) =>
      typeof value === "string" ? sql`${value}::timestamptz` : sql`${value}`,
    );
    // Every sort is descending on every key, so one row comparison walks the index (backwards
    // for the previous page).
    const columns = sql.join(key.columns, sql`, `);
    const bound = sql.join(params, sql`, `);
    where.push(backwards ? sql`(${columns}) > (${bound})` : sql`(${columns}) < (${bound})`);
  }
  const rows = await db
    .select({
      id: errors.id,
      title: errors.title,
      detailsPreview: errors.detailsPreview,
      level: errors.level,
      environment: errors.environment,
      origin: errors.origin,
      culprit: errors.culprit,
      status: errors.status,
      ...triageColumns,
      count: errors.eventCount,
      severity: errors.severity,
      firstSeen: errors.firstSeen,
      lastSeen: errors.lastSeen,
      cursorTime: cursorTime(key.time === "lastSeen" ? errors.lastSeen : errors.firstSeen),
      project: { id: projects.id, slug: projects.slug, name: projects.name },
    })
    .from(errors)
    .innerJoin(projects, eq(projects.id, errors.projectId))
    .leftJoin(assignees, eq(assignees.id, errors.assigneeUserId))
    .where(and(...where))
    // NULLS LAST as in the indexes (drizzle-kit writes DESC NULLS LAST); with PostgreSQL's
    // default DESC NULLS FIRST the planner cannot walk them and sorts the whole project.
    // Backwards: the exact reverse, so the same index is walked from the other end.
    .orderBy(
      ...key.columns.map((column) =>
        backwards ? sql`${column} ASC NULLS FIRST` : sql`${column} DESC NULLS LAST`,
      ),
    )
    .limit(query.limit + 1);

  const more = rows.length > query.limit;
  // Backwards with nothing before the page: it is the first page, read as one (full, in order).
  if (backwards && !more) return listErrors(db, { ...input, query: { ...query, cursor: null } });
  const page = rows.slice(0, query.limit);
  if (backwards) page.reverse();
  const offset = cursor?.offset ?? 0;
  const keyOf = (row: (typeof rows)[number]): (string | number)[] => {
    const values: Record<ErrorSort, (string | number)[]> = {
      frequency: [row.count, row.severity, row.cursorTime, row.id],
      level: [row.severity, row.count, row.cursorTime, row.id],
      lastSeen: [row.cursorTime, row.id],
      firstSeen: [row.cursorTime, row.id],
    };
    return values[query.sort];
  };
  const first = page[0];
  const last = page[page.length - 1];
  // Forwards, `more` says a next page exists; backwards, the page came from one.
  const hasNext = backwards || more;
  const hasPrev = cursor !== null;
  return {
    items: page.map(({ severity: _s, cursorTime: _c, assignee, ...item }) => ({
      ...item,
      assignee: userRef(assignee),
    })),
    nextCursor:
      hasNext && last
        ? encodeCursor(query.sort, keyOf(last), {
            direction: "next",
            offset: offset + page.length,
          })
        : null,
    prevCursor:
      hasPrev && first
        ? encodeCursor(query.sort, keyOf(first), {
            direction: "prev",
            offset: Math.max(0, offset - query.limit),
          })
        : null,
    offset,
  };
}

/** Who last changed the error's status (resolved or archived it). */
const statusChangers = alias(users, "status_changer");

const errorColumns = {
  id: errors.id,
  title: errors.title,
  level: errors.level,
  environment: errors.environment,
  origin: errors.origin,
  culprit: errors.culprit,
  status: errors.status,
  ...triageColumns,
  count: errors.eventCount,
  firstSeen: errors.firstSeen,
  lastSeen: errors.lastSeen,
  groupingVersion: errors.groupingVersion,
  fingerprint: errors.fingerprint,
  project: { id: projects.id, slug: projects.slug, name: projects.name },
  statusChangedAt: errors.statusChangedAt,
  statusChangedBy: { id: statusChangers.id, name: statusChangers.name },
  resolution: errors.resolution,
  resolvedInRelease: errors.resolvedInRelease,
  reopenDetail: errors.reopenDetail,
  archiveUntil: errors.archiveUntil,
  archiveUntilEvents: errors.archiveUntilEvents,
  archiveRateCount: errors.archiveRateCount,
  archiveRateMinutes: errors.archiveRateMinutes,
  firstRelease: errors.firstRelease,
  lastRelease: errors.lastRelease,
};

/**
 * One error if it is in one of the user's projects; null otherwise (never says which). With
 * its triage state as stored: lib/errors/detail.ts shapes it for the detail.
 */
export async function findErrorForUser(db: DbOrTx, input: { userId: number; errorId: number }) {
  const [row] = await db
    .select(errorColumns)
    .from(errors)
    .innerJoin(projects, eq(projects.id, errors.projectId))
    .leftJoin(assignees, eq(assignees.id, errors.assigneeUserId))
    .leftJoin(statusChangers, eq(statusChangers.id, errors.statusChangedByUserId))
    .where(and(eq(errors.id, input.errorId), inUserProjects(db, errors.projectId, input.userId)))
    .limit(1);
  if (!row) return null;
  const { assignee, statusChangedBy, ...rest } = row;
  return { ...rest, assignee: userRef(assignee), statusChangedBy: userRef(statusChangedBy) };
}

export type ErrorRecord = NonNullable<Awaited<ReturnType<typeof findErrorForUser>>>;

export async function setErrorStatus(
  db: DbOrTx,
  input: { userId: number; errorIds: number[]; status: "open" | "archived" },
): Promise<number[]> {
  if (input.errorIds.length === 0) return [];
  const rows = await db
    .update(errors)
    .set({ status: input.status })
    .where(
      and(inArray(errors.id, input.errorIds), inUserProjects(db, errors.projectId, input.userId)),
    )
    .returning({ id: errors.id });
  return rows.map((row) => row.id);
}

/** Deletes errors and, by cascade, all their events and hourly counts. */
export async function deleteErrors(
  db: DbOrTx,
  input: { userId: number; errorIds: number[] },
): Promise<number[]> {
  if (input.errorIds.length === 0) return [];
  const rows = await db
    .delete(errors)
    .where(
      and(inArray(errors.id, input.errorIds), inUserProjects(db, errors.projectId, input.userId)),
    )
    .returning({ id: errors.id });
  return rows.map((row) => row.id);
}
