import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { endExpiredArchives } from "@/db/queries/error-triage";
import { ErrorIdCache, insertEvents } from "@/db/queries/ingest-write";
import { addMember, removeMember } from "@/db/queries/members";
import { createAccount } from "@/db/queries/users";
import { errorActivity, errors } from "@/db/schema";
import { resultRows } from "@/db/sql";
import { DomainError } from "@/lib/domain-errors";
import { normalizeNativeEvent } from "@/lib/ingest/native";
import { testDatabases } from "@/tests/support/databases";
import { changeErrorStatus, triageErrors } from "./triage";

/**
 * The triage loop's rules (DESIGN.md, "Resolve, archive, regressions"), through the functions
 * the API and the pages call and the ingest write that applies them, on both databases.
 */
describe.each(testDatabases())("triage loop on $name", (database) => {
  let handle: DbHandle & { drop: () => Promise<void> };
  let owner: Awaited<ReturnType<typeof createAccount>>;
  let other: Awaited<ReturnType<typeof createAccount>>;
  let n = 0;
  beforeAll(async () => {
    handle = await database.open();
    owner = await createAccount(handle.db, {
      name: "Ana",
      email: `ana-${Date.now()}@example.test`,
      password: "long enough",
    });
    other = await createAccount(handle.db, {
      name: "Bruno",
      email: `bruno-${Date.now()}@example.test`,
      password: "long enough",
    });
  });
  afterAll(async () => {
    await handle?.drop();
  });

  const cache = new ErrorIdCache();
  /** Stores one event of the error named `title`, from `release`; returns its error id. */
  const send = async (
    title: string,
    release: string | null = null,
    options: { eventId?: string; at?: Date } = {},
  ) => {
    const eventId = options.eventId ?? `ev-${++n}-${Date.now()}`;
    const event = normalizeNativeEvent(
      { title, eventId, fingerprint: [title], timestamp: options.at },
      { defaultOrigin: "svc", now: new Date() },
    );
    event.release = release;
    const [ref] = await insertEvents(
      handle.db,
      [{ projectId: owner.project.id, userId: owner.user.id, tokenId: null, event }],
      cache,
    );
    return ref?.errorId as number;
  };
  const patch = (errorId: number, body: unknown) =>
    changeErrorStatus(handle.db, { userId: owner.user.id, errorId, body });
  const row = async (id: number) =>
    (await handle.db.select().from(errors).where(eq(errors.id, id)))[0];
  const activity = async (id: number) =>
    handle.db
      .select()
      .from(errorActivity)
      .where(eq(errorActivity.errorId, id))
      .orderBy(errorActivity.id);

  it("resolve now: the next event regresses it, with who resolved it and the event", async () => {
    const id = await send("Now regression", "1.0.0");
    await patch(id, { status: "resolved" });
    const resolved = await row(id);
    expect(resolved?.status).toBe("resolved");
    expect(resolved?.resolution).toBe("now");

    await send("Now regression", null, { eventId: "reopener-now" });
    const after = await row(id);
    expect(after?.status).toBe("open");
    expect(after?.substatus).toBe("regressed");
    expect(after?.regressedAt).toBeInstanceOf(Date);
    expect(after?.reopenDetail).toMatchObject({
      reason: "regression",
      resolution: "now",
      resolvedByUserId: owner.user.id,
      eventId: "reopener-now",
      release: null,
    });
    expect(after?.reopenDetail?.resolvedAt).toBeTruthy();
    const kinds = (await activity(id)).map((a) => [a.kind, a.actorUserId]);
    expect(kinds).toEqual([
      ["resolved", owner.user.id],
      ["regression", null],
    ]);
  });

  it("resolve in next release: same and older releases and no release stay resolved; a newer one regresses", async () => {
    const id = await send("Next release", "app@1.4.0");
    await send("Next release", "app@1.3.0");
    await send("Next release", "app@1.4.0");
    await patch(id, { status: "resolved", resolve: "inNextRelease" });
    expect((await row(id))?.resolvedInRelease).toBe("app@1.4.0");

    await send("Next release", "app@1.4.0");
    await send("Next release", "app@1.3.0");
    await send("Next release", "app@1.4.0-rc.1");
    await send("Next release", null);
    expect((await row(id))?.status).toBe("resolved");

    await send("Next release", "app@1.10.0", { eventId: "reopener-next" });
    const after = await row(id);
    expect(after?.status).toBe("open");
    expect(after?.substatus).toBe("regressed");
    expect(after?.reopenDetail).toMatchObject({
      reason: "regression",
      resolution: "inNextRelease",
      resolvedInRelease: "app@1.4.0",
      eventId: "reopener-next",
      release: "app@1.10.0",
    });
  });

  it("release names that are not versions compare by the order the project first saw them", async () => {
    const id = await send("Named releases", "blue");
    await send("Named releases", "green");
    await patch(id, { status: "resolved", resolve: "inNextRelease" });
    expect((await row(id))?.resolvedInRelease).toBe("green");
    await send("Named releases", "blue");
    await send("Named releases", "green");
    expect((await row(id))?.status).toBe("resolved");
    await send("Named releases", "red");
    expect((await row(id))?.substatus).toBe("regressed");
  });

  it("a retried event (same eventId) does not regress a resolved error", async () => {
    const id = await send("Retried", null, { eventId: "retry-1" });
    await patch(id, { status: "resolved" });
    await send("Retried", null, { eventId: "retry-1" });
    const after = await row(id);
    expect(after?.status).toBe("resolved");
    expect(after?.eventCount).toBe(1);
  });

  it("archive until 5 more events: 4 keep it archived and counted, the 5th reopens it as escalating", async () => {
    const id = await send("Until events");
    await patch(id, { status: "archived", archive: { untilEvents: 5 } });
    for (let i = 0; i < 4; i++) await send("Until events");
    const archived = await row(id);
    expect(archived?.status).toBe("archived");
    expect((archived?.eventCount ?? 0) - (archived?.statusEventCount ?? 0)).toBe(4);
    await send("Until events", null, { eventId: "fifth" });
    const after = await row(id);
    expect(after?.status).toBe("open");
    expect(after?.substatus).toBe("escalating");
    expect(after?.reopenDetail).toMatchObject({
      reason: "escalation",
      condition: { untilEvents: 5 },
      eventsSinceArchived: 5,
      eventId: "fifth",
    });
    expect((await activity(id)).map((a) => a.kind)).toEqual(["archived", "escalation"]);
  });

  it("archive until N events within M minutes counts only recent events since the archive", async () => {
    const id = await send("Rate");
    await patch(id, { status: "archived", archive: { untilRate: { count: 3, minutes: 10 } } });
    // Occurred an hour ago: outside the window.
    const old = new Date(Date.now() - 3_600_000);
    for (let i = 0; i < 4; i++) await send("Rate", null, { at: old });
    expect((await row(id))?.status).toBe("archived");
    await send("Rate");
    await send("Rate");
    expect((await row(id))?.status).toBe("archived");
    await send("Rate");
    const after = await row(id);
    expect(after?.substatus).toBe("escalating");
    expect(after?.reopenDetail).toMatchObject({
      condition: { untilRate: { count: 3, minutes: 10 } },
    });
  });

  it("archive until a time: an event after it reopens the error, and the sweep reopens the quiet ones", async () => {
    const withEvent = await send("Until time, event");
    const quiet = await send("Until time, quiet");
    const soon = new Date(Date.now() + 60_000).toISOString();
    await patch(withEvent, { status: "archived", archive: { until: soon } });
    await patch(quiet, { status: "archived", archive: { until: soon } });
    await send("Until time, event");
    expect((await row(withEvent))?.status).toBe("archived");
    // The time passes (moved back, as a clock cannot be).
    await handle.db.execute(
      sql`UPDATE errors SET archive_until = now() - interval '1 second' WHERE id IN (${withEvent}, ${quiet})`,
    );
    await send("Until time, event");
    expect((await row(withEvent))?.substatus).toBe("escalating");
    expect((await row(quiet))?.status).toBe("archived");
    expect(await endExpiredArchives(handle.db)).toBe(1);
    const swept = await row(quiet);
    expect(swept?.status).toBe("open");
    expect(swept?.substatus).toBe("escalating");
    expect((await activity(quiet)).map((a) => [a.kind, a.actorUserId])).toEqual([
      ["archived", owner.user.id],
      ["escalation", null],
    ]);
  });

  it("archive forever keeps collecting events without reopening", async () => {
    const id = await send("Forever");
    await triageErrors(handle.db, {
      userId: owner.user.id,
      body: { ids: [id], action: "archive" },
    });
    for (let i = 0; i < 3; i++) await send("Forever");
    const after = await row(id);
    expect(after?.status).toBe("archived");
    expect((after?.eventCount ?? 0) - (after?.statusEventCount ?? 0)).toBe(3);
  });

  it("assigns members only, records assign and unassign, and a repeat records nothing", async () => {
    const id = await send("Assign me");
    const refusal = await patch(id, { assigneeId: other.user.id }).catch((error) => error);
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).kind).toBe("invalid");
    await addMember(handle.db, { projectId: owner.project.id, userId: other.user.id });
    await triageErrors(handle.db, {
      userId: owner.user.id,
      body: { ids: [id], action: "assign", assigneeId: other.user.id },
    });
    await patch(id, { assigneeId: other.user.id });
    expect((await row(id))?.assigneeUserId).toBe(other.user.id);
    await patch(id, { assigneeId: null });
    expect((await row(id))?.assigneeUserId).toBeNull();
    expect((await activity(id)).map((a) => [a.kind, a.detail])).toEqual([
      ["assigned", { from: null, to: other.user.id }],
      ["unassigned", { from: other.user.id }],
    ]);
  });

  it("a member who leaves the project gives their errors there back to nobody", async () => {
    const leaver = await createAccount(handle.db, {
      name: "Leaver",
      email: `leaver-${Date.now()}@example.test`,
      password: "long enough",
    });
    await addMember(handle.db, { projectId: owner.project.id, userId: leaver.user.id });
    const id = await send("Left behind");
    await patch(id, { assigneeId: leaver.user.id });
    expect(
      await removeMember(handle.db, { projectId: owner.project.id, userId: leaver.user.id }),
    ).toBe("removed");
    expect((await row(id))?.assigneeUserId).toBeNull();
    expect((await activity(id)).map((a) => [a.kind, a.actorUserId, a.detail])).toEqual([
      ["assigned", owner.user.id, { from: null, to: leaver.user.id }],
      ["unassigned", null, { from: leaver.user.id, reason: "left the project" }],
    ]);
  });

  it("a status change by a person clears Regressed; options without their status are refused", async () => {
    const id = await send("Cleared");
    await patch(id, { status: "resolved" });
    await send("Cleared");
    expect((await row(id))?.substatus).toBe("regressed");
    await patch(id, { status: "archived" });
    expect((await row(id))?.substatus).toBeNull();
    for (const body of [
      { status: "open", resolve: "now" },
      { status: "resolved", archive: { untilEvents: 3 } },
      { status: "archived", archive: { untilEvents: 3, untilRate: { count: 1, minutes: 1 } } },
      { status: "archived", archive: { until: "2020-01-01T00:00:00Z" } },
      {},
    ]) {
      const error = await patch(id, body).catch((caught) => caught);
      expect(error, JSON.stringify(body)).toBeInstanceOf(DomainError);
    }
  });

  it.runIf(database.name === "postgres")(
    "an event that waits for a resolve to commit sees it and regresses the error",
    async () => {
      const id = await send("Waits for the resolve");
      let stored: Promise<number> | undefined;
      await handle.db.transaction(async (tx) => {
        await tx.execute(sql`
          UPDATE errors SET status = 'resolved', resolution = 'now', status_changed_at = now(),
            status_changed_by_user_id = ${owner.user.id}, status_event_count = event_count
          WHERE id = ${id}`);
        // The event's statement starts now, with a snapshot in which the error is open, and
        // waits for this transaction's row lock.
        stored = send("Waits for the resolve", null, { eventId: "waited" });
        await new Promise((resolve) => setTimeout(resolve, 300));
      });
      await stored;
      const after = await row(id);
      expect(after?.status).toBe("open");
      expect(after?.substatus).toBe("regressed");
      expect(after?.reopenDetail).toMatchObject({ eventId: "waited" });
      expect((await activity(id)).map((a) => a.kind)).toEqual(["regression"]);
    },
  );

  it.runIf(database.name === "postgres")(
    "an event from a newer release that waits for an in-next-release resolve regresses it",
    async () => {
      const id = await send("Waits for next release", "3.1.0");
      let stored: Promise<number> | undefined;
      await handle.db.transaction(async (tx) => {
        await tx.execute(sql`
          UPDATE errors SET status = 'resolved', resolution = 'inNextRelease',
            resolved_in_release = '3.1.0', resolved_release_key = release_semver_key('3.1.0'),
            resolved_release_seq = (SELECT id FROM releases WHERE name = '3.1.0'),
            status_changed_at = now(), status_event_count = event_count
          WHERE id = ${id}`);
        stored = send("Waits for next release", "3.2.0", { eventId: "waited-next" });
        await new Promise((resolve) => setTimeout(resolve, 300));
      });
      await stored;
      const after = await row(id);
      expect(after?.substatus).toBe("regressed");
      expect(after?.reopenDetail).toMatchObject({ eventId: "waited-next", release: "3.2.0" });
    },
  );

  it.runIf(database.name === "postgres")(
    "an event racing a resolve either lands before it or regresses it, never lost in between",
    async () => {
      for (let round = 0; round < 30; round++) {
        const title = `Race ${round}`;
        const id = await send(title);
        await Promise.all([patch(id, { status: "resolved" }), send(title), send(title)]);
        const after = await row(id);
        const counted = (after?.eventCount ?? 0) - (after?.statusEventCount ?? 0);
        if (after?.status === "resolved") {
          // Both events were stored before the resolve: none is after it.
          expect(counted, title).toBe(0);
          expect(after.eventCount).toBe(3);
        } else {
          expect(after?.status).toBe("open");
          expect(after?.substatus).toBe("regressed");
          const kinds = (await activity(id)).map((a) => a.kind);
          expect(kinds).toEqual(["resolved", "regression"]);
        }
        const stored = resultRows<{ n: number }>(
          await handle.db.execute(
            sql`SELECT count(*)::int AS n FROM events WHERE error_id = ${id}`,
          ),
        );
        expect(stored[0]?.n).toBe(after?.eventCount);
      }
    },
  );
});
