import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normalizeNativeEvent } from "@/lib/ingest/native";
import { testDatabases } from "@/tests/support/databases";
import type { DbHandle } from "../client";
import { TAG_VALUES_PER_KEY } from "../schema";
import { resultRows } from "../sql";
import { deleteEventForUser } from "./error-events";
import { deleteErrors } from "./error-groups";
import { listTagsOfError } from "./error-tags";
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
  const storedRows = async (errorId: number) =>
    resultRows<{ key: string; value: string; count: number }>(
      await handle.db.execute(
        sql`SELECT key, value, count FROM error_tag_values WHERE error_id = ${errorId} ORDER BY key, value`,
      ),
    );

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
    const tags = await listTagsOfError(handle.db, { errorId, values: 2 });
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
    const [tag] = (await listTagsOfError(handle.db, { errorId, values: 3 })).filter(
      (t) => t.key === "request_id",
    );
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
    const tags = await listTagsOfError(handle.db, { errorId: ref?.errorId as number, values: 5 });
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

  it("deleting an error deletes its counters, and only its own", async () => {
    const refs = await insertEvents(handle.db, [
      make("Doomed", { browser: "Firefox" }),
      make("Kept", { browser: "Firefox" }),
    ]);
    const [doomed, kept] = refs.map((ref) => ref.errorId as number);
    expect(
      await deleteErrors(handle.db, { userId: account.user.id, errorIds: [doomed as number] }),
    ).toEqual([doomed]);
    expect(await storedRows(doomed as number)).toEqual([]);
    expect(await storedRows(kept as number)).toEqual([
      { key: "browser", value: "Firefox", count: 1 },
    ]);
  });
});
