import { isEventsCursor, listEventsOfError } from "@/db/queries/error-events";
import { findErrorForUser } from "@/db/queries/error-groups";
import { json, withToken } from "@/lib/api";
import { getDb } from "@/lib/db";
import { notFound } from "@/lib/domain-errors";
import { invalidParameters } from "@/lib/errors/list-query";
import { parseId } from "@/lib/row-id";

export const GET = withToken<{ id: string }>(async (request, { auth, params }) => {
  const errorId = parseId(params.id, "error");
  const search = new URL(request.url).searchParams;
  const cursor = search.get("cursor");
  const rawLimit = search.get("limit");
  const limit = rawLimit === null ? 25 : /^\d+$/.test(rawLimit) ? Number(rawLimit) : Number.NaN;
  const issues = [];
  if (cursor !== null && !isEventsCursor(cursor))
    issues.push({ path: ["cursor"], message: "cursor is invalid" });
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    issues.push({ path: ["limit"], message: "limit must be an integer from 1 to 100" });
  }
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
