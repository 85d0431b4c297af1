import { revokePersonalToken } from "@/db/queries/tokens";
import { withToken } from "@/lib/api";
import { getDb } from "@/lib/db";
import { notFound } from "@/lib/domain-errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const DELETE = withToken<{ id: string }>(async (_request, { auth, params }) => {
  if (!UUID.test(params.id)) throw notFound("Token");
  const revoked = await revokePersonalToken(await getDb(), {
    userId: auth.userId,
    tokenId: params.id,
  });
  if (!revoked) throw notFound("Token");
  return new Response(null, { status: 204 });
});
