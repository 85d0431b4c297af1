import { withToken } from "@/lib/api";
import { getDb } from "@/lib/db";
import { revokeIngestKey } from "@/lib/projects/keys";

export const DELETE = withToken<{ id: string; keyId: string }>(
  async (_request, { auth, params }) => {
    await revokeIngestKey(await getDb(), {
      userId: auth.userId,
      project: params.id,
      keyId: params.keyId,
    });
    return new Response(null, { status: 204 });
  },
);
