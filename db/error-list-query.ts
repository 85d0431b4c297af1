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

/** `tag=key:value`: errors whose events carried that tag. */
export interface TagFilter {
  key: string;
  value: string;
}

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
  tag: TagFilter | null;
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

/** `next`: the rows after the key (the next page); `prev`: the rows before it. */
export type CursorDirection = "next" | "prev";

/** What a cursor holds: where a page starts, which way from the key, and its first row's index. */
export interface DecodedCursor {
  direction: CursorDirection;
  /** The 0-based position of the page's first row: for "26–50 of 117"; a hint, not a key. */
  offset: number;
  values: (string | number)[];
}

const DIRECTION_CODES: Record<CursorDirection, string> = { next: "n", prev: "p" };
/** Far beyond any list a person pages through; keeps a forged offset a small integer. */
const MAX_CURSOR_OFFSET = 1_000_000_000;

/** Cursor: the sort key of a boundary row, the direction and the page's offset, opaque to clients. */
export function encodeCursor(
  sort: ErrorSort,
  values: (string | number)[],
  position: { direction: CursorDirection; offset: number },
): string {
  const head = [sort, DIRECTION_CODES[position.direction], position.offset];
  return Buffer.from(JSON.stringify([...head, ...values])).toString("base64url");
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

/** What a cursor holds; null when it was edited, is not ours, or belongs to another sort. */
export function decodeCursor(sort: ErrorSort, cursor: string): DecodedCursor | null {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const shape = CURSOR_SHAPES[sort];
  if (!Array.isArray(decoded) || decoded[0] !== sort || decoded.length !== shape.length + 3)
    return null;
  const [, code, offset, ...values] = decoded;
  const direction = code === "n" ? "next" : code === "p" ? "prev" : null;
  if (direction === null) return null;
  if (!Number.isSafeInteger(offset) || offset < 0 || offset > MAX_CURSOR_OFFSET) return null;
  if (!shape.every((kind, index) => isCursorValue(kind, values[index]))) return null;
  return { direction, offset, values };
}
