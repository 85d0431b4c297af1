import { withToken } from "@/lib/api";
import { revokePersonalToken } from "@/lib/auth/personal-tokens";
import { getDb } from "@/lib/db";

export const DELETE = withToken<{ id: string }>(async (_request, { auth, params }) => {
  await revokePersonalToken(await getDb(), { userId: auth.userId, tokenId: params.id });
  return new Response(null, { status: 204 });
});
