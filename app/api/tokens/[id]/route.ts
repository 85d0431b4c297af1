import { getDb } from "@/db";
import { withToken } from "@/lib/api";
import { revokePersonalToken } from "@/lib/auth/personal-tokens";

export const DELETE = withToken<{ id: string }>(async (_request, { auth, params }) => {
  await revokePersonalToken(await getDb(), { userId: auth.userId, tokenId: params.id });
  return new Response(null, { status: 204 });
});
