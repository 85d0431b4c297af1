import { getDb } from "@/db";
import { createToken } from "@/db/queries/tokens";
import { verifyCredentials } from "@/db/queries/users";
import { json, readJson, withErrors } from "@/lib/api";
import { parseWith, unauthorized } from "@/lib/api-error";
import { assertLoginAllowed, clientIp, recordLoginFailure } from "@/lib/login-limits";
import { tokenRequestSchema } from "@/lib/schemas/auth";

export const POST = withErrors(async (request) => {
  const input = parseWith(tokenRequestSchema, await readJson(request, 16 * 1024));
  const db = await getDb();
  const attempt = { email: input.email, ip: clientIp((name) => request.headers.get(name)) };
  await assertLoginAllowed(db, attempt);
  const user = await verifyCredentials(db, input);
  if (!user) {
    await recordLoginFailure(db, attempt);
    // One message for an unknown email and a wrong password alike.
    throw unauthorized("Invalid email or password.");
  }
  const created = await createToken(db, {
    userId: user.id,
    kind: "personal",
    name: input.name ?? `API token ${new Date().toISOString().slice(0, 10)}`,
  });
  return json({
    token: created.token,
    tokenInfo: { id: created.id, name: created.name, prefix: created.prefix },
    user,
  });
});
