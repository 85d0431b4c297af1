import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normalizeNativeEvent } from "@/lib/ingest/native";
import { testDatabases } from "@/tests/support/databases";
import type { DbHandle } from "../client";
import { errorReleases, errors } from "../schema";
import { resultRows } from "../sql";
import { deleteEventForUser } from "./error-events";
import { insertEvents } from "./ingest-write";
import { createAccount } from "./users";

describe.each(testDatabases())("deleteEventForUser and releases on $name", (database) => {
  let handle: DbHandle & { drop: () => Promise<void> };
  let account: Awaited<ReturnType<typeof createAccount>>;
  beforeAll(async () => {
    handle = await database.open();
    account = await createAccount(handle.db, {
      name: "Deleter",
      email: `deleter-${Date.now()}@example.test`,
      password: "long enough",
    });
  });
  afterAll(async () => {
    await handle?.drop();
  });

  const now = new Date("2026-11-27T12:00:00Z");
  const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
  const make = (eventId: string, at: Date, release?: string, group = "versioned") => ({
    projectId: account.project.id,
    userId: account.user.id,
    tokenId: null,
    event: normalizeNativeEvent(
      { title: "Versioned failure", eventId, timestamp: at, release, fingerprint: [group] },
      { defaultOrigin: "svc", now },
    ),
  });
  const releaseRows = async (errorId: number) =>
    (
      await handle.db
        .select({
          release: errorReleases.release,
          count: errorReleases.count,
          firstSeen: errorReleases.firstSeen,
          lastSeen: errorReleases.lastSeen,
        })
        .from(errorReleases)
        .where(eq(errorReleases.errorId, errorId))
        .orderBy(errorReleases.release)
    ).map((row) => ({
      ...row,
      firstSeen: row.firstSeen.toISOString(),
      lastSeen: row.lastSeen.toISOString(),
    }));
  const releaseEnds = async (errorId: number) => {
    const [row] = await handle.db
      .select({ first: errors.firstRelease, last: errors.lastRelease })
      .from(errors)
      .where(eq(errors.id, errorId));
    return row;
  };
  const remove = (eventId: number) =>
    deleteEventForUser(handle.db, { userId: account.user.id, eventId });

  it("drops the event's release count, recomputes the row's ends and the error's releases, and removes an emptied row", async () => {
    const refs = await insertEvents(handle.db, [
      make("v1-a", minutesAgo(50), "1.0.0"),
      make("v1-b", minutesAgo(40), "1.0.0"),
      make("v1-c", minutesAgo(30), "1.0.0"),
      make("v2-a", minutesAgo(20), "1.1.0"),
      make("none", minutesAgo(10)),
    ]);
    const errorId = refs[0]?.errorId as number;
    const id = (index: number) => refs[index]?.id as number;
    expect(await releaseRows(errorId)).toEqual([
      {
        release: "1.0.0",
        count: 3,
        firstSeen: minutesAgo(50).toISOString(),
        lastSeen: minutesAgo(30).toISOString(),
      },
      {
        release: "1.1.0",
        count: 1,
        firstSeen: minutesAgo(20).toISOString(),
        lastSeen: minutesAgo(20).toISOString(),
      },
    ]);
    expect(await releaseEnds(errorId)).toEqual({ first: "1.0.0", last: "1.1.0" });

    // The oldest 1.0.0 event: the row's first seen moves to the next one.
    expect(await remove(id(0))).toBe(true);
    // A middle one: only the count changes.
    expect(await remove(id(1))).toBe(true);
    expect((await releaseRows(errorId))[0]).toEqual({
      release: "1.0.0",
      count: 1,
      firstSeen: minutesAgo(30).toISOString(),
      lastSeen: minutesAgo(30).toISOString(),
    });

    // The only 1.1.0 event: its row goes, and the error was last seen in 1.0.0 again.
    expect(await remove(id(3))).toBe(true);
    expect((await releaseRows(errorId)).map((row) => row.release)).toEqual(["1.0.0"]);
    expect(await releaseEnds(errorId)).toEqual({ first: "1.0.0", last: "1.0.0" });

    // An event without a release leaves the release counts alone.
    expect(await remove(id(4))).toBe(true);
    expect((await releaseRows(errorId))[0]?.count).toBe(1);

    // The last release event: no release left, the error keeps no first or last release.
    await insertEvents(handle.db, [make("later", minutesAgo(5))]);
    expect(await remove(id(2))).toBe(true);
    expect(await releaseRows(errorId)).toEqual([]);
    expect(await releaseEnds(errorId)).toEqual({ first: null, last: null });
  });

  it("recomputes a row's last seen when the deleted event was its microsecond boundary", async () => {
    const refs = await insertEvents(handle.db, [
      make("us-a", minutesAgo(9), "2.0.0", "micro"),
      make("us-b", minutesAgo(8), "2.0.0", "micro"),
    ]);
    const errorId = refs[0]?.errorId as number;
    // Times a Date cannot hold: the boundary check must compare microseconds.
    await handle.db.execute(sql`
      UPDATE events SET occurred_at = occurred_at + interval '123 microseconds'
      WHERE id = ${refs[1]?.id as number}`);
    await handle.db.execute(sql`
      UPDATE error_releases SET last_seen = last_seen + interval '123 microseconds'
      WHERE error_id = ${errorId} AND release = '2.0.0'`);
    expect(await remove(refs[1]?.id as number)).toBe(true);
    const [row] = resultRows<{ count: number; last_seen: string }>(
      await handle.db.execute(sql`
        SELECT count, to_char(last_seen AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS last_seen
        FROM error_releases WHERE error_id = ${errorId} AND release = '2.0.0'`),
    );
    expect(row).toEqual({
      count: 1,
      last_seen: minutesAgo(9).toISOString().replace("Z", "000"),
    });
  });
});
