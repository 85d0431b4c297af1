import { renameProject } from "@/db/queries/projects";
import { json, readJson, withToken } from "@/lib/api";
import { getDb } from "@/lib/db";
import { forbidden, notFound, parseWith } from "@/lib/domain-errors";
import { requireProjectAccess } from "@/lib/projects/access";
import { patchProjectSchema } from "@/lib/schemas/projects";

export const GET = withToken<{ id: string }>(async (_request, { auth, params }) => {
  const { project, role } = await requireProjectAccess(await getDb(), {
    userId: auth.userId,
    project: params.id,
  });
  return json({ ...project, role });
});

export const PATCH = withToken<{ id: string }>(async (request, { auth, params }) => {
  const db = await getDb();
  const { project, role } = await requireProjectAccess(db, {
    userId: auth.userId,
    project: params.id,
  });
  if (role !== "owner") throw forbidden("Only project owners can change a project.");
  const changes = parseWith(patchProjectSchema, await readJson(request, 16 * 1024));
  const renamed = await renameProject(db, { projectId: project.id, ...changes });
  if (!renamed) throw notFound("Project");
  return json({ ...renamed, role });
});
