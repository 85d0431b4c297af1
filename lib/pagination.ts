import { type Issue, issue } from "./domain-errors";
import { invalidParameters, limitIssue } from "./errors/list-query";

export const MAX_PAGE_LIMIT = 100;

type Params = { get(name: string): string | null };

/**
 * `cursor` and `limit` of a list walked newest first by row id: the cursor is the id of the
 * last row seen (the list's `nextCursor`), and a bad value of either is a 400 naming it.
 */
export function parseIdPage(
  params: Params,
  options: { defaultLimit: number; maxLimit?: number },
): { before: number | null; limit: number } {
  const maxLimit = options.maxLimit ?? MAX_PAGE_LIMIT;
  const issues: Issue[] = [];
  let before: number | null = null;
  const cursor = params.get("cursor");
  if (cursor !== null && cursor !== "") {
    before = /^[1-9]\d{0,15}$/.test(cursor) ? Number(cursor) : null;
    if (before === null || !Number.isSafeInteger(before)) {
      before = null;
      issues.push(issue(["cursor"], "ServerListParams.cursor"));
    }
  }
  let limit = options.defaultLimit;
  const rawLimit = params.get("limit");
  if (rawLimit !== null && rawLimit !== "") {
    limit = /^\d{1,4}$/.test(rawLimit) ? Number(rawLimit) : Number.NaN;
    if (!(limit >= 1 && limit <= maxLimit)) {
      issues.push(limitIssue("limit", maxLimit));
    }
  }
  if (issues.length > 0) throw invalidParameters(issues);
  return { before, limit };
}
