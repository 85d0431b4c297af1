import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normalizeNativeEvent } from "@/lib/ingest/native";
import { testDatabases } from "@/tests/support/databases";
import type { DbHandle } from "../client";
import { events } from "../schema";
import { findEventOfError } from "./error-events";
import { findEventIdByClientId, findEventNavigation } from "./event-navigation";
import { insertEvents } from "./ingest-write";
import { createAccount } from "./users";

describe.each(testDatabases())("event navigation on $name", (database) => {
  let handle: DbHandle & { drop: () => Promise<void> };
  let account: Awaited<ReturnType<typeof createAccount>>;
  beforeAll(async () => {
    handle = await database.open();
    account = await createAccount(handle.db, {
      name: "Navigator",
      email: `navigator-${Date.now()}@example.test`,
      password: "long enough",
    });
  });
  afterAll(async () => {
    await handle?.drop();
  });

  const now = new Date("2026-11-27T12:00:00Z");
  const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
  const make = (eventId: string, at: Date, group: string) => ({
    projectId: account.project.id,
    userId: account.user.id,
    tokenId: null,
    event: normalizeNativeEvent(
      { title: `Browsed ${group}`, eventId, timestamp: at, fingerprint: [group] },
      { defaultOrigin: "svc", now },
    ),
  });

  it("walks an error's events newest to oldest and back, ties broken by id, microseconds kept", async () => {
    // Sent out of order; two share a millisecond and differ only in microseconds, two tie exactly.
    const refs = await insertEvents(handle.db, [
      make("nav-c", minutesAgo(30), "walk"),
      make("nav-a", minutesAgo(50), "walk"),
      make("nav-tie-1", minutesAgo(10), "walk"),
      make("nav-tie-2", minutesAgo(10), "walk"),
      make("nav-us-early", minutesAgo(20), "walk"),
      make("nav-us-late", minutesAgo(20), "walk"),
      make("other", minutesAgo(5), "elsewhere"),
    ]);
    const id = (index: number) => refs[index]?.id as number;
    const errorId = refs[0]?.errorId as number;
    await handle.db
      .update(events)
      .set({ occurredAt: sql`${events.occurredAt} + interval '3 microseconds'` })
      .where(eq(events.id, id(5)));

    // Newest first: the tie by id descending, then the microsecond-later one.
    const order = [id(3), id(2), id(5), id(4), id(0), id(1)];
    const walk = async (from: number, step: "older" | "newer") => {
      const seen = [from];
      for (let current = from; ; ) {
        const next = (await findEventNavigation(handle.db, { errorId, eventId: current }))[step];
        if (next === null) return seen;
        seen.push(next);
        current = next;
      }
    };
    expect(await walk(id(3), "older")).toEqual(order);
    expect(await walk(id(1), "newer")).toEqual([...order].reverse());

    const middle = await findEventNavigation(handle.db, { errorId, eventId: id(4) });
    expect(middle).toEqual({ newest: id(3), newer: id(5), older: id(0), oldest: id(1) });
    const newest = await findEventNavigation(handle.db, { errorId, eventId: id(3) });
    expect(newest).toEqual({ newest: id(3), newer: null, older: id(2), oldest: id(1) });

    // An event of another error has no neighbours here (the ends are still the error's).
    expect(await findEventNavigation(handle.db, { errorId, eventId: id(6) })).toEqual({
      newest: id(3),
      newer: null,
      older: null,
      oldest: id(1),
    });
    expect(await findEventOfError(handle.db, { errorId, eventId: id(6) })).toBeNull();
    expect((await findEventOfError(handle.db, { errorId, eventId: id(4) }))?.eventId).toBe(
      "nav-us-early",
    );
  });

  it("finds an event by its client id only within its error", async () => {
    const refs = await insertEvents(handle.db, [
      make("client-a", minutesAgo(3), "by-client"),
      make("client-b", minutesAgo(2), "by-client-other"),
    ]);
    const [a, b] = refs as [{ id: number; errorId: number }, { id: number; errorId: number }];
    const projectId = account.project.id;
    const lookup = (errorId: number, clientEventId: string) =>
      findEventIdByClientId(handle.db, { projectId, errorId, clientEventId });
    expect(await lookup(a.errorId, "client-a")).toBe(a.id);
    expect(await lookup(a.errorId, "client-b")).toBeNull();
    expect(await lookup(b.errorId, "client-b")).toBe(b.id);
    expect(await lookup(a.errorId, "missing")).toBeNull();
  });
});
