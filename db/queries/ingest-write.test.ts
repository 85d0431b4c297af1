import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normalizeNativeEvent } from "@/lib/ingest/native";
import { testDatabases } from "@/tests/support/databases";
import { type DbHandle, openDatabase } from "../client";
import { errorHourlyCounts, errors } from "../schema";
import { resultRows } from "../sql";
import { ErrorIdCache, insertEvents } from "./ingest-write";
import { createAccount } from "./users";

describe.each(testDatabases())("insertEvents on $name", (database) => {
  let handle: DbHandle & { drop: () => Promise<void> };
  let account: Awaited<ReturnType<typeof createAccount>>;
  beforeAll(async () => {
    handle = await database.open();
    account = await createAccount(handle.db, {
      name: "Writer",
      email: `writer-${Date.now()}@example.test`,
      password: "long enough",
    });
  });
  afterAll(async () => {
    await handle?.drop();
  });

  const now = new Date("2026-11-27T12:00:00Z");
  const make = (
    title: string,
    eventId: string,
    at = now,
    level: "error" | "fatal" | "warning" | "info" = "error",
  ) => ({
    projectId: account.project.id,
    userId: account.user.id,
    tokenId: null,
    event: normalizeNativeEvent(
      { title, eventId, timestamp: at, level, fingerprint: [title] },
      { defaultOrigin: "svc", now },
    ),
  });
  /** The errors whose title matches: how many, each counting its stored events, and in all. */
  const expectExactCounts = async (titles: string, errorsExpected: number, total: number) => {
    const rows = resultRows<{ event_count: number; events: number }>(
      await handle.db.execute(sql`
        SELECT e.event_count, (SELECT count(*)::int FROM events ev WHERE ev.error_id = e.id) AS events
        FROM errors e WHERE e.project_id = ${account.project.id} AND e.title LIKE ${titles}`),
    );
    expect(rows).toHaveLength(errorsExpected);
    for (const row of rows) expect(row.event_count).toBe(row.events);
    expect(rows.reduce((sum, row) => sum + row.event_count, 0)).toBe(total);
  };
  const errorRow = async (id: number) =>
    (await handle.db.select().from(errors).where(eq(errors.id, id)))[0];

  it("a cached id of a deleted error is forgotten and the error is created again", async () => {
    const cache = new ErrorIdCache();
    const [first] = await insertEvents(handle.db, [make("Deleted meanwhile", "d1")], cache);
    const oldId = first?.errorId as number;
    await handle.db.delete(errors).where(eq(errors.id, oldId));

    const [second] = await insertEvents(handle.db, [make("Deleted meanwhile", "d2")], cache);
    expect(second?.errorId).not.toBe(oldId);
    const row = await errorRow(second?.errorId as number);
    expect(row).toMatchObject({ title: "Deleted meanwhile", eventCount: 1 });
    // The cache now holds the new id: a third event joins it without another lookup.
    const [third] = await insertEvents(handle.db, [make("Deleted meanwhile", "d3")], cache);
    expect(third?.errorId).toBe(second?.errorId);
    expect((await errorRow(second?.errorId as number))?.eventCount).toBe(2);
  });

  it("known errors take counts, times and the newest event's text from inserted events only", async () => {
    const cache = new ErrorIdCache();
    const early = new Date(now.getTime() - 3_600_000);
    const late = new Date(now.getTime() + 60_000);
    const [a] = await insertEvents(handle.db, [make("Counted", "c1", now, "warning")], cache);
    const id = a?.errorId as number;
    // A cached error, one retry of c1 (not counted again), an older and a newer event.
    await insertEvents(
      handle.db,
      [
        make("Counted", "c1", now, "warning"),
        make("Counted", "c2", early, "info"),
        make("Counted", "c3", late, "fatal"),
      ],
      cache,
    );
    const row = await errorRow(id);
    expect(row?.eventCount).toBe(3);
    expect(row?.firstSeen.toISOString()).toBe(early.toISOString());
    expect(row?.lastSeen.toISOString()).toBe(late.toISOString());
    expect(row?.level).toBe("fatal");
    const hours = await handle.db
      .select()
      .from(errorHourlyCounts)
      .where(eq(errorHourlyCounts.errorId, id));
    expect(hours.reduce((sum, h) => sum + h.count, 0)).toBe(3);
  });

  it("an error created only for repeated event ids is removed and not remembered", async () => {
    const cache = new ErrorIdCache();
    const [stored] = await insertEvents(handle.db, [make("Original", "same-id")], cache);
    // The same event id again, now under a different fingerprint: nothing new is stored.
    const [again] = await insertEvents(handle.db, [make("Renamed", "same-id")], cache);
    expect(again).toEqual(stored);
    const renamed = resultRows<{ n: number }>(
      await handle.db.execute(
        sql`SELECT count(*)::int AS n FROM errors WHERE project_id = ${account.project.id} AND title = 'Renamed'`,
      ),
    );
    expect(renamed[0]?.n).toBe(0);
    const [fresh] = await insertEvents(handle.db, [make("Renamed", "new-id")], cache);
    expect((await errorRow(fresh?.errorId as number))?.eventCount).toBe(1);
  });

  it("concurrent batches sharing errors neither deadlock nor lose a count", async () => {
    const cache = new ErrorIdCache();
    const titles = Array.from({ length: 12 }, (_, i) => `Shared ${i}`);
    // Every batch touches every error, in a different order, from two caches (two processes).
    const other = new ErrorIdCache();
    const batches = Array.from({ length: 8 }, (_, b) =>
      titles.map((_, i) => {
        const title = titles[(i * (b + 1)) % titles.length] as string;
        return make(title, `shared-${b}-${i}`);
      }),
    );
    await Promise.all(
      batches.map((batch, b) => insertEvents(handle.db, batch, b % 2 ? cache : other)),
    );
    await expectExactCounts("Shared %", titles.length, 8 * titles.length);
  });

  it("many batches creating the same new errors at once all succeed, each error once", async () => {
    const titles = Array.from({ length: 40 }, (_, i) => `Outage ${i}`);
    const batches = Array.from({ length: 16 }, (_, b) =>
      titles.map((_, i) => make(titles[(i * 7 + b * 3) % titles.length] as string, `o-${b}-${i}`)),
    );
    // A cache per batch: as many writers as batches, none knowing the others' errors.
    const results = await Promise.allSettled(
      batches.map((batch) => insertEvents(handle.db, batch, new ErrorIdCache())),
    );
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    await expectExactCounts("Outage %", titles.length, 16 * titles.length);
  });
});

