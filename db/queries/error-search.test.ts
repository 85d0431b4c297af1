import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listErrorPage as listErrors } from "@/lib/errors/list";
import { parseListErrorsQuery } from "@/lib/errors/list-query";
import { normalizeNativeEvent } from "@/lib/ingest/native";
import { testDatabases } from "@/tests/support/databases";
import type { DbHandle } from "../client";
import { errors } from "../schema";
import { resultRows } from "../sql";
import { deleteEventForUser } from "./error-events";
import {
  drainSearchQueue,
  SEARCH_CANDIDATES,
  searchCandidates,
  vacuumSearchQueue,
} from "./error-search";
import { countErrorsByEnvironment } from "./error-stats";
import { insertEvents } from "./ingest-write";
import { createAccount } from "./users";

describe.each(testDatabases())("error search on $name", (database) => {
  let handle: DbHandle & { drop: () => Promise<void> };
  let account: Awaited<ReturnType<typeof createAccount>>;
  beforeAll(async () => {
    handle = await database.open();
    account = await createAccount(handle.db, {
      name: "Searcher",
      email: `searcher-${Date.now()}@example.test`,
      password: "long enough",
    });
  });
  afterAll(async () => {
    await handle?.drop();
  });

  const now = new Date("2026-11-27T12:00:00Z");
  const make = (
    input: { title: string; details?: string; fingerprint?: string; environment?: string },
    eventId: string,
    at = now,
  ) => ({
    projectId: account.project.id,
    userId: account.user.id,
    tokenId: null,
    event: normalizeNativeEvent(
      {
        title: input.title,
        details: input.details,
        environment: input.environment,
        eventId,
        timestamp: at,
        level: "error",
        fingerprint: [input.fingerprint ?? input.title],
      },
      { defaultOrigin: "svc", now },
    ),
  });
  /** The error's text in the index and in the queue, and the transactions that wrote them. */
  const searchRows = async (errorId: number) => {
    const read = async (table: "error_search" | "error_search_queue") =>
      resultRows<{ text: string; xmin: string }>(
        await handle.db.execute(
          sql`SELECT text, xmin::text AS xmin FROM ${sql.identifier(table)} WHERE error_id = ${errorId}`,
        ),
      )[0];
    return { indexed: await read("error_search"), queued: await read("error_search_queue") };
  };
  const query = (params: Record<string, string>) =>
    parseListErrorsQuery(new URLSearchParams(params));
  const titlesFound = async (params: Record<string, string>) =>
    (
      await listErrors(handle.db, {
        projectId: account.project.id,
        userId: account.user.id,
        query: query(params),
      })
    ).items
      .map((item) => item.title)
      .sort();

  it("an error's text is queued when it is created or its text changes, found at once, and indexed by a drain", async () => {
    const text = { title: "Sync check", fingerprint: "sync" };
    const [first] = await insertEvents(handle.db, [
      make({ ...text, details: "first words" }, "s1"),
    ]);
    const id = first?.errorId as number;
    expect(await searchRows(id)).toEqual({
      indexed: undefined,
      queued: expect.objectContaining({ text: "Sync check\nfirst words" }),
    });
    // Queued, not yet indexed: a search finds it already.
    expect(await titlesFound({ q: "first words" })).toEqual(["Sync check"]);
    expect(await drainSearchQueue(handle.db)).toBeGreaterThanOrEqual(1);
    const drained = await searchRows(id);
    expect(drained).toEqual({
      indexed: expect.objectContaining({ text: "Sync check\nfirst words" }),
      queued: undefined,
    });
    expect(await titlesFound({ q: "first words" })).toEqual(["Sync check"]);

    // A repeat with the same text updates the counters only: nothing is queued or rewritten.
    const later = new Date(now.getTime() + 60_000);
    await insertEvents(handle.db, [make({ ...text, details: "first words" }, "s2", later)]);
    expect((await handle.db.select().from(errors).where(eq(errors.id, id)))[0]?.eventCount).toBe(2);
    expect(await searchRows(id)).toEqual(drained);

    // An older event with other words does not change what the error shows; a newer one does.
    await insertEvents(handle.db, [make({ ...text, details: "older words" }, "s3", new Date(0))]);
    expect(await searchRows(id)).toEqual(drained);
    const newest = new Date(now.getTime() + 120_000);
    const [s4] = await insertEvents(handle.db, [
      make(
        { title: "Sync check renamed", details: "newest words", fingerprint: "sync" },
        "s4",
        newest,
      ),
    ]);
    // The index still holds the old text until a drain; the search follows the error's columns.
    expect((await searchRows(id)).queued?.text).toBe("Sync check renamed\nnewest words");
    expect(await titlesFound({ q: "newest words" })).toEqual(["Sync check renamed"]);
    expect(await titlesFound({ q: "first words" })).toEqual([]);
    await drainSearchQueue(handle.db);
    expect((await searchRows(id)).indexed?.text).toBe("Sync check renamed\nnewest words");

    // Deleting the newest event brings the previous text back, in the error and in its search.
    expect(
      await deleteEventForUser(handle.db, { userId: account.user.id, eventId: s4?.id as number }),
    ).toBe(true);
    expect((await searchRows(id)).queued?.text).toBe("Sync check\nfirst words");
    expect(await titlesFound({ q: "first words" })).toEqual(["Sync check"]);
    expect(await titlesFound({ q: "newest words" })).toEqual([]);

    // Both rows go with their error.
    await handle.db.delete(errors).where(eq(errors.id, id));
    expect(await searchRows(id)).toEqual({ indexed: undefined, queued: undefined });
  });

  it("concurrent drains move every queued text once", async () => {
    await insertEvents(
      handle.db,
      Array.from({ length: 300 }, (_, i) =>
        make({ title: `Drained fault ${i}`, details: "queued" }, `q${i}`),
      ),
    );
    const moved = await Promise.all(
      Array.from({ length: 4 }, () => drainSearchQueue(handle.db, { batch: 50 })),
    );
    expect(moved.reduce((sum, n) => sum + n, 0)).toBeGreaterThanOrEqual(300);
    const [left] = resultRows<{ queued: number; indexed: number }>(
      await handle.db.execute(sql`
        SELECT (SELECT count(*)::int FROM error_search_queue) AS queued,
          (SELECT count(*)::int FROM error_search s JOIN errors e ON e.id = s.error_id
           WHERE e.title LIKE 'Drained fault %') AS indexed`),
    );
    expect(left).toEqual({ queued: 0, indexed: 300 });
    // The drained rows' space is reclaimed (a search reads the queue whole): with every row
    // gone, VACUUM truncates the table to nothing.
    const size = async () =>
      resultRows<{ bytes: number }>(
        await handle.db.execute(
          sql`SELECT pg_relation_size('error_search_queue')::float8 AS bytes`,
        ),
      )[0]?.bytes;
    expect(await size()).toBeGreaterThan(0);
    await vacuumSearchQueue(handle.db);
    expect(await size()).toBe(0);
  });

  it.skipIf(database.name === "pglite")(
    "a drain skips an error a writer holds instead of waiting for it (no deadlock with event deletes)",
    async () => {
      // Queued (committed) and not yet drained, as after any ingest.
      const [stored] = await insertEvents(handle.db, [
        make({ title: "Held fault", details: "before" }, "held-1"),
      ]);
      const id = stored?.errorId as number;
      const timeout = (ms: number) =>
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error(`the drain waited over ${ms} ms`)), ms),
        );
      // As deleteEventForUser does: lock the error, then change its text (which re-queues it).
      await handle.db.transaction(async (tx) => {
        await tx.execute(sql`SELECT id FROM errors WHERE id = ${id} FOR UPDATE`);
        // Another connection drains meanwhile. Had it locked the queued row and waited for the
        // error row, the update below would wait for the drain: a deadlock.
        await Promise.race([drainSearchQueue(handle.db), timeout(5_000)]);
        expect((await searchRows(id)).queued?.text).toBe("Held fault\nbefore");
        await tx.execute(sql`UPDATE errors SET details_preview = 'after' WHERE id = ${id}`);
      });
      expect(await drainSearchQueue(handle.db)).toBe(1);
      expect((await searchRows(id)).indexed?.text).toBe("Held fault\nafter");
    },
  );

  it("a rare term is read from the index, a common or short one by walking the list, with the same answers", async () => {
    const common = Array.from({ length: SEARCH_CANDIDATES + 5 }, (_, i) =>
      make({ title: `Widespread failure ${i}`, details: "seen everywhere" }, `w${i}`),
    );
    await insertEvents(handle.db, common);
    await insertEvents(handle.db, [
      make({ title: "Needle failure", details: "in a haystack" }, "n1"),
      make({ title: "Needle failure", details: "in staging", environment: "staging" }, "n2"),
      make({ title: "Needle failure", details: "in a haystack" }, "n3"),
    ]);
    const projectId = account.project.id;

    // From the queue, then from the index: the same candidates.
    const rare = await searchCandidates(handle.db, query({ q: "haystack" }), projectId);
    expect(rare).toHaveLength(1);
    await drainSearchQueue(handle.db, { maxBatches: Number.POSITIVE_INFINITY });
    expect(await searchCandidates(handle.db, query({ q: "haystack" }), projectId)).toEqual(rare);
    // Scoped by environment, and by project: another project's errors are never candidates.
    expect(
      await searchCandidates(handle.db, query({ q: "needle", environment: "all" }), projectId),
    ).toHaveLength(2);
    expect(await searchCandidates(handle.db, query({ q: "needle" }), projectId + 1000)).toEqual([]);
    // Too many to be worth reading, and too short for a trigram: no candidates, a walk.
    expect(await searchCandidates(handle.db, query({ q: "widespread" }), projectId)).toBeNull();
    expect(await searchCandidates(handle.db, query({ q: "ne" }), projectId)).toBeNull();

    expect(await titlesFound({ q: "HAYSTACK" })).toEqual(["Needle failure"]);
    const page = await listErrors(handle.db, {
      projectId,
      userId: account.user.id,
      query: query({ q: "needle" }),
    });
    expect(page.items).toMatchObject([
      { title: "Needle failure", count: 2, environment: "production" },
    ]);
    // Both ways page the same: the walk (a common term) and the candidates ("…failure 12"
    // matches 12, 120–129 and 1200–1299 of the 2,005).
    const allPages = async (q: string) => {
      const titles: string[] = [];
      let cursor: string | null = null;
      do {
        const params: Record<string, string> = { q, limit: "100", ...(cursor ? { cursor } : {}) };
        const next: Awaited<ReturnType<typeof listErrors>> = await listErrors(handle.db, {
          projectId,
          userId: account.user.id,
          query: query(params),
        });
        titles.push(...next.items.map((item) => item.title));
        cursor = next.nextCursor;
      } while (cursor);
      return titles;
    };
    expect(await searchCandidates(handle.db, query({ q: "failure 12" }), projectId)).toHaveLength(
      111,
    );
    const twelve = await allPages("failure 12");
    expect(twelve).toHaveLength(111);
    expect(new Set(twelve).size).toBe(111);
    const everywhere = await allPages("widespread");
    expect(everywhere).toHaveLength(SEARCH_CANDIDATES + 5);
    expect(new Set(everywhere).size).toBe(SEARCH_CANDIDATES + 5);
    expect(await titlesFound({ q: "le f" })).toEqual(["Needle failure"]);

    const counts = await countErrorsByEnvironment(handle.db, {
      projectId,
      userId: account.user.id,
      query: query({ q: "needle" }),
    });
    expect(counts.production.matching).toBe(1);
    expect(counts.staging.matching).toBe(1);
    const none = await countErrorsByEnvironment(handle.db, {
      projectId,
      userId: account.user.id,
      query: query({ q: "no such words anywhere" }),
    });
    expect(none.production).toMatchObject({ matching: 0 });
    expect(none.production.total).toBeGreaterThan(SEARCH_CANDIDATES);
  });

  it("the index is only a prefilter: a term spanning the title and the details matches neither", async () => {
    await insertEvents(handle.db, [
      make({ title: "Alpha ending", details: "beginning omega" }, "p1"),
    ]);
    const joined = { q: "ending\nbeginning" };
    expect(await searchCandidates(handle.db, query(joined), account.project.id)).toHaveLength(1);
    expect(await titlesFound(joined)).toEqual([]);
    const counts = await countErrorsByEnvironment(handle.db, {
      projectId: account.project.id,
      userId: account.user.id,
      query: query(joined),
    });
    expect(counts.production.matching).toBe(0);
    expect(await titlesFound({ q: "beginning omega" })).toEqual(["Alpha ending"]);
  });
});
