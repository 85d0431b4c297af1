import { withToken } from "@/lib/api";
import { getDb } from "@/lib/db";
import { removeMember } from "@/lib/projects/members";

export const DELETE = withToken<{ id: string; userId: string }>(
  async (_request, { auth, params }) => {
    await removeMember(await getDb(), {
      userId: auth.userId,
      project: params.id,
      memberId: params.userId,
    });
    return new Response(null, { status: 204 });
  },
);
