import { isEventsCursor, listEventsOfError } from "@/db/queries/error-events";
import { findErrorForUser } from "@/db/queries/error-groups";
import { json, withToken } from "@/lib/api";
import { getDb } from "@/lib/db";
import { type Issue, issue, notFound } from "@/lib/domain-errors";
import { invalidParameters, limitIssue } from "@/lib/errors/list-query";
import { parseId } from "@/lib/row-id";

export const GET = withToken<{ id: string }>(async (request, { auth, params }) => {
  const errorId = parseId(params.id, "error");
  const search = new URL(request.url).searchParams;
  const cursor = search.get("cursor");
  const rawLimit = search.get("limit");
  const limit = rawLimit === null ? 25 : /^\d+$/.test(rawLimit) ? Number(rawLimit) : Number.NaN;
  const issues: Issue[] = [];
  if (cursor !== null && !isEventsCursor(cursor))
    issues.push(issue(["cursor"], "ServerListParams.cursor"));
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) issues.push(limitIssue("limit", 100));
  if (issues.length > 0) throw invalidParameters(issues);

  const db = await getDb();
  const error = await findErrorForUser(db, { userId: auth.userId, errorId });
  if (!error) throw notFound("error");
  const page = await listEventsOfError(db, {
    errorId,
    cursor,
    limit,
  });
  return json({
    items: page.items.map(({ payload: _payload, ...event }) => event),
    nextCursor: page.nextCursor,
  });
});
