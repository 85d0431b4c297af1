import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { endExpiredArchives } from "@/db/queries/error-triage";
import { findIngestProject } from "@/db/queries/ingest";
import { ErrorIdCache, insertEvents } from "@/db/queries/ingest-write";
import { createAccount } from "@/db/queries/users";
import { alertChannels, alertDeliveries, alertNotifications, alertRules } from "@/db/schema";
import { changeErrorStatus } from "@/lib/errors/triage";
import { normalizeNativeEvent } from "@/lib/ingest/native";
import { testDatabases } from "@/tests/support/databases";

/**
 * When alerts fire (DESIGN.md, alert rules): the decision is written by the change that causes
 * it — the ingest write for new errors and frequencies, the errors_reopened trigger for
 * regressions and escalations — as a notification with one pending delivery per channel.
 */
describe.each(testDatabases())("alert decisions on $name", (database) => {
  let handle: DbHandle & { drop: () => Promise<void> };
  let account: Awaited<ReturnType<typeof createAccount>>;
  let n = 0;
  beforeAll(async () => {
    handle = await database.open();
    account = await createAccount(handle.db, {
      name: "Alerted",
      email: `alerted-${Date.now()}@example.test`,
      password: "long enough",
    });
  });
  afterAll(async () => {
    await handle?.drop();
  });

  const cache = new ErrorIdCache();
  const send = async (
    title: string,
    options: {
      environment?: string;
      level?: "fatal" | "error" | "warning";
      at?: Date;
      batch?: number;
      alertRules?: boolean;
    } = {},
  ) => {
    const items = Array.from({ length: options.batch ?? 1 }, () => ({
      projectId: account.project.id,
      userId: account.user.id,
      tokenId: null,
      event: normalizeNativeEvent(
        {
          title,
          eventId: `alert-${++n}`,
          fingerprint: [title],
          environment: options.environment,
          level: options.level,
          timestamp: options.at,
        },
        { defaultOrigin: "svc", now: new Date() },
      ),
      alertRules: options.alertRules,
    }));
    const [ref] = await insertEvents(handle.db, items, cache);
    return ref?.errorId as number;
  };
  const rule = async (values: Partial<typeof alertRules.$inferInsert>, channels = 2) => {
    const [created] = await handle.db
      .insert(alertRules)
      .values({ projectId: account.project.id, name: "rule", ...values })
      .returning();
    for (let i = 0; i < channels; i++)
      await handle.db
        .insert(alertChannels)
        .values({ ruleId: created?.id as number, type: "webhook", url: `https://hooks.test/${i}` });
    return created?.id as number;
  };
  const notifications = (ruleId: number) =>
    handle.db
      .select()
      .from(alertNotifications)
      .where(eq(alertNotifications.ruleId, ruleId))
      .orderBy(alertNotifications.id);
  const deliveriesOf = (notificationId: number) =>
    handle.db
      .select()
      .from(alertDeliveries)
      .where(eq(alertDeliveries.notificationId, notificationId));
  const off = (ruleId: number) =>
    handle.db.update(alertRules).set({ enabled: false }).where(eq(alertRules.id, ruleId));

  it("a new error fires the rules whose environment and level match, once per channel", async () => {
    const id = await rule({
      onNewError: true,
      environments: ["production"],
      minSeverity: 4,
    });
    const errorId = await send("New in production");
    await send("New in staging", { environment: "staging" });
    await send("New warning", { level: "warning" });
    await send("New in production"); // not new any more
    const fired = await notifications(id);
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({
      errorId,
      kind: "newError",
      projectId: account.project.id,
      context: {
        title: "New in production",
        level: "error",
        environment: "production",
        count: 1,
        reason: null,
        frequency: null,
      },
    });
    const deliveries = await deliveriesOf(fired[0]?.id as number);
    expect(deliveries.map((d) => [d.status, d.attempts])).toEqual([
      ["pending", 0],
      ["pending", 0],
    ]);
    await off(id);
  });

  it("a regression fires with its reason; the cooldown keeps a second one quiet", async () => {
    const id = await rule({ onRegression: true, cooldownMinutes: 30 });
    const errorId = await send("Regressing twice");
    const resolve = () =>
      changeErrorStatus(handle.db, {
        userId: account.user.id,
        errorId,
        body: { status: "resolved" },
      });
    await resolve();
    await send("Regressing twice");
    await resolve();
    await send("Regressing twice");
    const fired = await notifications(id);
    expect(fired).toHaveLength(1);
    expect(fired[0]?.kind).toBe("regression");
    expect(fired[0]?.context).toMatchObject({
      count: 2,
      reason: { reason: "regression", resolution: "now", resolvedByUserId: account.user.id },
    });
    // The cooldown over, the next regression fires again.
    await handle.db.execute(
      sql`UPDATE alert_cooldowns SET last_fired_at = now() - interval '31 minutes' WHERE rule_id = ${id}`,
    );
    await resolve();
    await send("Regressing twice");
    expect(await notifications(id)).toHaveLength(2);
    await off(id);
  });

  it("an escalation fires, from an event and from the sweep that ends a time-limited archive", async () => {
    const id = await rule({ onEscalation: true }, 1);
    const byEvents = await send("Escalates by events");
    await changeErrorStatus(handle.db, {
      userId: account.user.id,
      errorId: byEvents,
      body: { status: "archived", archive: { untilEvents: 2 } },
    });
    await send("Escalates by events");
    await send("Escalates by events");
    const quiet = await send("Escalates by time");
    await changeErrorStatus(handle.db, {
      userId: account.user.id,
      errorId: quiet,
      body: { status: "archived", archive: { until: new Date(Date.now() + 60_000).toISOString() } },
    });
    await handle.db.execute(
      sql`UPDATE errors SET archive_until = now() - interval '1 second' WHERE id = ${quiet}`,
    );
    await endExpiredArchives(handle.db);
    const fired = await notifications(id);
    expect(fired.map((f) => [f.errorId, f.kind])).toEqual([
      [byEvents, "escalation"],
      [quiet, "escalation"],
    ]);
    expect(fired[0]?.context).toMatchObject({ reason: { condition: { untilEvents: 2 } } });
    await off(id);
  });

  it("more than N events in M minutes fires once, counting only recent events", async () => {
    const id = await rule({ frequencyCount: 3, frequencyMinutes: 10 }, 1);
    const old = new Date(Date.now() - 3_600_000);
    let errorId = 0;
    for (let i = 0; i < 5; i++) errorId = await send("Spiking", { at: old });
    for (let i = 0; i < 3; i++) await send("Spiking");
    expect(await notifications(id)).toHaveLength(0);
    await send("Spiking");
    await send("Spiking");
    const fired = await notifications(id);
    expect(fired.map((f) => [f.errorId, f.kind])).toEqual([[errorId, "frequency"]]);
    expect(fired[0]?.context).toMatchObject({ frequency: { count: 3, minutes: 10 }, count: 9 });
    await off(id);
  });

  it("a young error fires on its N + 1st event, in one batch or one by one", async () => {
    const id = await rule({ frequencyCount: 2, frequencyMinutes: 5 }, 1);
    await send("Young spike");
    const errorId = await send("Young spike");
    expect(await notifications(id)).toHaveLength(0);
    await send("Young spike");
    const fired = await notifications(id);
    expect(fired.map((f) => [f.errorId, f.kind])).toEqual([[errorId, "frequency"]]);
    expect(fired[0]?.context).toMatchObject({ count: 3 });
    const burst = await send("Born spiking", { batch: 3 });
    expect((await notifications(id)).map((f) => [f.errorId, f.kind])).toEqual([
      [errorId, "frequency"],
      [burst, "frequency"],
    ]);
    await off(id);
  });

  it("the ingest doors learn whether a project has rules the write decides", async () => {
    const flag = async () => (await findIngestProject(handle.db, account.project.id))?.alertRules;
    await handle.db.update(alertRules).set({ enabled: false });
    expect(await flag()).toBe(false);
    const regression = await rule({ onRegression: true, onEscalation: true });
    expect(await flag()).toBe(false); // decided by the errors_reopened trigger, not the write
    const frequency = await rule({ frequencyCount: 1_000, frequencyMinutes: 5 });
    expect(await flag()).toBe(true);
    await off(frequency);
    const fresh = await rule({ onNewError: true });
    expect(await flag()).toBe(true);
    // A batch the doors marked as from a project without them runs the statement without
    // the decisions (the doors' cache is at most seconds behind a new rule); unmarked, it
    // decides.
    await send("Born unwatched", { alertRules: false });
    const watched = await send("Born watched", { alertRules: true });
    expect((await notifications(fresh)).map((f) => f.errorId)).toEqual([watched]);
    await off(fresh);
    await off(regression);
  });

  it("a disabled rule, or a project without rules, writes nothing", async () => {
    const id = await rule({ onNewError: true, enabled: false });
    await send("Nobody listens");
    expect(await notifications(id)).toHaveLength(0);
  });
});
