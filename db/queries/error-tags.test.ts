import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normalizeNativeEvent } from "@/lib/ingest/native";
import { testDatabases } from "@/tests/support/databases";
import type { DbHandle } from "../client";
import { TAG_VALUES_PER_KEY } from "../schema";
import { resultRows } from "../sql";
import { deleteEventForUser } from "./error-events";
import { deleteErrors } from "./error-groups";
import { foldTagDeltas, listTagsOfError } from "./error-tags";
import { insertEvents } from "./ingest-write";
import { createAccount } from "./users";

describe.each(testDatabases())("error tag counters on $name", (database) => {
  let handle: DbHandle & { drop: () => Promise<void> };
  let account: Awaited<ReturnType<typeof createAccount>>;
  const now = new Date("2026-11-27T12:00:00Z");
  let sequence = 0;
  const make = (title: string, tags: Record<string, string>, release?: string) => ({
    projectId: account.project.id,
    userId: account.user.id,
    tokenId: null,
    event: normalizeNativeEvent(
      {
        title,
        eventId: `e${++sequence}`,
        timestamp: new Date(now.getTime() - 60_000 + sequence),
        tags,
        release,
        fingerprint: [title],
      },
      { defaultOrigin: "svc", now },
    ),
  });
  /** The error's counters as stored, without folding what waits in error_tag_deltas. */
  const countersOnly = async (errorId: number) =>
    resultRows<{ key: string; value: string; count: number }>(
      await handle.db.execute(
        sql`SELECT key, value, count FROM error_tag_values WHERE error_id = ${errorId} ORDER BY key, value`,
      ),
    );
  const pendingDeltas = async () =>
    resultRows<{ n: number }>(
      await handle.db.execute(sql`SELECT count(*)::int AS n FROM error_tag_deltas`),
    )[0]?.n;
  /** The error's counters once the batches written so far are folded in. */
  const storedRows = async (errorId: number) => {
    await foldTagDeltas(handle.db);
    return countersOnly(errorId);
  };
  const tagsOf = async (errorId: number, values: number) => {
    await foldTagDeltas(handle.db);
    return listTagsOfError(handle.db, { errorId, values });
  };

  beforeAll(async () => {
    handle = await database.open();
    account = await createAccount(handle.db, {
      name: "Tagger",
      email: `tagger-${Date.now()}@example.test`,
      password: "long enough",
    });
  });
  afterAll(async () => {
    await handle.drop();
  });

  it("counts each value of each key, one batch or many, and skips empty values", async () => {
    const [first] = await insertEvents(handle.db, [
      make("Browsers", { browser: "Firefox", region: "eu" }),
      make("Browsers", { browser: "Firefox", region: "" }),
      make("Browsers", { browser: "Chrome" }),
    ]);
    const errorId = first?.errorId as number;
    await insertEvents(handle.db, [make("Browsers", { browser: "Firefox" })]);
    await insertEvents(handle.db, [make("Browsers", { browser: "Safari", region: "us" })]);
    expect(await storedRows(errorId)).toEqual([
      { key: "browser", value: "Chrome", count: 1 },
      { key: "browser", value: "Firefox", count: 3 },
      { key: "browser", value: "Safari", count: 1 },
      { key: "region", value: "eu", count: 1 },
      { key: "region", value: "us", count: 1 },
    ]);
    const tags = await tagsOf(errorId, 2);
    expect(tags.map((t) => [t.key, t.total, t.distinct, t.otherValues])).toEqual([
      ["browser", 5, 3, 0],
      ["region", 2, 2, 0],
    ]);
    // Most events first, then by value; only `values` of them.
    expect(tags[0]?.top.map((v) => [v.value, v.count])).toEqual([
      ["Firefox", 3],
      ["Chrome", 1],
    ]);
  });

  it("a repeated event id counts once", async () => {
    const event = make("Retried", { browser: "Edge" });
    const [ref] = await insertEvents(handle.db, [event]);
    await insertEvents(handle.db, [event]);
    await insertEvents(handle.db, [event, event]);
    expect(await storedRows(ref?.errorId as number)).toEqual([
      { key: "browser", value: "Edge", count: 1 },
    ]);
  });

  it(`keeps at most ${TAG_VALUES_PER_KEY} values per key; the rest count as other values`, async () => {
    // A request id: a new value on every event, in one batch and then in later ones.
    const batch = Array.from({ length: TAG_VALUES_PER_KEY - 10 }, (_, i) =>
      make("Unique ids", { request_id: `r${i}`, browser: "Firefox" }),
    );
    const [first] = await insertEvents(handle.db, batch);
    const errorId = first?.errorId as number;
    await insertEvents(
      handle.db,
      Array.from({ length: 30 }, (_, i) =>
        make("Unique ids", { request_id: `s${i}`, browser: "Firefox" }),
      ),
    );
    await insertEvents(handle.db, [make("Unique ids", { request_id: "r3" })]);
    const rows = await storedRows(errorId);
    const ids = rows.filter((row) => row.key === "request_id");
    expect(ids.filter((row) => row.value !== "")).toHaveLength(TAG_VALUES_PER_KEY);
    expect(ids.find((row) => row.value === "")?.count).toBe(20);
    // A value already held keeps counting in its own row.
    expect(ids.find((row) => row.value === "r3")?.count).toBe(2);
    const [tag] = (await tagsOf(errorId, 3)).filter((t) => t.key === "request_id");
    expect(tag).toMatchObject({
      total: TAG_VALUES_PER_KEY - 10 + 30 + 1,
      distinct: TAG_VALUES_PER_KEY,
      otherValues: 20,
    });
    expect(tag?.top).toHaveLength(3);
  });

  it("release comes from the release counters", async () => {
    const [ref] = await insertEvents(handle.db, [
      make("Released", {}, "1.0.0"),
      make("Released", {}, "1.0.0"),
      make("Released", {}, "1.1.0"),
    ]);
    const tags = await tagsOf(ref?.errorId as number, 5);
    expect(tags).toHaveLength(1);
    expect(tags[0]).toMatchObject({ key: "release", total: 3, distinct: 2, otherValues: 0 });
    expect(tags[0]?.top.map((v) => [v.value, v.count])).toEqual([
      ["1.0.0", 2],
      ["1.1.0", 1],
    ]);
  });

  it("deleting an event takes its values off; a row at zero goes", async () => {
    const refs = await insertEvents(handle.db, [
      make("Deleted", { browser: "Firefox", os: "Linux" }),
      make("Deleted", { browser: "Chrome", os: "Linux" }),
    ]);
    const errorId = refs[0]?.errorId as number;
    expect(
      await deleteEventForUser(handle.db, {
        userId: account.user.id,
        eventId: refs[1]?.id as number,
      }),
    ).toBe(true);
    expect(await storedRows(errorId)).toEqual([
      { key: "browser", value: "Firefox", count: 1 },
      { key: "os", value: "Linux", count: 1 },
    ]);
  });

  it("a batch's counts wait as one delta row until a fold adds them to the counters", async () => {
    await foldTagDeltas(handle.db);
    const [ref] = await insertEvents(handle.db, [
      make("Waiting", { browser: "Firefox" }),
      make("Waiting", { browser: "Firefox", os: "Linux" }),
    ]);
    const errorId = ref?.errorId as number;
    expect(await countersOnly(errorId)).toEqual([]);
    expect(await pendingDeltas()).toBe(1);
    expect(await foldTagDeltas(handle.db)).toBe(1);
    expect(await pendingDeltas()).toBe(0);
    expect(await countersOnly(errorId)).toEqual([
      { key: "browser", value: "Firefox", count: 2 },
      { key: "os", value: "Linux", count: 1 },
    ]);
    // Nothing left: a second fold changes nothing.
    expect(await foldTagDeltas(handle.db)).toBe(0);
    expect(await countersOnly(errorId)).toHaveLength(2);
  });

  it("folds of many batches at once, in rounds and side by side, count each event once", async () => {
    const batches = 60;
    let errorId = 0;
    for (let b = 0; b < batches; b++) {
      const refs = await insertEvents(
        handle.db,
        Array.from({ length: 5 }, (_, i) =>
          make("Folded", { region: i % 2 ? "eu" : "us", batch: `b${b % 7}` }),
        ),
      );
      errorId = refs[0]?.errorId as number;
    }
    expect(await pendingDeltas()).toBe(batches);
    // Small rounds, two folds at once (two connections on PostgreSQL): they wait for each
    // other's rows instead of taking them twice.
    const folded = await Promise.all([
      foldTagDeltas(handle.db, { batch: 7, maxRounds: 100 }),
      foldTagDeltas(handle.db, { batch: 7, maxRounds: 100 }),
    ]);
    expect(folded[0] + folded[1]).toBe(batches);
    expect(await pendingDeltas()).toBe(0);
    const rows = await countersOnly(errorId);
    expect(rows.filter((row) => row.key === "region")).toEqual([
      { key: "region", value: "eu", count: batches * 2 },
      { key: "region", value: "us", count: batches * 3 },
    ]);
    const perBatchValue = rows.filter((row) => row.key === "batch");
    expect(perBatchValue).toHaveLength(7);
    expect(perBatchValue.reduce((sum, row) => sum + row.count, 0)).toBe(batches * 5);
    expect(perBatchValue.find((row) => row.value === "b0")?.count).toBe(9 * 5);
  });

  // Two transactions at once: PGlite has one connection.
  it.skipIf(database.name === "pglite")(
    "a fold does not wait for an error another transaction holds: its counts wait for the next",
    async () => {
      await foldTagDeltas(handle.db);
      const refs = await insertEvents(handle.db, [
        make("Held", { browser: "Firefox" }),
        make("Free", { browser: "Chrome" }),
      ]);
      const [held, free] = refs.map((ref) => ref.errorId as number);
      await handle.db.transaction(async (tx) => {
        await tx.execute(sql`SELECT id FROM errors WHERE id = ${held as number} FOR UPDATE`);
        // Another connection: it would block here if it waited for the lock.
        expect(await foldTagDeltas(handle.db)).toBe(1);
        expect(await countersOnly(free as number)).toEqual([
          { key: "browser", value: "Chrome", count: 1 },
        ]);
        expect(await countersOnly(held as number)).toEqual([]);
        expect(await pendingDeltas()).toBe(1);
      });
      expect(await storedRows(held as number)).toEqual([
        { key: "browser", value: "Firefox", count: 1 },
      ]);
      expect(await pendingDeltas()).toBe(0);
    },
  );

  it("deleting an error deletes its counters, and only its own", async () => {
    const refs = await insertEvents(handle.db, [
      make("Doomed", { browser: "Firefox" }),
      make("Kept", { browser: "Firefox" }),
    ]);
    const [doomed, kept] = refs.map((ref) => ref.errorId as number);
    expect(
      await deleteErrors(handle.db, { userId: account.user.id, errorIds: [doomed as number] }),
    ).toEqual([doomed]);
    // Its counts were still waiting to be folded: the fold drops them with the error.
    expect(await storedRows(doomed as number)).toEqual([]);
    expect(await storedRows(kept as number)).toEqual([
      { key: "browser", value: "Firefox", count: 1 },
    ]);
  });
});
