import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseListErrorsQuery } from "@/lib/errors-query";
import { normalizeNativeEvent } from "@/lib/ingest/native";
import type { DbHandle } from "../client";
import { errors } from "../schema";
import { resultRows } from "../sql";
import { testDatabases } from "../testing/databases";
import { deleteEventForUser } from "./error-events";
import { countErrorsByEnvironment } from "./error-stats";
import { listErrors, SEARCH_CANDIDATES, searchCandidates } from "./errors";
import { insertEvents } from "./events";
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
  /** The error's search row: its text and the transaction that last wrote it. */
  const searchRow = async (errorId: number) =>
    resultRows<{ text: string; xmin: string }>(
      await handle.db.execute(
        sql`SELECT text, xmin::text AS xmin FROM error_search WHERE error_id = ${errorId}`,
      ),
    )[0];
  const query = (params: Record<string, string>) =>
    parseListErrorsQuery(new URLSearchParams(params));
  const titlesFound = async (params: Record<string, string>) =>
    (await listErrors(handle.db, { projectId: account.project.id, query: query(params) })).items
      .map((item) => item.title)
      .sort();

  it("an error's search row is written with it and rewritten only when its text changes", async () => {
    const text = { title: "Sync check", fingerprint: "sync" };
    const [first] = await insertEvents(handle.db, [
      make({ ...text, details: "first words" }, "s1"),
    ]);
    const id = first?.errorId as number;
    const created = await searchRow(id);
    expect(created?.text).toBe("Sync check\nfirst words");

    // A repeat with the same text updates the counters only: the row is not written again.
    const later = new Date(now.getTime() + 60_000);
    await insertEvents(handle.db, [make({ ...text, details: "first words" }, "s2", later)]);
    expect((await handle.db.select().from(errors).where(eq(errors.id, id)))[0]?.eventCount).toBe(2);
    expect((await searchRow(id))?.xmin).toBe(created?.xmin);

    // An older event with other words does not change what the error shows; a newer one does.
    await insertEvents(handle.db, [make({ ...text, details: "older words" }, "s3", new Date(0))]);
    expect((await searchRow(id))?.text).toBe("Sync check\nfirst words");
    const newest = new Date(now.getTime() + 120_000);
    const [s4] = await insertEvents(handle.db, [
      make(
        { title: "Sync check renamed", details: "newest words", fingerprint: "sync" },
        "s4",
        newest,
      ),
    ]);
    expect((await searchRow(id))?.text).toBe("Sync check renamed\nnewest words");
    expect(await titlesFound({ q: "newest words" })).toEqual(["Sync check renamed"]);
    expect(await titlesFound({ q: "first words" })).toEqual([]);

    // Deleting the newest event brings the previous text back, in the error and in its search.
    expect(
      await deleteEventForUser(handle.db, { userId: account.user.id, eventId: s4?.id as number }),
    ).toBe(true);
    expect((await searchRow(id))?.text).toBe("Sync check\nfirst words");
    expect(await titlesFound({ q: "first words" })).toEqual(["Sync check"]);

    // The row goes with its error.
    await handle.db.delete(errors).where(eq(errors.id, id));
    expect(await searchRow(id)).toBeUndefined();
  });

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

    const rare = await searchCandidates(handle.db, query({ q: "haystack" }), projectId);
    expect(rare).toHaveLength(1);
    // Scoped by environment, and by project: another project's errors are never candidates.
    expect(
      await searchCandidates(handle.db, query({ q: "needle", environment: "all" }), projectId),
    ).toHaveLength(2);
    expect(await searchCandidates(handle.db, query({ q: "needle" }), projectId + 1000)).toEqual([]);
    // Too many to be worth reading, and too short for a trigram: no candidates, a walk.
    expect(await searchCandidates(handle.db, query({ q: "widespread" }), projectId)).toBeNull();
    expect(await searchCandidates(handle.db, query({ q: "ne" }), projectId)).toBeNull();

    expect(await titlesFound({ q: "HAYSTACK" })).toEqual(["Needle failure"]);
    const page = await listErrors(handle.db, { projectId, query: query({ q: "needle" }) });
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
      query: query({ q: "needle" }),
    });
    expect(counts.production.matching).toBe(1);
    expect(counts.staging.matching).toBe(1);
    const none = await countErrorsByEnvironment(handle.db, {
      projectId,
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
      query: query(joined),
    });
    expect(counts.production.matching).toBe(0);
    expect(await titlesFound({ q: "beginning omega" })).toEqual(["Alpha ending"]);
  });
});
