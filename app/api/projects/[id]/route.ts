import { json, readJson, withToken } from "@/lib/api";
import { getDb } from "@/lib/db";
import { requireProjectAccess } from "@/lib/projects/access";
import { updateProject } from "@/lib/projects/projects";

export const GET = withToken<{ id: string }>(async (_request, { auth, params }) => {
  const { project, role } = await requireProjectAccess(await getDb(), {
    userId: auth.userId,
    project: params.id,
  });
  return json({ ...project, role });
});

export const PATCH = withToken<{ id: string }>(async (request, { auth, params }) => {
  const updated = await updateProject(await getDb(), {
    userId: auth.userId,
    project: params.id,
    readBody: () => readJson(request, 16 * 1024),
  });
  return json(updated);
});
