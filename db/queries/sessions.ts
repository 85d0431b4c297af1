import { and, eq, gt, lt, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { userSessions, users } from "../schema";

/**
 * Starts a browser session for the user; its id goes into the session cookie. The user's
 * expired rows go at the same time, so the table holds no more than their live sessions.
 */
export async function createSession(
  db: DbOrTx,
  input: { userId: number; maxAgeSeconds: number },
): Promise<{ id: string; expiresAt: Date }> {
  await db
    .delete(userSessions)
    .where(and(eq(userSessions.userId, input.userId), lt(userSessions.expiresAt, sql`now()`)));
  const [row] = await db
    .insert(userSessions)
    .values({
      userId: input.userId,
      expiresAt: sql`now() + make_interval(secs => ${input.maxAgeSeconds})`,
    })
    .returning({ id: userSessions.id, expiresAt: userSessions.expiresAt });
  if (!row) throw new Error("session insert returned no row");
  return row;
}

export interface SessionUser {
  sessionId: string;
  id: number;
  name: string;
  email: string;
  /** The saved language, or null when the browser decides. */
  locale: string | null;
  lastSeenAt: Date;
}

/** The live session with this id and its user; null once it is deleted or expired. */
export async function findLiveSession(db: DbOrTx, sessionId: string): Promise<SessionUser | null> {
  const [row] = await db
    .select({
      sessionId: userSessions.id,
      id: users.id,
      name: users.name,
      email: users.email,
      locale: users.locale,
      lastSeenAt: userSessions.lastSeenAt,
    })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(and(eq(userSessions.id, sessionId), gt(userSessions.expiresAt, sql`now()`)))
    .limit(1);
  return row ?? null;
}

/**
 * Records use and slides the expiry along with the cookie, at most once per `everySeconds`,
 * so a busy browser does not write on every request.
 */
export async function touchSession(
  db: DbOrTx,
  input: { sessionId: string; maxAgeSeconds: number; everySeconds: number },
): Promise<void> {
  await db
    .update(userSessions)
    .set({
      lastSeenAt: sql`now()`,
      expiresAt: sql`now() + make_interval(secs => ${input.maxAgeSeconds})`,
    })
    .where(
      and(
        eq(userSessions.id, input.sessionId),
        gt(userSessions.expiresAt, sql`now()`),
        lt(userSessions.lastSeenAt, sql`now() - make_interval(secs => ${input.everySeconds})`),
      ),
    );
}

/** Ends one session; true when it was still there. */
export async function deleteSession(db: DbOrTx, sessionId: string): Promise<boolean> {
  const rows = await db
    .delete(userSessions)
    .where(eq(userSessions.id, sessionId))
    .returning({ id: userSessions.id });
  return rows.length > 0;
}

/** Ends every session of the user except `keep` (when given); returns how many ended. */
export async function deleteUserSessions(
  db: DbOrTx,
  input: { userId: number; keep?: string | null },
): Promise<number> {
  const rows = await db
    .delete(userSessions)
    .where(
      input.keep
        ? and(eq(userSessions.userId, input.userId), ne(userSessions.id, input.keep))
        : eq(userSessions.userId, input.userId),
    )
    .returning({ id: userSessions.id });
  return rows.length;
}
