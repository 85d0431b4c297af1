import { listMembers } from "@/db/queries/members";
import { json, readJson, withToken } from "@/lib/api";
import { getDb } from "@/lib/db";
import { requireProjectAccess } from "@/lib/projects/access";
import { inviteToProject } from "@/lib/projects/invitations";
import { publicBaseUrl } from "@/lib/public-url";

export const GET = withToken<{ id: string }>(async (_request, { auth, params }) => {
  const db = await getDb();
  const { project } = await requireProjectAccess(db, { userId: auth.userId, project: params.id });
  return json({ items: await listMembers(db, { projectId: project.id }) });
});

/**
 * Invites by email, as POST /api/projects/:id/invitations does: nobody joins a project without
 * accepting, and the answer never says whether the address has an account.
 */
export const POST = withToken<{ id: string }>(async (request, { auth, params }) => {
  const result = await inviteToProject(await getDb(), {
    userId: auth.userId,
    project: params.id,
    readBody: () => readJson(request, 16 * 1024),
    baseUrl: publicBaseUrl(request),
  });
  return json(result, 202);
});
