import { listPersonalTokens } from "@/db/queries/tokens";
import { json, readJson, withToken } from "@/lib/api";
import { createPersonalToken } from "@/lib/auth/personal-tokens";
import { getDb } from "@/lib/db";

export const GET = withToken(async (_request, { auth }) => {
  const tokens = await listPersonalTokens(await getDb(), auth.userId);
  return json({ items: tokens });
});

export const POST = withToken(async (request, { auth }) => {
  const created = await createPersonalToken(await getDb(), {
    userId: auth.userId,
    body: await readJson(request),
  });
  return json(
    {
      id: created.id,
      name: created.name,
      prefix: created.prefix,
      createdAt: created.createdAt,
      expiresAt: created.expiresAt,
      token: created.token,
    },
    201,
  );
});
