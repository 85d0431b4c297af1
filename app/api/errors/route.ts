import { json, withToken } from "@/lib/api";
import { getDb } from "@/lib/db";
import { listErrorPage } from "@/lib/errors/list";
import { parseListErrorsQuery } from "@/lib/errors/list-query";
import { resolveProjectForCaller } from "@/lib/projects/access";

export const GET = withToken(async (request, { auth }) => {
  const query = parseListErrorsQuery(new URL(request.url).searchParams);
  const db = await getDb();
  const { project } = await resolveProjectForCaller(db, {
    userId: auth.userId,
    project: query.project ?? undefined,
  });
  const { items, nextCursor, prevCursor } = await listErrorPage(db, {
    projectId: project.id,
    userId: auth.userId,
    query,
  });
  return json({
    items: items.map(({ detailsPreview: _details, ...item }) => item),
    nextCursor,
    prevCursor,
  });
});
