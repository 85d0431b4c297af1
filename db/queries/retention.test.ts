import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normalizeNativeEvent } from "@/lib/ingest/native";
import { testDatabases } from "@/tests/support/databases";
import type { DbHandle } from "../client";
import { errorHourlyCounts, errors, events } from "../schema";
import { resultRows } from "../sql";
import { foldTagDeltas, listTagsOfError } from "./error-tags";
import { insertEvents } from "./ingest-write";
import { addToWindow } from "./rate-limits";
import {
  nextBatchSize,
  PRUNE_HOLD_TARGET_MS,
  pruneEvents,
  pruneRateLimits,
  retentionCutoff,
} from "./retention";
import { createAccount } from "./users";

describe.each(testDatabases())("retention on $name", (database) => {
  let handle: DbHandle & { drop: () => Promise<void> };
  beforeAll(async () => {
    handle = await database.open();
  });
  afterAll(async () => {
    await handle?.drop();
  });

  /** A new account, and a maker of its native events by title, id and time. */
  async function titledEvents(label: string) {
    const account = await createAccount(handle.db, {
      name: label,
      email: `${label}-${Date.now()}@example.test`,
      password: "long enough",
    });
    const now = new Date();
    const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
    const make = (title: string, eventId: string, at: Date) => ({
      projectId: account.project.id,
      userId: account.user.id,
      tokenId: null,
      event: normalizeNativeEvent({ title, eventId, timestamp: at }, { defaultOrigin: "svc", now }),
    });
    return { account, now, hoursAgo, make };
  }

  it.runIf(database.name === "pglite")(
    "takes the removed events out of their UTC hour buckets whatever the session's time zone",
    async () => {
      const account = await createAccount(handle.db, {
        name: "Zoned",
        email: `zoned-${Date.now()}@example.test`,
        password: "long enough",
      });
      const now = new Date();
      const at = new Date(now.getTime() - 200 * 86_400_000);
      // One connection: the session's zone applies to the prune below. A +05:30 zone puts a
      // local hour boundary half-way through a UTC hour.
      await handle.db.execute(sql`SET TIME ZONE 'Asia/Kolkata'`);
      try {
        const [ref] = await insertEvents(handle.db, [
          {
            projectId: account.project.id,
            userId: account.user.id,
            tokenId: null,
            event: normalizeNativeEvent(
              { title: "Zoned", eventId: "z1", timestamp: at },
              { defaultOrigin: "svc", now },
            ),
          },
          {
            projectId: account.project.id,
            userId: account.user.id,
            tokenId: null,
            event: normalizeNativeEvent(
              { title: "Zoned", eventId: "z2", timestamp: now },
              { defaultOrigin: "svc", now },
            ),
          },
        ]);
        await handle.db.execute(
          sql`UPDATE events SET received_at = occurred_at WHERE project_id = ${account.project.id}`,
        );
        await pruneEvents(handle.db, { cutoff: retentionCutoff(90, now) });
        const buckets = await handle.db
          .select()
          .from(errorHourlyCounts)
          .where(eq(errorHourlyCounts.errorId, ref?.errorId as number));
        expect(buckets.map((b) => b.count)).toEqual([1]);
      } finally {
        await handle.db.execute(sql`SET TIME ZONE 'UTC'`);
      }
    },
  );

  it("removes old events in batches and keeps every error consistent", async () => {
    const { account, now, hoursAgo, make } = await titledEvents("old");
    // "Mixed": 3 old events and 2 recent ones. "Ancient": only old events, so it goes entirely.
    const refs = await insertEvents(handle.db, [
      make("Mixed", "m1", hoursAgo(24 * 100)),
      make("Mixed", "m2", hoursAgo(24 * 99)),
      make("Mixed", "m3", hoursAgo(24 * 98)),
      make("Mixed", "m4", hoursAgo(5)),
      make("Mixed", "m5", hoursAgo(1)),
      make("Ancient", "a1", hoursAgo(24 * 120)),
      make("Ancient", "a2", hoursAgo(24 * 120)),
    ]);
    const mixedId = refs[0]?.errorId as number;
    const ancientId = refs[5]?.errorId as number;
    // Received long ago, as if stored then: retention goes by the time an event was received.
    await handle.db.execute(
      sql`UPDATE events SET received_at = occurred_at WHERE project_id = ${account.project.id}`,
    );

    const result = await pruneEvents(handle.db, {
      cutoff: retentionCutoff(90, now),
      batchSize: 2,
    });
    expect(result).toMatchObject({ eventsDeleted: 5, errorsDeleted: 1, complete: true });
    expect(result.batches).toBe(3);

    const [mixed] = await handle.db.select().from(errors).where(eq(errors.id, mixedId));
    expect(mixed?.eventCount).toBe(2);
    expect(mixed?.firstSeen.toISOString()).toBe(hoursAgo(5).toISOString());
    expect(mixed?.lastSeen.toISOString()).toBe(hoursAgo(1).toISOString());
    expect(await handle.db.select().from(errors).where(eq(errors.id, ancientId))).toEqual([]);
    const buckets = await handle.db
      .select()
      .from(errorHourlyCounts)
      .where(eq(errorHourlyCounts.errorId, mixedId));
    expect(buckets.map((b) => b.count).reduce((a, b) => a + b, 0)).toBe(2);

    const [totals] = resultRows<{ stored: number; counted: number }>(
      await handle.db.execute(sql`SELECT (SELECT count(*) FROM events WHERE project_id = ${account.project.id})::int AS stored,
        (SELECT coalesce(sum(event_count), 0) FROM errors WHERE project_id = ${account.project.id})::int AS counted`),
    );
    expect(totals).toEqual({ stored: 2, counted: 2 });
    expect(
      (await handle.db.select().from(events).where(eq(events.errorId, mixedId)))
        .map((e) => e.eventId)
        .sort(),
    ).toEqual(["m4", "m5"]);
  });

  it("looks first and last seen up again only where a removed event was that boundary", async () => {
    const { account, now, hoursAgo, make } = await titledEvents("bounds");
    // "Middle": the old-received event occurred between the two others, so neither bound moves.
    // "Latest": the old-received event is the one that occurred last, so last seen moves back.
    const refs = await insertEvents(handle.db, [
      make("Middle", "mid-1", hoursAgo(10)),
      make("Middle", "mid-2", hoursAgo(5)),
      make("Middle", "mid-3", hoursAgo(1)),
      make("Latest", "lat-1", hoursAgo(8)),
      make("Latest", "lat-2", hoursAgo(2)),
    ]);
    const middleId = refs[0]?.errorId as number;
    const latestId = refs[3]?.errorId as number;
    await handle.db.execute(
      sql`UPDATE events SET received_at = now() - interval '200 days'
        WHERE project_id = ${account.project.id} AND event_id IN ('mid-2', 'lat-2')`,
    );
    const result = await pruneEvents(handle.db, { cutoff: retentionCutoff(90, now) });
    expect(result).toMatchObject({ eventsDeleted: 2, errorsDeleted: 0, complete: true });
    const [middle] = await handle.db.select().from(errors).where(eq(errors.id, middleId));
    expect(middle?.eventCount).toBe(2);
    expect(middle?.firstSeen.toISOString()).toBe(hoursAgo(10).toISOString());
    expect(middle?.lastSeen.toISOString()).toBe(hoursAgo(1).toISOString());
    const [latest] = await handle.db.select().from(errors).where(eq(errors.id, latestId));
    expect(latest?.eventCount).toBe(1);
    expect(latest?.firstSeen.toISOString()).toBe(hoursAgo(8).toISOString());
    expect(latest?.lastSeen.toISOString()).toBe(hoursAgo(8).toISOString());
  });

  it("keeps each error's release counts, their first and last seen, and its first and last release", async () => {
    const account = await createAccount(handle.db, {
      name: "Releases",
      email: `releases-${Date.now()}@example.test`,
      password: "long enough",
    });
    const now = new Date();
    const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
    const make = (eventId: string, at: Date, release?: string) => ({
      projectId: account.project.id,
      userId: account.user.id,
      tokenId: null,
      event: normalizeNativeEvent(
        { title: "Released", eventId, timestamp: at, release },
        { defaultOrigin: "svc", now },
      ),
    });
    // 1.0.0 only in old events (its row goes); 2.0.0 old and recent (its row stays, its first
    // seen moves); 3.0.0 recent only; one old event without a release.
    const refs = await insertEvents(handle.db, [
      make("r1", hoursAgo(24 * 100), "1.0.0"),
      make("r2", hoursAgo(24 * 99), "1.0.0"),
      make("r3", hoursAgo(24 * 98), "2.0.0"),
      make("r4", hoursAgo(24 * 97)),
      make("r5", hoursAgo(5), "2.0.0"),
      make("r6", hoursAgo(1), "3.0.0"),
    ]);
    const errorId = refs[0]?.errorId as number;
    await handle.db.execute(
      sql`UPDATE events SET received_at = occurred_at WHERE project_id = ${account.project.id}`,
    );
    const before = await handle.db.select().from(errors).where(eq(errors.id, errorId));
    expect(before[0]).toMatchObject({ firstRelease: "1.0.0", lastRelease: "3.0.0" });

    const result = await pruneEvents(handle.db, {
      cutoff: retentionCutoff(90, now),
      batchSize: 3,
    });
    expect(result).toMatchObject({ eventsDeleted: 4, errorsDeleted: 0, complete: true });

    const rows = resultRows<{
      release: string;
      count: number;
      first_seen: string;
      last_seen: string;
    }>(
      await handle.db.execute(sql`
        SELECT release, count, to_json(first_seen) #>> '{}' AS first_seen,
          to_json(last_seen) #>> '{}' AS last_seen
        FROM error_releases WHERE error_id = ${errorId} ORDER BY release`),
    ).map((row) => ({
      ...row,
      first_seen: new Date(row.first_seen).toISOString(),
      last_seen: new Date(row.last_seen).toISOString(),
    }));
    expect(rows).toEqual([
      {
        release: "2.0.0",
        count: 1,
        first_seen: hoursAgo(5).toISOString(),
        last_seen: hoursAgo(5).toISOString(),
      },
      {
        release: "3.0.0",
        count: 1,
        first_seen: hoursAgo(1).toISOString(),
        last_seen: hoursAgo(1).toISOString(),
      },
    ]);
    const [after] = await handle.db.select().from(errors).where(eq(errors.id, errorId));
    expect(after).toMatchObject({ eventCount: 2, firstRelease: "2.0.0", lastRelease: "3.0.0" });
  });

  it("takes the removed events off their errors' tag counters, past the bound too", async () => {
    const account = await createAccount(handle.db, {
      name: "Tagged",
      email: `tagged-${Date.now()}@example.test`,
      password: "long enough",
    });
    const now = new Date();
    const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
    let n = 0;
    const make = (at: Date, tags: Record<string, string>) => ({
      projectId: account.project.id,
      userId: account.user.id,
      tokenId: null,
      event: normalizeNativeEvent(
        { title: "Tagged", eventId: `t${++n}`, timestamp: at, tags },
        { defaultOrigin: "svc", now },
      ),
    });
    // Old: two Firefox, one Chrome (its value goes), and 101 request ids (one past the bound,
    // counted with the other values). Recent: one Firefox, one Safari, one request id.
    const old = [
      make(daysAgo(100), { browser: "Firefox" }),
      make(daysAgo(99), { browser: "Firefox" }),
      make(daysAgo(98), { browser: "Chrome" }),
      ...Array.from({ length: 101 }, (_, i) => make(daysAgo(97), { request_id: `old-${i}` })),
    ];
    const [ref] = await insertEvents(handle.db, old);
    await foldTagDeltas(handle.db);
    await insertEvents(handle.db, [
      make(daysAgo(1), { browser: "Firefox" }),
      make(daysAgo(1), { browser: "Safari" }),
      make(daysAgo(1), { request_id: "new" }),
    ]);
    const errorId = ref?.errorId as number;
    await handle.db.execute(
      sql`UPDATE events SET received_at = occurred_at WHERE project_id = ${account.project.id}`,
    );
    await foldTagDeltas(handle.db);
    const result = await pruneEvents(handle.db, {
      cutoff: retentionCutoff(90, now),
      batchSize: 40,
    });
    expect(result).toMatchObject({ eventsDeleted: 104, errorsDeleted: 0, complete: true });
    await foldTagDeltas(handle.db);
    const rows = resultRows<{ key: string; value: string; count: number }>(
      await handle.db.execute(sql`SELECT key, value, count FROM error_tag_values
        WHERE error_id = ${errorId} ORDER BY key, value`),
    );
    // "new" arrived when the key was full: it counts with the other values.
    expect(rows).toEqual([
      { key: "browser", value: "Firefox", count: 1 },
      { key: "browser", value: "Safari", count: 1 },
      { key: "request_id", value: "", count: 1 },
    ]);
    const tags = await listTagsOfError(handle.db, { errorId, values: 5 });
    expect(tags.map((t) => [t.key, t.total])).toEqual([
      ["browser", 2],
      ["request_id", 1],
    ]);
  });

  it("sizes prune batches by how long the last one held its errors", () => {
    expect(nextBatchSize(1000, PRUNE_HOLD_TARGET_MS)).toBe(1000);
    // Held four times too long: a quarter of the size; far too long: never below 50.
    expect(nextBatchSize(1000, PRUNE_HOLD_TARGET_MS * 4)).toBe(250);
    expect(nextBatchSize(100, 10_000)).toBe(50);
    // Quick: at most twice the size, and never above 5,000.
    expect(nextBatchSize(1000, 1)).toBe(2000);
    expect(nextBatchSize(4000, 1)).toBe(5000);
  });

  it("computes the cutoff from a number of days (RETENTION_DAYS is parsed in lib/config)", () => {
    const now = new Date("2026-11-27T00:00:00Z");
    expect(retentionCutoff(90, now).toISOString()).toBe("2026-08-29T00:00:00.000Z");
    expect(retentionCutoff(7, now).toISOString()).toBe("2026-11-20T00:00:00.000Z");
    expect(() => retentionCutoff(-1, now)).toThrow(/positive/);
  });

  it("deletes the rate-limit windows that ended, in batches, and keeps the live ones", async () => {
    const tag = `prune-${Date.now()}`;
    const ended = Array.from({ length: 5 }, (_, i) => `${tag}:ended:${i}`);
    const live = [`${tag}:live:0`, `${tag}:live:1`];
    for (const key of [...ended, ...live]) await addToWindow(handle.db, { key, windowSeconds: 60 });
    // Two days ago: over for any window in use.
    await handle.db.execute(
      sql`UPDATE rate_limits SET window_start = now() - interval '2 days' WHERE key LIKE ${`${tag}:ended:%`}`,
    );
    // An hour ago, under a one-hour bound: its window may still be running.
    await handle.db.execute(
      sql`UPDATE rate_limits SET window_start = now() - interval '50 minutes' WHERE key = ${live[1]}`,
    );
    const keys = async () =>
      resultRows<{ key: string }>(
        await handle.db.execute(
          sql`SELECT key FROM rate_limits WHERE key LIKE ${`${tag}:%`} ORDER BY key`,
        ),
      ).map((row) => row.key);

    const result = await pruneRateLimits(handle.db, { olderThanSeconds: 3600, batchSize: 2 });
    expect(result).toEqual({ rateLimitsDeleted: 5, complete: true });
    expect(await keys()).toEqual(live);
    // The default bound (a day) keeps both live windows too; nothing is left to delete.
    expect(await pruneRateLimits(handle.db)).toEqual({ rateLimitsDeleted: 0, complete: true });
    expect(await keys()).toEqual(live);
    // A pruned key counts from one again.
    expect(
      (await addToWindow(handle.db, { key: ended[0] as string, windowSeconds: 60 })).count,
    ).toBe(1);
  });
});
