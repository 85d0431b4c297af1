import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabases } from "@/tests/support/databases";
import type { DbHandle } from "../client";
import { errorActivity, errors, users } from "../schema";
import { listErrorActivity } from "./error-activity";
import { createAccount } from "./users";

describe.each(testDatabases())("listErrorActivity on $name", (database) => {
  let handle: DbHandle & { drop: () => Promise<void> };
  let account: Awaited<ReturnType<typeof createAccount>>;
  let errorId: number;
  let otherErrorId: number;

  beforeAll(async () => {
    handle = await database.open();
    account = await createAccount(handle.db, {
      name: "Triager",
      email: `triager-${Date.now()}@example.test`,
      password: "long enough",
    });
    const now = new Date();
    const insertError = async (fingerprint: string) => {
      const [row] = await handle.db
        .insert(errors)
        .values({
          projectId: account.project.id,
          environment: "production",
          level: "error",
          origin: "svc",
          title: fingerprint,
          fingerprint,
          eventCount: 1,
          firstSeen: now,
          lastSeen: now,
        })
        .returning({ id: errors.id });
      return row?.id as number;
    };
    errorId = await insertError("with activity");
    otherErrorId = await insertError("other");
    const at = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
    await handle.db.insert(errorActivity).values([
      {
        errorId,
        actorUserId: account.user.id,
        kind: "resolved",
        detail: { resolution: "now" },
        at: at(30),
      },
      {
        errorId,
        actorUserId: null,
        kind: "regression",
        detail: { reason: "regression", release: "1.1.0" },
        at: at(20),
      },
      {
        errorId,
        actorUserId: account.user.id,
        kind: "assigned",
        detail: { assigneeUserId: account.user.id },
        at: at(10),
      },
      { errorId: otherErrorId, actorUserId: null, kind: "escalation", at: at(5) },
    ]);
  });
  afterAll(async () => {
    await handle?.drop();
  });

  it("lists an error's activity newest first, with the actor's name (null: the system)", async () => {
    const page = await listErrorActivity(handle.db, { errorId, before: null, limit: 50 });
    expect(page.more).toBe(false);
    expect(page.items.map(({ id: _id, at: _at, ...item }) => item)).toEqual([
      {
        actor: { id: account.user.id, name: "Triager" },
        kind: "assigned",
        detail: { assigneeUserId: account.user.id },
      },
      { actor: null, kind: "regression", detail: { reason: "regression", release: "1.1.0" } },
      {
        actor: { id: account.user.id, name: "Triager" },
        kind: "resolved",
        detail: { resolution: "now" },
      },
    ]);
    expect(page.items[0]?.at).toBeInstanceOf(Date);
  });

  it("pages by id, and a fresh error has none", async () => {
    const first = await listErrorActivity(handle.db, { errorId, before: null, limit: 2 });
    expect(first.items.map((item) => item.kind)).toEqual(["assigned", "regression"]);
    expect(first.more).toBe(true);
    const rest = await listErrorActivity(handle.db, {
      errorId,
      before: first.items[1]?.id as number,
      limit: 2,
    });
    expect(rest.items.map((item) => item.kind)).toEqual(["resolved"]);
    expect(rest.more).toBe(false);
    expect(
      await listErrorActivity(handle.db, { errorId: otherErrorId + 1000, before: null, limit: 5 }),
    ).toEqual({ items: [], more: false });
  });

  it("keeps the row of a deleted user, without an actor", async () => {
    const other = await createAccount(handle.db, {
      name: "Leaver",
      email: `leaver-${Date.now()}@example.test`,
      password: "long enough",
    });
    await handle.db
      .insert(errorActivity)
      .values({ errorId: otherErrorId, actorUserId: other.user.id, kind: "archived" });
    await handle.db.delete(users).where(eq(users.id, other.user.id));
    const page = await listErrorActivity(handle.db, {
      errorId: otherErrorId,
      before: null,
      limit: 5,
    });
    expect(page.items.map((item) => [item.kind, item.actor])).toEqual([
      ["archived", null],
      ["escalation", null],
    ]);
  });
});
