import { withToken } from "@/lib/api";
import { getDb } from "@/lib/db";
import { revokeInvitation } from "@/lib/projects/invitations";

/** Revokes a pending invitation (owners). */
export const DELETE = withToken<{ id: string; invitationId: string }>(
  async (_request, { auth, params }) => {
    await revokeInvitation(await getDb(), {
      userId: auth.userId,
      project: params.id,
      invitationId: params.invitationId,
    });
    return new Response(null, { status: 204 });
  },
);
