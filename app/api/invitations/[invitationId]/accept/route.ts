import { json, withToken } from "@/lib/api";
import { getDb } from "@/lib/db";
import { acceptInvitation } from "@/lib/projects/invitations";

/** Joins the project as a member; only the invitee can, and only before it expires. */
export const POST = withToken<{ invitationId: string }>(async (_request, { auth, params }) => {
  const { project, role } = await acceptInvitation(await getDb(), {
    userId: auth.userId,
    invitationId: params.invitationId,
  });
  return json({ project: { ...project, role } });
});
