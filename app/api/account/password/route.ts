import { json, readJson, withToken } from "@/lib/api";
import { changePassword } from "@/lib/auth/password";
import { getDb } from "@/lib/db";

/**
 * Changes the caller's password. Every browser session ends except the caller's own (when the
 * caller is a browser); personal tokens keep working.
 */
export const POST = withToken(async (request, { auth }) => {
  const { endedSessions } = await changePassword(await getDb(), {
    userId: auth.userId,
    keepSessionId: auth.sessionId ?? null,
    body: await readJson(request, 16 * 1024),
  });
  return json({ changed: true, endedSessions });
});
