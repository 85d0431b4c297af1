import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabases } from "@/tests/support/databases";
import type { DbHandle } from "../client";
import { apiTokens, userSessions } from "../schema";
import {
  createSession,
  deleteSession,
  deleteUserSessions,
  findLiveSession,
  touchSession,
} from "./sessions";
import { createToken, findActiveToken, listPersonalTokens } from "./tokens";
import { createAccount, updatePassword, verifyCredentials, verifyUserPassword } from "./users";

const DAY = 24 * 60 * 60;

describe.each(testDatabases())("sessions and token expiry on $name", (database) => {
  let handle: DbHandle & { drop: () => Promise<void> };
  beforeAll(async () => {
    handle = await database.open();
  });
  afterAll(async () => {
    await handle?.drop();
  });

  const account = (label: string) =>
    createAccount(handle.db, {
      name: label,
      email: `${label}-${Math.random().toString(36).slice(2)}@example.test`,
      password: "first-password",
    });

  it("finds a live session with its user, and not once it is deleted", async () => {
    const { user } = await account("live");
    const session = await createSession(handle.db, { userId: user.id, maxAgeSeconds: 30 * DAY });
    const expiresIn = session.expiresAt.getTime() - Date.now();
    expect(expiresIn).toBeGreaterThan((30 * DAY - 60) * 1000);
    expect(expiresIn).toBeLessThan((30 * DAY + 60) * 1000);
    expect(await findLiveSession(handle.db, session.id)).toMatchObject({
      sessionId: session.id,
      id: user.id,
      name: user.name,
      email: user.email,
    });
    expect(await deleteSession(handle.db, session.id)).toBe(true);
    expect(await findLiveSession(handle.db, session.id)).toBeNull();
    expect(await deleteSession(handle.db, session.id)).toBe(false);
  });

  it("does not find an expired session, and sign-in clears the user's expired rows", async () => {
    const { user } = await account("expired");
    const old = await createSession(handle.db, { userId: user.id, maxAgeSeconds: DAY });
    await handle.db
      .update(userSessions)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(userSessions.id, old.id));
    expect(await findLiveSession(handle.db, old.id)).toBeNull();
    // Touching never revives it.
    await touchSession(handle.db, { sessionId: old.id, maxAgeSeconds: DAY, everySeconds: 0 });
    expect(await findLiveSession(handle.db, old.id)).toBeNull();

    await createSession(handle.db, { userId: user.id, maxAgeSeconds: DAY });
    const rows = await handle.db
      .select({ id: userSessions.id })
      .from(userSessions)
      .where(eq(userSessions.userId, user.id));
    expect(rows.map((r) => r.id)).not.toContain(old.id);
    expect(rows).toHaveLength(1);
  });

  it("touches last_seen_at and slides the expiry, but not more often than asked", async () => {
    const { user } = await account("touch");
    const session = await createSession(handle.db, { userId: user.id, maxAgeSeconds: DAY });
    await handle.db
      .update(userSessions)
      .set({ lastSeenAt: sql`now() - interval '10 minutes'` })
      .where(eq(userSessions.id, session.id));
    const before = await findLiveSession(handle.db, session.id);
    // Seen 10 minutes ago; "at most every hour" leaves the row alone.
    await touchSession(handle.db, {
      sessionId: session.id,
      maxAgeSeconds: 2 * DAY,
      everySeconds: 3600,
    });
    expect((await findLiveSession(handle.db, session.id))?.lastSeenAt).toEqual(before?.lastSeenAt);
    await touchSession(handle.db, {
      sessionId: session.id,
      maxAgeSeconds: 2 * DAY,
      everySeconds: 300,
    });
    const [row] = await handle.db
      .select()
      .from(userSessions)
      .where(eq(userSessions.id, session.id));
    expect(row?.lastSeenAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(row?.expiresAt.getTime()).toBeGreaterThan(Date.now() + (2 * DAY - 60) * 1000);
  });

  it("ends every other session of the user, or all of them, and nobody else's", async () => {
    const { user } = await account("everywhere");
    const { user: other } = await account("bystander");
    const here = await createSession(handle.db, { userId: user.id, maxAgeSeconds: DAY });
    const there = await createSession(handle.db, { userId: user.id, maxAgeSeconds: DAY });
    const third = await createSession(handle.db, { userId: user.id, maxAgeSeconds: DAY });
    const theirs = await createSession(handle.db, { userId: other.id, maxAgeSeconds: DAY });

    expect(await deleteUserSessions(handle.db, { userId: user.id, keep: here.id })).toBe(2);
    expect(await findLiveSession(handle.db, here.id)).not.toBeNull();
    expect(await findLiveSession(handle.db, there.id)).toBeNull();
    expect(await findLiveSession(handle.db, third.id)).toBeNull();

    expect(await deleteUserSessions(handle.db, { userId: user.id })).toBe(1);
    expect(await findLiveSession(handle.db, here.id)).toBeNull();
    expect(await findLiveSession(handle.db, theirs.id)).not.toBeNull();
  });

  it("changes the password hash: the new one logs in, the old one does not", async () => {
    const created = await account("password");
    const userId = created.user.id;
    expect(await verifyUserPassword(handle.db, { userId, password: "first-password" })).toBe(true);
    expect(await updatePassword(handle.db, { userId, password: "second-password" })).toBe(true);
    expect(await verifyUserPassword(handle.db, { userId, password: "first-password" })).toBe(false);
    const email = created.user.email;
    expect(await verifyCredentials(handle.db, { email, password: "first-password" })).toBeNull();
    expect(
      await verifyCredentials(handle.db, { email, password: "second-password" }),
    ).toMatchObject({ id: userId });
    expect(await updatePassword(handle.db, { userId: 2_000_000_000, password: "x-password" })).toBe(
      false,
    );
  });

  it("refuses a personal token once it has expired; ingest keys never expire", async () => {
    const { user, project } = await account("expiry");
    const token = await createToken(handle.db, {
      userId: user.id,
      kind: "personal",
      name: "week",
      expiresInDays: 7,
    });
    const inDays = ((token.expiresAt?.getTime() ?? 0) - Date.now()) / (DAY * 1000);
    expect(inDays).toBeGreaterThan(6.99);
    expect(inDays).toBeLessThan(7.01);
    expect(await findActiveToken(handle.db, token.token)).toMatchObject({ tokenId: token.id });
    const listed = await listPersonalTokens(handle.db, user.id);
    expect(listed.find((t) => t.id === token.id)?.expiresAt).toEqual(token.expiresAt);

    await handle.db
      .update(apiTokens)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(apiTokens.id, token.id));
    expect(await findActiveToken(handle.db, token.token)).toBeNull();

    const forever = await createToken(handle.db, { userId: user.id, kind: "personal", name: "x" });
    expect(forever.expiresAt).toBeNull();
    expect(await findActiveToken(handle.db, forever.token)).not.toBeNull();

    const key = await createToken(handle.db, {
      userId: user.id,
      kind: "ingest",
      name: "key",
      projectId: project.id,
      expiresInDays: 1,
    });
    expect(key.expiresAt).toBeNull();
  });
});
