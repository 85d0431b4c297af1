import { getDb } from "@/db";
import { createToken, listPersonalTokens } from "@/db/queries/tokens";
import { json, readJson, withToken } from "@/lib/api";
import { parseWith } from "@/lib/api-error";
import { tokenNameSchema } from "@/lib/schemas/auth";

export const GET = withToken(async (_request, { auth }) => {
  const tokens = await listPersonalTokens(await getDb(), auth.userId);
  return json({ items: tokens });
});

export const POST = withToken(async (request, { auth }) => {
  const { name } = parseWith(tokenNameSchema, await readJson(request));
  const created = await createToken(await getDb(), { userId: auth.userId, kind: "personal", name });
  return json(
    {
      id: created.id,
      name: created.name,
      prefix: created.prefix,
      createdAt: created.createdAt,
      token: created.token,
    },
    201,
  );
});
