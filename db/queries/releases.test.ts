import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normalizeNativeEvent } from "@/lib/ingest/native";
import { testDatabases } from "@/tests/support/databases";
import type { DbHandle } from "../client";
import { insertEvents } from "./ingest-write";
import { createProject } from "./projects";
import { listReleases, listReleasesOfError } from "./releases";
import { createAccount } from "./users";

describe.each(testDatabases())("releases on $name", (database) => {
  let handle: DbHandle & { drop: () => Promise<void> };
  let account: Awaited<ReturnType<typeof createAccount>>;
  let otherProjectId: number;
  const now = new Date("2026-11-27T12:00:00Z");
  const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
  const make = (
    title: string,
    eventId: string,
    at: Date,
    release?: string,
    projectId = account.project.id,
  ) => ({
    projectId,
    userId: account.user.id,
    tokenId: null,
    event: normalizeNativeEvent(
      { title, eventId, timestamp: at, release, fingerprint: [title] },
      { defaultOrigin: "svc", now },
    ),
  });
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    handle = await database.open();
    account = await createAccount(handle.db, {
      name: "Releaser",
      email: `releaser-${Date.now()}@example.test`,
      password: "long enough",
    });
    otherProjectId = (
      await createProject(handle.db, { userId: account.user.id, name: "Elsewhere" })
    ).project.id;
    // "Old" is first seen in 1.0.0 and seen again in 1.1.0; "New" first in 1.1.0; "Plain"
    // never carries a release. 1.2.0 is seen by another project only.
    const first = await insertEvents(handle.db, [
      make("Old", "o1", minutesAgo(60), "1.0.0"),
      make("Old", "o2", minutesAgo(50), "1.0.0"),
      make("Plain", "p1", minutesAgo(45)),
    ]);
    ids.Old = first[0]?.errorId as number;
    const second = await insertEvents(handle.db, [
      make("Old", "o3", minutesAgo(30), "1.1.0"),
      make("New", "n1", minutesAgo(20), "1.1.0"),
      make("New", "n2", minutesAgo(10), "1.1.0"),
      make("Other", "x1", minutesAgo(5), "1.2.0", otherProjectId),
    ]);
    ids.New = second[1]?.errorId as number;
  });
  afterAll(async () => {
    await handle?.drop();
  });

  it("lists a project's releases newest first with events, times and new errors", async () => {
    const page = await listReleases(handle.db, {
      projectId: account.project.id,
      before: null,
      limit: 10,
    });
    expect(page.more).toBe(false);
    expect(page.items.map(({ id: _id, ...item }) => item)).toEqual([
      {
        name: "1.1.0",
        firstSeen: minutesAgo(30),
        lastSeen: minutesAgo(10),
        events: 3,
        newErrors: 1,
      },
      {
        name: "1.0.0",
        firstSeen: minutesAgo(60),
        lastSeen: minutesAgo(50),
        events: 2,
        newErrors: 1,
      },
    ]);
  });

  it("pages with a keyset on the release's first-seen order", async () => {
    const first = await listReleases(handle.db, {
      projectId: account.project.id,
      before: null,
      limit: 1,
    });
    expect(first.items.map((item) => item.name)).toEqual(["1.1.0"]);
    expect(first.more).toBe(true);
    const second = await listReleases(handle.db, {
      projectId: account.project.id,
      before: first.items[0]?.id as number,
      limit: 1,
    });
    expect(second.items.map((item) => item.name)).toEqual(["1.0.0"]);
    expect(second.more).toBe(false);
    expect(
      (await listReleases(handle.db, { projectId: otherProjectId, before: null, limit: 10 })).items,
    ).toMatchObject([{ name: "1.2.0", events: 1, newErrors: 1 }]);
  });

  it("keeps a release whose events are all gone: no events, last seen null", async () => {
    const project = await createProject(handle.db, { userId: account.user.id, name: "Pruned" });
    const [ref] = await insertEvents(handle.db, [
      make("Gone", "g1", minutesAgo(3), "0.9.0", project.project.id),
    ]);
    await handle.db.execute(sql`DELETE FROM errors WHERE id = ${ref?.errorId as number}`);
    const page = await listReleases(handle.db, {
      projectId: project.project.id,
      before: null,
      limit: 10,
    });
    expect(page.items).toMatchObject([{ name: "0.9.0", events: 0, newErrors: 0, lastSeen: null }]);
    expect(page.items[0]?.firstSeen).toBeInstanceOf(Date);
  });

  it("lists an error's releases, the most recently seen first", async () => {
    expect(await listReleasesOfError(handle.db, { errorId: ids.Old as number, limit: 20 })).toEqual(
      [
        { name: "1.1.0", count: 1, firstSeen: minutesAgo(30), lastSeen: minutesAgo(30) },
        { name: "1.0.0", count: 2, firstSeen: minutesAgo(60), lastSeen: minutesAgo(50) },
      ],
    );
    expect(
      await listReleasesOfError(handle.db, { errorId: ids.Old as number, limit: 1 }),
    ).toHaveLength(1);
  });
});