// PostgreSQL only: PGlite has no prepared statements to turn off.
describe.each(testDatabases().filter((database) => database.name === "postgres"))(
  "insertEvents without prepared statements on $name",
  (database) => {
    it("works with DATABASE_PREPARE=false, as behind a pooler in transaction mode", async () => {
      const handle = await database.open();
      const account = await createAccount(handle.db, {
        name: "Pooled",
        email: `pooled-${Date.now()}@example.test`,
        password: "long enough",
      });
      // What databaseConfig() builds from DATABASE_PREPARE=false.
      const unprepared = await openDatabase({
        kind: "postgres",
        url: (handle as unknown as { url: string }).url,
        prepare: false,
      });
      try {
        const make = (eventId: string) => ({
          projectId: account.project.id,
          userId: account.user.id,
          tokenId: null,
          event: normalizeNativeEvent(
            { title: "Unprepared", eventId },
            { defaultOrigin: "svc", now: new Date() },
          ),
        });
        const cache = new ErrorIdCache();
        const [first] = await insertEvents(unprepared.db, [make("u1")], cache);
        const [second] = await insertEvents(unprepared.db, [make("u2")], cache);
        expect(second?.errorId).toBe(first?.errorId);
        const [row] = await unprepared.db
          .select()
          .from(errors)
          .where(eq(errors.id, first?.errorId as number));
        expect(row?.eventCount).toBe(2);
      } finally {
        await unprepared.close();
        await handle.drop();
      }
    });
  },
);
