import { getDb } from "@/db";
import { listErrors } from "@/db/queries/error-groups";
import { resolveProjectForCaller } from "@/db/queries/projects";
import { json, withToken } from "@/lib/api";
import { parseListErrorsQuery } from "@/lib/errors/list-query";

export const GET = withToken(async (request, { auth }) => {
  const query = parseListErrorsQuery(new URL(request.url).searchParams);
  const db = await getDb();
  const { project } = await resolveProjectForCaller(db, {
    userId: auth.userId,
    project: query.project ?? undefined,
  });
  const { items, nextCursor } = await listErrors(db, { projectId: project.id, query });
  return json({
    items: items.map(({ detailsPreview: _details, ...item }) => item),
    nextCursor,
  });
});
