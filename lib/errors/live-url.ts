import { DEFAULT_LIMIT } from "./list-params";
import { type ErrorListState, errorListHref } from "./list-url";

/** Where an open list polls: the page's own parameters, its project named, and the rows shown. */
export function liveListUrl(
  state: ErrorListState,
  page: { project: string; limit: number; shown?: number[] },
): string {
  const href = errorListHref(state, { project: page.project, cursor: state.cursor });
  const params = new URLSearchParams(href.split("?")[1]);
  if (page.limit !== DEFAULT_LIMIT) params.set("limit", String(page.limit));
  if (page.shown?.length) params.set("shown", page.shown.join(","));
  return `/api/errors/live?${params}`;
}

/** A project with no errors yet: any first error, in any environment or status, ends that. */
export function firstErrorUrl(project: string): string {
  return `/api/errors/live?${new URLSearchParams({ project, environment: "all", status: "all", limit: "1" })}`;
}
