import { withToken } from "@/lib/api";
import { getDb } from "@/lib/db";
import { declineInvitation } from "@/lib/projects/invitations";

/** Declines (deletes) an invitation sent to the caller. */
export const POST = withToken<{ invitationId: string }>(async (_request, { auth, params }) => {
  await declineInvitation(await getDb(), {
    userId: auth.userId,
    invitationId: params.invitationId,
  });
  return new Response(null, { status: 204 });
});
