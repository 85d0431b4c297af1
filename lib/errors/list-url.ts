import type { Level } from "../ingest/levels";
import type { ErrorSort, ErrorStatusFilter, ListErrorsQuery } from "./list-query";

/** The list page's state as it lives in the URL: plain data, safe to hand to client components. */
export interface ErrorListState {
  project: string | null;
  /** `production` (default), `staging`, `development`, `other`, `all`, or another raw value. */
  environment: string;
  sort: ErrorSort;
  q: string;
  levels: Level[];
  origin: string;
  /** Null: the default rule (open, plus resolved and archived while searching). */
  status: ErrorStatusFilter | null;
  /** Errors seen in this release; "" for any. */
  release: string;
  /** `me`, `none`, a user id, or "" for anyone. */
  assignee: string;
  /** `key:value`, or "" for no tag filter. */
  tag: string;
  cursor: string | null;
}

export const DEFAULT_ENVIRONMENT = "production";
export const DEFAULT_SORT: ErrorSort = "frequency";

export function listStateFromQuery(query: ListErrorsQuery): ErrorListState {
  const { environment } = query;
  return {
    project: query.project,
    environment: environment.kind === "one" ? environment.value : environment.kind,
    sort: query.sort,
    q: query.q ?? "",
    levels: query.levels,
    origin: query.origin ?? "",
    status: query.status,
    release: query.release ?? "",
    assignee: query.assignee === null ? "" : String(query.assignee),
    tag: query.tag ? `${query.tag.key}:${query.tag.value}` : "",
    cursor: query.cursor,
  };
}

/** Text, level or origin set: the filters that also reveal resolved and archived errors. */
export function hasSearchFilters(state: ErrorListState): boolean {
  return state.q !== "" || state.levels.length > 0 || state.origin !== "";
}

/**
 * The URL of the list with some state changed. Any change but the cursor itself starts again
 * from the first page: a cursor belongs to one sort and one set of filters.
 */
export function errorListHref(
  state: ErrorListState,
  changes: Partial<ErrorListState> = {},
): string {
  const next: ErrorListState = { ...state, ...changes };
  if (!("cursor" in changes)) next.cursor = null;
  const params = new URLSearchParams();
  if (next.project) params.set("project", next.project);
  if (next.environment !== DEFAULT_ENVIRONMENT) params.set("environment", next.environment);
  if (next.status) params.set("status", next.status);
  if (next.q) params.set("q", next.q);
  if (next.levels.length > 0) params.set("level", next.levels.join(","));
  if (next.origin) params.set("origin", next.origin);
  if (next.release) params.set("release", next.release);
  if (next.assignee) params.set("assignee", next.assignee);
  if (next.tag) params.set("tag", next.tag);
  if (next.sort !== DEFAULT_SORT) params.set("sort", next.sort);
  if (next.cursor) params.set("cursor", next.cursor);
  const search = params.toString();
  return search ? `/errors?${search}` : "/errors";
}

/** Same project, environment and sort; no text, level, origin, status, release, assignee or tag. */
export function clearedFiltersHref(state: ErrorListState): string {
  return errorListHref(state, {
    q: "",
    levels: [],
    origin: "",
    status: null,
    release: "",
    assignee: "",
    tag: "",
  });
}

/** Any filter that narrows the list beyond its environment and status. */
export function hasFilters(state: ErrorListState): boolean {
  return (
    hasSearchFilters(state) || state.release !== "" || state.assignee !== "" || state.tag !== ""
  );
}

/**
 * A list URL kept from elsewhere (the browser's session storage) if it is one: a same-origin
 * path to the list with its query, and nothing else — never another site, page or scheme.
 */
export function safeListHref(value: string | null | undefined): string | null {
  if (!value || value.length > 4000 || !value.startsWith("/errors")) return null;
  if (value !== "/errors" && !value.startsWith("/errors?")) return null;
  let url: URL;
  try {
    url = new URL(value, "http://list.invalid");
  } catch {
    return null;
  }
  if (url.origin !== "http://list.invalid" || url.pathname !== "/errors" || url.hash) return null;
  return `${url.pathname}${url.search}`;
}

/** A page's `searchParams` as URLSearchParams, for the one list parser shared with the API. */
export function toSearchParams(
  raw: Record<string, string | string[] | undefined>,
): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(raw)) {
    // A repeated parameter keeps its first value, as URLSearchParams.get() does for the API.
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) params.set(key, first);
  }
  return params;
}
