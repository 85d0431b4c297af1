import { json, readJson, withToken } from "@/lib/api";
import { getDb } from "@/lib/db";
import { triageErrors } from "@/lib/errors/triage";

export const POST = withToken(async (request, { auth }) => {
  const body = await readJson(request);
  return json(await triageErrors(await getDb(), { userId: auth.userId, body }));
});
