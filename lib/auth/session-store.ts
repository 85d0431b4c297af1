import { createSession, deleteSession, deleteUserSessions } from "@/db/queries/sessions";
import { getDb } from "@/lib/db";
import { isUuid } from "@/lib/ids";
import { SESSION_MAX_AGE_SECONDS } from "./constants";

/** Called at sign-in: the new row's id is what the session cookie carries (`sid`). */
export async function startSession(userId: number): Promise<string> {
  const session = await createSession(await getDb(), {
    userId,
    maxAgeSeconds: SESSION_MAX_AGE_SECONDS,
  });
  return session.id;
}

/** Signing out: the cookie's session is deleted, so a copy of the cookie no longer works. */
export async function endSession(sessionId: string | null | undefined): Promise<void> {
  if (!sessionId || !isUuid(sessionId)) return;
  await deleteSession(await getDb(), sessionId);
}

/** "Sign out everywhere": every browser session of the user ends, this one included. */
export async function endAllSessions(userId: number): Promise<number> {
  return deleteUserSessions(await getDb(), { userId });
}
