import { listMembers } from "@/db/queries/members";
import { json, withToken } from "@/lib/api";
import { getDb } from "@/lib/db";
import { requireProjectAccess } from "@/lib/projects/access";
import { POST as invite } from "../invitations/route";

export const GET = withToken<{ id: string }>(async (_request, { auth, params }) => {
  const db = await getDb();
  const { project } = await requireProjectAccess(db, { userId: auth.userId, project: params.id });
  return json({ items: await listMembers(db, { projectId: project.id }) });
});

/**
 * Adding a member is inviting them, the very handler of POST /api/projects/:id/invitations:
 * nobody joins a project without accepting, and the answer never says whether the address has
 * an account.
 */
export const POST = invite;
