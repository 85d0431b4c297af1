import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseListErrorsQuery } from "@/lib/errors/list-query";
import { normalizeNativeEvent } from "@/lib/ingest/native";
import { testDatabases } from "@/tests/support/databases";
import type { DbHandle } from "../client";
import { errors } from "../schema";
import { findErrorForUser, listErrors } from "./error-groups";
import { countErrorsByEnvironment } from "./error-stats";
import { insertEvents } from "./ingest-write";
import { createAccount } from "./users";

const query = (params: Record<string, string> = {}) =>
  parseListErrorsQuery(new URLSearchParams(params));

describe.each(testDatabases())("list filters and triage fields on $name", (database) => {
  let handle: DbHandle & { drop: () => Promise<void> };
  let me: Awaited<ReturnType<typeof createAccount>>;
  let colleague: Awaited<ReturnType<typeof createAccount>>;
  const ids: Record<string, number> = {};
  const regressedAt = new Date("2026-11-27T11:30:00Z");

  beforeAll(async () => {
    handle = await database.open();
    me = await createAccount(handle.db, {
      name: "Me",
      email: `me-${Date.now()}@example.test`,
      password: "long enough",
    });
    colleague = await createAccount(handle.db, {
      name: "Colleague",
      email: `colleague-${Date.now()}@example.test`,
      password: "long enough",
    });
    const now = new Date("2026-11-27T12:00:00Z");
    const make = (title: string, environment: string, release?: string) => ({
      projectId: me.project.id,
      userId: me.user.id,
      tokenId: null,
      event: normalizeNativeEvent(
        { title, environment, release, timestamp: now, fingerprint: [title] },
        { defaultOrigin: "svc", now },
      ),
    });
    const rows: [string, string, string | undefined][] = [
      ["open mine", "production", "1.0"],
      ["open theirs", "production", undefined],
      ["open nobody's", "production", "2.0"],
      ["resolved mine", "production", "1.0"],
      ["archived", "production", undefined],
      ["staging mine", "staging", "1.0"],
    ];
    for (const [title, environment, release] of rows) {
      const [ref] = await insertEvents(handle.db, [make(title, environment, release)]);
      ids[title] = ref?.errorId as number;
    }
    // Four more events of "archived": it was archived at its third.
    await insertEvents(
      handle.db,
      Array.from({ length: 4 }, () => make("archived", "production")),
    );
    const set = (title: string, values: Partial<typeof errors.$inferInsert>) =>
      handle.db
        .update(errors)
        .set(values)
        .where(eq(errors.id, ids[title] as number));
    await set("open mine", { assigneeUserId: me.user.id });
    await set("open theirs", { assigneeUserId: colleague.user.id });
    await set("open nobody's", { substatus: "regressed", regressedAt });
    await set("resolved mine", { status: "resolved", assigneeUserId: me.user.id });
    await set("archived", { status: "archived", statusEventCount: 3 });
    await set("staging mine", { assigneeUserId: me.user.id });
  });
  afterAll(async () => {
    await handle?.drop();
  });

  const titles = async (params: Record<string, string>, userId = me.user.id) =>
    (await listErrors(handle.db, { projectId: me.project.id, userId, query: query(params) }))?.items
      .map((item) => item.title)
      .sort();

  it("lists open errors by default, and resolved ones on request or while searching", async () => {
    expect(await titles({})).toEqual(["open mine", "open nobody's", "open theirs"]);
    expect(await titles({ status: "resolved" })).toEqual(["resolved mine"]);
    expect(await titles({ status: "archived" })).toEqual(["archived"]);
    expect(await titles({ q: "mine" })).toEqual(["open mine", "resolved mine"]);
    expect(await titles({ status: "all" })).toHaveLength(5);
  });

  it("filters by release, with the status rule and the environment", async () => {
    expect(await titles({ release: "1.0" })).toEqual(["open mine"]);
    expect(await titles({ release: "1.0", status: "all" })).toEqual(["open mine", "resolved mine"]);
    expect(await titles({ release: "1.0", environment: "all" })).toEqual([
      "open mine",
      "staging mine",
    ]);
    expect(await titles({ release: "2.0" })).toEqual(["open nobody's"]);
    expect(await titles({ release: "9.9" })).toEqual([]);
  });

  it("filters by assignee: me (the caller), none, or a user id", async () => {
    expect(await titles({ assignee: "me" })).toEqual(["open mine"]);
    expect(await titles({ assignee: "me" }, colleague.user.id)).toEqual(["open theirs"]);
    expect(await titles({ assignee: "none" })).toEqual(["open nobody's"]);
    expect(await titles({ assignee: String(colleague.user.id) })).toEqual(["open theirs"]);
    expect(await titles({ assignee: "me", status: "all", release: "1.0" })).toEqual([
      "open mine",
      "resolved mine",
    ]);
  });

  it("counts each environment with the same filters", async () => {
    const count = (params: Record<string, string>) =>
      countErrorsByEnvironment(handle.db, {
        projectId: me.project.id,
        userId: me.user.id,
        query: query(params),
      });
    const byRelease = await count({ release: "1.0" });
    expect(byRelease.production).toEqual({ matching: 1, total: 5 });
    expect(byRelease.staging).toEqual({ matching: 1, total: 1 });
    const byAssignee = await count({ assignee: "none", status: "all" });
    expect(byAssignee.production.matching).toBe(2);
    expect(byAssignee.staging.matching).toBe(0);
    expect((await count({ status: "resolved" })).production.matching).toBe(1);
  });

  it("gives list items their substatus, regression time, assignee and events since the status changed", async () => {
    const page = await listErrors(handle.db, {
      projectId: me.project.id,
      userId: me.user.id,
      query: query({ status: "all", sort: "lastSeen" }),
    });
    const byTitle = new Map(page?.items.map((item) => [item.title, item]));
    expect(byTitle.get("open mine")).toMatchObject({
      status: "open",
      substatus: null,
      regressedAt: null,
      assignee: { id: me.user.id, name: "Me" },
      eventsSinceStatus: 1,
    });
    expect(byTitle.get("open nobody's")).toMatchObject({
      substatus: "regressed",
      regressedAt,
      assignee: null,
    });
    expect(byTitle.get("archived")).toMatchObject({
      status: "archived",
      count: 5,
      eventsSinceStatus: 2,
    });
  });

  it("reads an error's triage columns for the detail", async () => {
    await handle.db.execute(sql`
      UPDATE errors SET status_changed_at = now(), status_changed_by_user_id = ${colleague.user.id},
        archive_until_events = 10
      WHERE id = ${ids.archived as number}`);
    const error = await findErrorForUser(handle.db, {
      userId: me.user.id,
      errorId: ids.archived as number,
    });
    expect(error).toMatchObject({
      status: "archived",
      statusChangedBy: { id: colleague.user.id, name: "Colleague" },
      archiveUntilEvents: 10,
      assignee: null,
      firstRelease: null,
    });
    expect(
      await findErrorForUser(handle.db, {
        userId: me.user.id,
        errorId: ids["open mine"] as number,
      }),
    ).toMatchObject({ firstRelease: "1.0", lastRelease: "1.0", statusChangedBy: null });
    // Not the colleague's project.
    expect(
      await findErrorForUser(handle.db, {
        userId: colleague.user.id,
        errorId: ids.archived as number,
      }),
    ).toBeNull();
  });
});
