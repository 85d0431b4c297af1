import type { DbOrTx } from "@/db/client";
import {
  type ErrorCounters,
  findErrorCountersForUser,
  listErrorCounters,
} from "@/db/queries/error-live";
import { issue, notFound } from "../domain-errors";
import { resolveProjectForCaller } from "../projects/access";
import { parseRowId } from "./detail-format";
import { listErrorPage } from "./list";
import { invalidParameters, MAX_LIMIT, parseListErrorsQuery } from "./list-query";

export interface LiveErrorState {
  id: number;
  count: number;
  lastSeen: string;
  status: ErrorCounters["status"];
  substatus: ErrorCounters["substatus"];
  eventsSinceStatus: number;
}

/** What an open list polls: the page's ids in order, and the counters of those and of `shown`. */
export interface LiveList {
  ids: number[];
  errors: LiveErrorState[];
}

export interface LiveError extends LiveErrorState {
  latestEventId: number | null;
}

type Params = { get(name: string): string | null };

/**
 * The page the list's URL (the same parameters, parsed by the same rules) shows now, reduced to
 * what changes while it is open. `shown` (comma-separated ids, the rows on screen) adds the
 * counters of rows that have left the page, so those update in place too.
 */
export async function readLiveList(
  db: DbOrTx,
  input: { userId: number; params: Params },
): Promise<LiveList> {
  const query = parseListErrorsQuery(input.params);
  const shown = parseShownIds(input.params.get("shown"));
  const { project } = await resolveProjectForCaller(db, {
    userId: input.userId,
    project: query.project ?? undefined,
  });
  const page = await listErrorPage(db, { projectId: project.id, userId: input.userId, query });
  const onPage = new Set(page.items.map((item) => item.id));
  const others = await listErrorCounters(db, {
    projectId: project.id,
    ids: shown.filter((id) => !onPage.has(id)),
  });
  return {
    ids: page.items.map((item) => item.id),
    errors: [...page.items, ...others].map(liveState),
  };
}

/** One error's counters, status and latest event; a 404 when it is not in the user's projects. */
export async function readLiveError(
  db: DbOrTx,
  input: { userId: number; errorId: number },
): Promise<LiveError> {
  const row = await findErrorCountersForUser(db, input);
  if (!row) throw notFound("error");
  return { ...liveState(row), latestEventId: row.latestEventId };
}

function liveState(row: Omit<ErrorCounters, "lastSeen"> & { lastSeen: Date }): LiveErrorState {
  return {
    id: row.id,
    count: row.count,
    lastSeen: row.lastSeen.toISOString(),
    status: row.status,
    substatus: row.substatus,
    eventsSinceStatus: row.eventsSinceStatus,
  };
}

/** `shown=1,2,3`: at most a page's worth of error ids; anything else is a 400 naming it. */
export function parseShownIds(raw: string | null): number[] {
  const parts = (raw ?? "").split(",").filter((part) => part.trim() !== "");
  const ids = parts.map((part) => parseRowId(part.trim()));
  if (parts.length > MAX_LIMIT || ids.some((id) => id === null)) {
    throw invalidParameters([
      issue(["shown"], "ServerListParams.shown", { max: String(MAX_LIMIT) }),
    ]);
  }
  return [...new Set(ids as number[])];
}
