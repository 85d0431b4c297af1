import { createToken } from "@/db/queries/tokens";
import { json, readJson, withErrors } from "@/lib/api";
import { requestClientAddress } from "@/lib/auth/client-address";
import { verifyLogin } from "@/lib/auth/login-limits";
import { getDb } from "@/lib/db";
import { parseWith, unauthorized } from "@/lib/domain-errors";
import { message } from "@/lib/i18n/server-messages";
import { tokenRequestSchema } from "@/lib/schemas/auth";

export const POST = withErrors(async (request) => {
  const input = parseWith(tokenRequestSchema, await readJson(request, 16 * 1024));
  const db = await getDb();
  const user = await verifyLogin(db, {
    email: input.email,
    password: input.password,
    address: requestClientAddress(request.headers),
  });
  if (!user) {
    // One message for an unknown email and a wrong password alike.
    throw unauthorized(message("ServerAuth.invalidCredentials"));
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
