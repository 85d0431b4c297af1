import { ApiError, type ApiIssue } from "./api-error";
import { isPrimaryEnvironment, normalizeEnvironment } from "./ingest/environments";
import { LEVELS, type Level } from "./ingest/levels";

export const ERROR_SORTS = ["frequency", "level", "lastSeen", "firstSeen"] as const;
export type ErrorSort = (typeof ERROR_SORTS)[number];
export const ERROR_STATUS_FILTERS = ["open", "archived", "all"] as const;
export type ErrorStatusFilter = (typeof ERROR_STATUS_FILTERS)[number];

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
  project: string | null;
  sort: ErrorSort;
  cursor: string | null;
  limit: number;
}

/** What filters a list (and its per-environment counts): everything but order and paging. */
export type ErrorFilterQuery = Omit<ListErrorsQuery, "sort" | "cursor" | "limit" | "project">;

export const DEFAULT_LIMIT = 25;
export const MAX_LIMIT = 100;

/**
 * The main list shows open errors; once a search filter is set (text, level or origin), archived
 * errors are found too, unless a status was asked for explicitly.
 */
export function effectiveStatus(
  query: Pick<ListErrorsQuery, "status" | "q" | "levels" | "origin">,
): ErrorStatusFilter {
  if (query.status) return query.status;
  return query.q || query.levels.length > 0 || query.origin ? "all" : "open";
}

type Params = { get(name: string): string | null };

/** Parses list parameters (from a URL or a page's searchParams); bad values are a 400 naming them. */
export function parseListErrorsQuery(params: Params): ListErrorsQuery {
  const issues: ApiIssue[] = [];
  const text = (name: string, max: number): string | null => {
    const value = params.get(name)?.trim();
    if (!value) return null;
    if (value.length > max) {
      issues.push({ path: [name], message: `${name} must be at most ${max} characters` });
      return null;
    }
    return value;
  };
  const oneOf = <T extends string>(
    name: string,
    allowed: readonly T[],
    fallback: T | null,
  ): T | null => {
    const value = params.get(name)?.trim();
    if (!value) return fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    issues.push({ path: [name], message: `${name} must be one of: ${allowed.join(", ")}` });
    return fallback;
  };

  const rawEnvironment = text("environment", 64);
  let environment: EnvironmentFilter = { kind: "one", value: "production" };
  if (rawEnvironment === "all") environment = { kind: "all" };
  else if (rawEnvironment === "other") environment = { kind: "other" };
  else if (rawEnvironment)
    environment = { kind: "one", value: normalizeEnvironment(rawEnvironment) };

  const levels: Level[] = [];
  for (const part of (params.get("level") ?? "").split(",")) {
    const level = part.trim().toLowerCase();
    if (!level) continue;
    if ((LEVELS as readonly string[]).includes(level)) {
      if (!levels.includes(level as Level)) levels.push(level as Level);
    } else {
      issues.push({
        path: ["level"],
        message: `level must be a comma-separated list of: ${LEVELS.join(", ")}`,
      });
      break;
    }
  }

  let limit = DEFAULT_LIMIT;
  const rawLimit = params.get("limit")?.trim();
  if (rawLimit) {
    const parsed = Number(rawLimit);
    if (!/^\d+$/.test(rawLimit) || parsed < 1 || parsed > MAX_LIMIT) {
      issues.push({ path: ["limit"], message: `limit must be an integer from 1 to ${MAX_LIMIT}` });
    } else limit = parsed;
  }

  const query: ListErrorsQuery = {
    environment,
    levels,
    origin: text("origin", 255),
    q: text("q", 200),
    status: oneOf("status", ERROR_STATUS_FILTERS, null),
    project: text("project", 100),
    sort: oneOf("sort", ERROR_SORTS, "frequency") ?? "frequency",
    cursor: text("cursor", 500),
    limit,
  };
  if (issues.length > 0) throw invalidParameters(issues);
  return query;
}

export function invalidParameters(issues: ApiIssue[]): ApiError {
  const first = issues[0];
  return new ApiError(400, "invalid_parameter", first ? first.message : "Invalid parameter", {
    issues,
  });
}

export function isOtherEnvironment(environment: string): boolean {
  return !isPrimaryEnvironment(environment);
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

export function decodeCursor(sort: ErrorSort, cursor: string): (string | number)[] {
  const invalid = () =>
    invalidParameters([
      { path: ["cursor"], message: "cursor is invalid or belongs to another sort order" },
    ]);
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalid();
  }
  const shape = CURSOR_SHAPES[sort];
  if (!Array.isArray(decoded) || decoded[0] !== sort || decoded.length !== shape.length + 1)
    throw invalid();
  const values = decoded.slice(1);
  shape.forEach((kind, index) => {
    if (!isCursorValue(kind, values[index])) throw invalid();
  });
  return values;
}
