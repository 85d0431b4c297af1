import {
  type AssigneeFilter,
  type EnvironmentFilter,
  ERROR_SORTS,
  ERROR_STATUS_FILTERS,
  type ListErrorsQuery,
  type TagFilter,
} from "@/db/error-list-query";
import { Invalid, type Issue, issue } from "../domain-errors";
import { message } from "../i18n/server-messages";
import { parseIntegerId } from "../ids";
import { isPrimaryEnvironment, normalizeEnvironment } from "../ingest/environments";
import { LEVELS, type Level } from "../ingest/levels";
import { MAX_RELEASE_LENGTH } from "../ingest/limits";
import { DEFAULT_LIMIT, MAX_LIMIT, type TagIssue, tagIssue } from "./list-params";

export {
  type AssigneeFilter,
  decodeCursor,
  type EnvironmentFilter,
  ERROR_SORTS,
  ERROR_STATUS_FILTERS,
  type ErrorFilterQuery,
  type ErrorSort,
  type ErrorStatusFilter,
  effectiveStatus,
  encodeCursor,
  type ListErrorsQuery,
  type TagFilter,
} from "@/db/error-list-query";

export { DEFAULT_LIMIT, MAX_LIMIT, type TagIssue, tagIssue };

type Params = { get(name: string): string | null };

/** Parses list parameters (from a URL or a page's searchParams); bad values are a 400 naming them. */
export function parseListErrorsQuery(params: Params): ListErrorsQuery {
  const issues: Issue[] = [];
  const text = (name: string, max: number): string | null => {
    const value = params.get(name)?.trim();
    if (!value) return null;
    if (value.length > max) {
      issues.push(issue([name], "ServerListParams.tooLong", { name, max: String(max) }));
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
    issues.push(issue([name], "ServerListParams.oneOf", { name, allowed: allowed.join(", ") }));
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
      issues.push(issue(["level"], "ServerListParams.levels", { levels: LEVELS.join(", ") }));
      break;
    }
  }

  let limit = DEFAULT_LIMIT;
  const rawLimit = params.get("limit")?.trim();
  if (rawLimit) {
    const parsed = Number(rawLimit);
    if (!/^\d+$/.test(rawLimit) || parsed < 1 || parsed > MAX_LIMIT) {
      issues.push(limitIssue("limit", MAX_LIMIT));
    } else limit = parsed;
  }

  let assignee: AssigneeFilter | null = null;
  const rawAssignee = params.get("assignee")?.trim();
  if (rawAssignee === "me" || rawAssignee === "none") assignee = rawAssignee;
  else if (rawAssignee) {
    assignee = parseIntegerId(rawAssignee);
    if (assignee === null) issues.push(issue(["assignee"], "ServerListParams.assignee"));
  }

  let tag: TagFilter | null = null;
  const rawTag = params.get("tag")?.trim();
  if (rawTag) {
    const separator = rawTag.indexOf(":");
    const problem =
      separator < 0
        ? issue(["tag"], "ServerListParams.tagFormat")
        : tagFilterIssue(rawTag.slice(0, separator), rawTag.slice(separator + 1));
    if (problem) issues.push(problem);
    else tag = { key: rawTag.slice(0, separator), value: rawTag.slice(separator + 1) };
  }

  const query: ListErrorsQuery = {
    environment,
    levels,
    origin: text("origin", 255),
    q: text("q", 200),
    status: oneOf("status", ERROR_STATUS_FILTERS, null),
    release: text("release", MAX_RELEASE_LENGTH),
    assignee,
    tag,
    project: text("project", 100),
    sort: oneOf("sort", ERROR_SORTS, "frequency") ?? "frequency",
    cursor: text("cursor", 500),
    limit,
  };
  if (issues.length > 0) throw invalidParameters(issues);
  return query;
}

/** A 400 naming the bad parameters; its message is the first one's, in the caller's language. */
export function invalidParameters(issues: Issue[]): Invalid {
  const first = issues[0];
  const text = first ? (first.text ?? first.message) : message("ServerListParams.invalid");
  return new Invalid("invalid_parameter", text, issues);
}

/** "`name` must be an integer from 1 to `max`": a page size, a count of values. */
export function limitIssue(name: string, max: number): Issue {
  return issue([name], "ServerListParams.integerRange", { name, max: String(max) });
}

/** tagIssue as the API says it, for the `tag` parameter. */
export function tagFilterIssue(key: string, value: string): Issue | null {
  const problem = tagIssue(key, value);
  if (!problem) return null;
  if (problem.code === "tagKeyChars") return issue(["tag"], "ServerListParams.tagKeyChars");
  return issue(["tag"], `ServerListParams.${problem.code}`, { max: String(problem.max) });
}

/** A 400 naming the cursor: it was edited, is stale, or belongs to another sort order. */
export function invalidCursor(): Invalid {
  return invalidParameters([issue(["cursor"], "ServerListParams.cursorSort")]);
}

export function isOtherEnvironment(environment: string): boolean {
  return !isPrimaryEnvironment(environment);
}
