import type { LEVEL_VALUES } from "./schema";

type Level = (typeof LEVEL_VALUES)[number];

export const ERROR_SORTS = ["frequency", "level", "lastSeen", "firstSeen"] as const;
export type ErrorSort = (typeof ERROR_SORTS)[number];
export const ERROR_STATUS_FILTERS = ["open", "resolved", "archived", "all"] as const;
export type ErrorStatusFilter = (typeof ERROR_STATUS_FILTERS)[number];

/** `me`: the caller; `none`: nobody; a number: that user's id. */
export type AssigneeFilter = "me" | "none" | number;

/** `all`: every environment; `other`: those outside production, staging and development. */
export type EnvironmentFilter =
  | { kind: "all" }
  | { kind: "other" }
  | { kind: "one"; value: string };

export interface ListErrorsQuery {
  environment: EnvironmentFilter;
  levels: Level[];
  origin: string | null;
  q: string | null;
  /** What was asked for; `effectiveStatus` applies the search rule. */
  status: ErrorStatusFilter | null;
  /** Errors seen in this release (an event of theirs carried it). */
  release: string | null;
  assignee: AssigneeFilter | null;
  project: string | null;
  sort: ErrorSort;
  cursor: string | null;
  limit: number;
}

/** What filters a list (and its per-environment counts): everything but order and paging. */
export type ErrorFilterQuery = Omit<ListErrorsQuery, "sort" | "cursor" | "limit" | "project">;

/**
 * The main list shows open errors; once a search filter is set (text, level or origin),
 * resolved and archived errors are found too, unless a status was asked for explicitly.
 */
export function effectiveStatus(
  query: Pick<ListErrorsQuery, "status" | "q" | "levels" | "origin">,
): ErrorStatusFilter {
  if (query.status) return query.status;
  return query.q || query.levels.length > 0 || query.origin ? "all" : "open";
}

/** Cursor: the sort key of the last row seen, opaque to clients. */
export function encodeCursor(sort: ErrorSort, values: (string | number)[]): string {
  return Buffer.from(JSON.stringify([sort, ...values])).toString("base64url");
}

// int4: counts and severities (integer columns); id: bigint row ids; time: microsecond UTC text.
type CursorValue = "int4" | "id" | "time";

const CURSOR_SHAPES: Record<ErrorSort, CursorValue[]> = {
  frequency: ["int4", "int4", "time", "id"],
  level: ["int4", "int4", "time", "id"],
  lastSeen: ["time", "id"],
  firstSeen: ["time", "id"],
};

const CURSOR_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const INT4_MAX = 2_147_483_647;

/** A value the database accepts for its column: a forged cursor must be a 400, never a 500. */
function isCursorValue(kind: CursorValue, value: unknown): boolean {
  if (kind === "int4") return Number.isInteger(value) && Math.abs(value as number) <= INT4_MAX;
  if (kind === "id") return Number.isSafeInteger(value);
  if (typeof value !== "string" || !CURSOR_TIME.test(value)) return false;
  // A real date (no month 13, no year 0): the millisecond part must read back unchanged.
  const millis = `${value.slice(0, 23)}Z`;
  const date = new Date(millis);
  return (
    !Number.isNaN(date.getTime()) && date.getUTCFullYear() >= 1 && date.toISOString() === millis
  );
}

/** The sort key a cursor holds; null when it was edited, is not ours, or belongs to another sort. */
export function decodeCursor(sort: ErrorSort, cursor: string): (string | number)[] | null {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const shape = CURSOR_SHAPES[sort];
  if (!Array.isArray(decoded) || decoded[0] !== sort || decoded.length !== shape.length + 1)
    return null;
  const values = decoded.slice(1);
  return shape.every((kind, index) => isCursorValue(kind, values[index])) ? values : null;
}
