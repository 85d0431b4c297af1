import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { listErrorActivity } from "@/db/queries/error-activity";
import { insertEvents } from "@/db/queries/ingest-write";
import { addMember } from "@/db/queries/members";
import { createAccount } from "@/db/queries/users";
import { errors } from "@/db/schema";
import { testDatabases } from "@/tests/support/databases";
import { normalizeNativeEvent } from "../ingest/native";
import { findErrorView } from "./detail";

describe.each(testDatabases())("findErrorView on $name", (database) => {
  let handle: DbHandle & { drop: () => Promise<void> };
  let owner: Awaited<ReturnType<typeof createAccount>>;
  let colleague: Awaited<ReturnType<typeof createAccount>>;
  // Each event a millisecond after the one before: the newest one's release is the last.
  let clock = Date.now() - 3_600_000;
  const make = (title: string, eventId: string, release?: string) => ({
    projectId: owner.project.id,
    userId: owner.user.id,
    tokenId: null,
    event: normalizeNativeEvent(
      { title, eventId, release, fingerprint: [title], timestamp: new Date(++clock) },
      { defaultOrigin: "svc", now: new Date() },
    ),
  });
  const view = (errorId: number, userId = owner.user.id) =>
    findErrorView(handle.db, { userId, errorId });

  beforeAll(async () => {
    handle = await database.open();
    owner = await createAccount(handle.db, {
      name: "Owner",
      email: `owner-${Date.now()}@example.test`,
      password: "long enough",
    });
    colleague = await createAccount(handle.db, {
      name: "Colleague",
      email: `colleague-${Date.now()}@example.test`,
      password: "long enough",
    });
    await addMember(handle.db, { projectId: owner.project.id, userId: colleague.user.id });
  });
  afterAll(async () => {
    await handle?.drop();
  });

  it("shows an open error's releases and no resolution, archive or reason to reopen", async () => {
    const refs = await insertEvents(handle.db, [
      make("Plain", "p1", "1.0.0"),
      make("Plain", "p2", "1.0.0"),
      make("Plain", "p3", "1.1.0"),
    ]);
    const error = await view(refs[0]?.errorId as number);
    expect(error).toMatchObject({
      status: "open",
      substatus: null,
      regressedAt: null,
      assignee: null,
      firstRelease: "1.0.0",
      lastRelease: "1.1.0",
      resolution: null,
      archive: null,
      reopened: null,
      eventsSinceStatus: 3,
    });
    expect(error?.releases.map((release) => [release.name, release.count]).sort()).toEqual([
      ["1.0.0", 2],
      ["1.1.0", 1],
    ]);
    expect(error).not.toHaveProperty("reopenDetail");
    expect(error).not.toHaveProperty("statusChangedBy");
    expect(await view(refs[0]?.errorId as number, colleague.user.id + 1000)).toBeNull();
  });

  it("shows a resolution, then why the error regressed, naming who resolved it", async () => {
    const [first] = await insertEvents(handle.db, [make("Regressing", "r1", "1.0.0")]);
    const errorId = first?.errorId as number;
    const resolvedAt = new Date(Date.now() - 60_000);
    await handle.db
      .update(errors)
      .set({
        status: "resolved",
        resolution: "now",
        statusChangedAt: resolvedAt,
        statusChangedByUserId: colleague.user.id,
        statusEventCount: 1,
        assigneeUserId: owner.user.id,
      })
      .where(eq(errors.id, errorId));
    expect(await view(errorId)).toMatchObject({
      status: "resolved",
      resolution: {
        kind: "now",
        resolvedAt,
        resolvedBy: { id: colleague.user.id, name: "Colleague" },
        inRelease: null,
      },
      archive: null,
      reopened: null,
      assignee: { id: owner.user.id, name: "Owner" },
    });

    // The ingest write regresses it and records why.
    const [again] = await insertEvents(handle.db, [make("Regressing", "r2", "1.2.0")]);
    const error = await view(errorId);
    expect(error).toMatchObject({
      status: "open",
      substatus: "regressed",
      resolution: null,
      archive: null,
      lastRelease: "1.2.0",
      reopened: {
        reason: "regression",
        resolution: "now",
        resolvedAt,
        resolvedBy: { id: colleague.user.id, name: "Colleague" },
        resolvedInRelease: null,
        archivedAt: null,
        archivedBy: null,
        condition: null,
        eventId: "r2",
        eventRef: again?.id,
        release: "1.2.0",
      },
    });
    expect(error?.regressedAt).toBeInstanceOf(Date);
    expect(error?.reopened?.at).toEqual(error?.regressedAt);
    const activity = await listErrorActivity(handle.db, { errorId, before: null, limit: 10 });
    expect(activity.items).toMatchObject([{ kind: "regression", actor: null }]);
  });

  it("shows an archive with its condition, then why it escalated", async () => {
    const refs = await insertEvents(handle.db, [
      make("Escalating", "e1"),
      make("Escalating", "e2"),
    ]);
    const errorId = refs[0]?.errorId as number;
    const archivedAt = new Date(Date.now() - 60_000);
    await handle.db
      .update(errors)
      .set({
        status: "archived",
        statusChangedAt: archivedAt,
        statusChangedByUserId: owner.user.id,
        statusEventCount: 2,
        archiveUntilEvents: 2,
        archiveRateCount: 100,
        archiveRateMinutes: 60,
      })
      .where(eq(errors.id, errorId));
    await insertEvents(handle.db, [make("Escalating", "e3")]);
    expect(await view(errorId)).toMatchObject({
      status: "archived",
      eventsSinceStatus: 1,
      archive: {
        archivedAt,
        archivedBy: { id: owner.user.id, name: "Owner" },
        until: null,
        untilEvents: 2,
        untilRate: { count: 100, minutes: 60 },
        eventsSinceArchived: 1,
      },
      reopened: null,
    });

    await insertEvents(handle.db, [make("Escalating", "e4")]);
    const error = await view(errorId);
    expect(error).toMatchObject({
      status: "open",
      substatus: "escalating",
      archive: null,
      reopened: {
        reason: "escalation",
        resolution: null,
        resolvedBy: null,
        archivedAt,
        archivedBy: { id: owner.user.id, name: "Owner" },
        condition: { until: null, untilEvents: 2, untilRate: { count: 100, minutes: 60 } },
        eventsSinceArchived: 2,
        eventId: "e4",
      },
    });
    expect(error?.reopened?.at).toBeInstanceOf(Date);
  });

  it("names nobody for a user id in the reason that no longer exists", async () => {
    const [ref] = await insertEvents(handle.db, [make("Orphan", "o1")]);
    await handle.db.execute(sql`
      UPDATE errors SET substatus = 'regressed', regressed_at = now(),
        reopen_detail = '{"reason": "regression", "resolvedByUserId": 987654, "resolution": "inNextRelease", "resolvedInRelease": "2.0"}'::jsonb
      WHERE id = ${ref?.errorId as number}`);
    expect((await view(ref?.errorId as number))?.reopened).toMatchObject({
      reason: "regression",
      resolvedBy: null,
      resolution: "inNextRelease",
      resolvedInRelease: "2.0",
      eventId: null,
    });
  });
});
