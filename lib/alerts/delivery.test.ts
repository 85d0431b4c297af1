import { asc, eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { claimDueDeliveries, recordDelivered } from "@/db/queries/alert-delivery";
import { createAccount } from "@/db/queries/users";
import { alertAttempts, alertChannels, alertDeliveries, alertNotifications } from "@/db/schema";
import { NotFound } from "@/lib/domain-errors";
import {
  discordProblems,
  slackProblems,
  teamsProblems,
  webhookProblems,
} from "@/tests/support/alert-shapes";
import { sampleContext, seedNotification, seedRule } from "@/tests/support/alerts";
import { testDatabases } from "@/tests/support/databases";
import {
  type Received,
  type Receiver,
  startReceiver,
  startSmtpServer,
} from "@/tests/support/receivers";
import { readAttemptText } from "./attempt-text";
import {
  type DeliveryOptions,
  deliverDueAlerts,
  GIVE_UP_AFTER_MS,
  RETRY_DELAYS_SECONDS,
  sendTestAlert,
} from "./delivery";
import { verifyWebhookSignature } from "./formats/webhook";
import { drainDueAlerts } from "./runner";

/**
 * The delivery worker against real receivers: local HTTP servers standing in for a webhook
 * consumer, Slack, Discord and Teams (each checks the body against the vendor's documented
 * shape; the webhook receiver verifies the signature), and a real SMTP server. The decision
 * side's rows are written directly. Time is driven with the `now` option, never slept.
 */

const BASE = "https://errors.example.test";
const SECRET = "whsec_test_0123456789";

describe.each(testDatabases())("alert delivery on $name", (database) => {
  let handle: DbHandle & { drop: () => Promise<void> };
  let owner: Awaited<ReturnType<typeof createAccount>>;
  let stranger: Awaited<ReturnType<typeof createAccount>>;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  const receivers: Receiver[] = [];
  let options: DeliveryOptions;

  /** A receiver that records requests; answers as `reply` says (200 by default). */
  const receiver = async (...args: Parameters<typeof startReceiver>) => {
    const started = await startReceiver(...args);
    receivers.push(started);
    return started;
  };

  beforeAll(async () => {
    handle = await database.open();
    const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
    owner = await createAccount(handle.db, {
      name: "Ana",
      email: `ana-${stamp}@example.test`,
      password: "long enough",
    });
    stranger = await createAccount(handle.db, {
      name: "Bruno",
      email: `bruno-${stamp}@example.test`,
      password: "long enough",
    });
    smtp = await startSmtpServer();
    options = {
      allowPrivateWebhooks: true,
      baseUrl: BASE,
      smtp: { url: smtp.url, from: "Error Central <alerts@example.test>" },
    };
  });
  afterEach(async () => {
    // Every test starts with an empty outbox: rules cascade to channels and deliveries.
    await handle.db.execute(sql`DELETE FROM alert_rules`);
  });
  afterAll(async () => {
    await Promise.all(receivers.map((r) => r.close()));
    await smtp?.close();
    await handle?.drop();
  });

  const projectId = () => owner.project.id;
  const delivery = async (id: number) =>
    (await handle.db.select().from(alertDeliveries).where(eq(alertDeliveries.id, id)))[0];
  const attempts = (id: number) =>
    handle.db
      .select()
      .from(alertAttempts)
      .where(eq(alertAttempts.deliveryId, id))
      .orderBy(asc(alertAttempts.id));
  const channel = async (id: number) =>
    (await handle.db.select().from(alertChannels).where(eq(alertChannels.id, id)))[0];
  /** A moment safely after the rows' database now(). */
  const soon = () => new Date(Date.now() + 1000);
  const body = (request: Received | undefined) => JSON.parse(request?.body ?? "null");

  it("delivers to every channel type, each in its documented format", async () => {
    const webhook = await receiver((request) =>
      verifyWebhookSignature(
        request.headers["x-error-central-signature"] as string,
        request.body,
        SECRET,
      )
        ? { status: 204 }
        : { status: 401, body: "bad signature" },
    );
    const slack = await receiver((r) =>
      slackProblems(JSON.parse(r.body)).length
        ? { status: 400, body: "invalid_blocks" }
        : { status: 200, body: "ok" },
    );
    const discord = await receiver((r) =>
      discordProblems(JSON.parse(r.body)).length ? { status: 400 } : { status: 204 },
    );
    const teams = await receiver((r) =>
      teamsProblems(JSON.parse(r.body)).length ? { status: 400 } : { status: 202 },
    );
    const { ruleId, channelIds } = await seedRule(handle.db, {
      projectId: projectId(),
      channels: [
        { type: "webhook", url: `${webhook.url}/hooks/errors`, secret: SECRET },
        { type: "slack", url: `${slack.url}/services/T0/B0/x` },
        { type: "discord", url: `${discord.url}/api/webhooks/1/abc` },
        { type: "teams", url: `${teams.url}/workflows/1/triggers/manual/paths/invoke` },
        { type: "email", recipients: ["oncall@example.test", "lead@example.test"] },
      ],
    });
    const title = `<script>alert("x")</script> & TypeError in <@U123>`;
    const { deliveryIds } = await seedNotification(handle.db, {
      ruleId,
      projectId: projectId(),
      channelIds,
      errorId: 4242,
      context: sampleContext({ title }),
    });
    const mails = smtp.messages.length;

    const run = await deliverDueAlerts(handle.db, { ...options, now: soon() });
    expect(run).toEqual({ attempted: 5, delivered: 5, failed: 0 });

    // The webhook: version 1, signed, with the delivery's id.
    expect(webhook.requests).toHaveLength(1);
    const hook = body(webhook.requests[0]);
    expect(webhookProblems(hook)).toEqual([]);
    expect(hook).toMatchObject({
      version: 1,
      kind: "newError",
      project: { id: projectId(), slug: owner.project.slug },
      error: { id: 4242, title, url: `${BASE}/errors/4242`, count: 42, environment: "production" },
    });
    expect(webhook.requests[0]?.headers["x-error-central-delivery"]).toBe(String(deliveryIds[0]));
    expect(webhook.requests[0]?.headers["x-error-central-event"]).toBe("newError");
    expect(webhook.requests[0]?.path).toBe("/hooks/errors");

    // Slack, Discord and Teams: one request each, in shape, linking to the error.
    for (const r of [slack, discord, teams]) {
      expect(r.requests).toHaveLength(1);
      expect(r.requests[0]?.body).toContain(`${BASE}/errors/4242`);
    }
    expect(slackProblems(body(slack.requests[0]))).toEqual([]);
    expect(slack.requests[0]?.body).not.toContain("<@U123>");
    expect(discordProblems(body(discord.requests[0]))).toEqual([]);
    expect(teamsProblems(body(teams.requests[0]))).toEqual([]);

    // The email: both recipients, text and HTML, the link, everything escaped.
    expect(smtp.messages.length).toBe(mails + 1);
    const mail = smtp.messages.at(-1);
    expect(mail?.to).toEqual(["oncall@example.test", "lead@example.test"]);
    expect(mail?.subject).toBe(`[Error Central] New error in ${owner.project.name}: ${title}`);
    expect(mail?.text).toContain(title);
    expect(mail?.text).toContain(`Open it in Error Central: ${BASE}/errors/4242`);
    expect(mail?.html).toContain(`href="${BASE}/errors/4242"`);
    expect(mail?.html).not.toContain("<script>");
    expect(mail?.html).toContain(
      "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; TypeError",
    );

    // Every delivery delivered once, its attempt logged, its channel healthy.
    const codes = [204, 200, 204, 202, null];
    for (const [i, id] of deliveryIds.entries()) {
      expect(await delivery(id)).toMatchObject({
        status: "delivered",
        attempts: 1,
        lastError: null,
      });
      const logged = await attempts(id);
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({ statusCode: codes[i], error: null });
      expect(logged[0]?.durationMs).toBeGreaterThanOrEqual(0);
      const row = await channel(channelIds[i] as number);
      expect(row?.consecutiveFailures).toBe(0);
      expect(row?.lastSuccessAt).not.toBeNull();
    }

    // Nothing is sent twice.
    const later = new Date(Date.now() + 3_600_000);
    expect(await deliverDueAlerts(handle.db, { ...options, now: later })).toEqual({
      attempted: 0,
      delivered: 0,
      failed: 0,
    });
    expect(webhook.requests).toHaveLength(1);
  });

  it("retries a receiver that fails three times, then delivers once: four attempts logged", async () => {
    const flaky = await receiver((_r, i) =>
      i < 3 ? { status: 500, body: "oops" } : { status: 200 },
    );
    const { ruleId, channelIds } = await seedRule(handle.db, {
      projectId: projectId(),
      channels: [{ type: "webhook", url: flaky.url, secret: SECRET }],
    });
    const { deliveryIds } = await seedNotification(handle.db, {
      ruleId,
      projectId: projectId(),
      channelIds,
    });
    const id = deliveryIds[0] as number;
    const t0 = soon();
    const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

    expect(await deliverDueAlerts(handle.db, { ...options, now: t0 })).toEqual({
      attempted: 1,
      delivered: 0,
      failed: 1,
    });
    expect(await delivery(id)).toMatchObject({
      status: "pending",
      attempts: 1,
      lastError: "HTTP 500: oops",
      nextAttemptAt: at(10),
    });
    // Not due yet: nothing happens.
    expect((await deliverDueAlerts(handle.db, { ...options, now: at(9) })).attempted).toBe(0);
    await deliverDueAlerts(handle.db, { ...options, now: at(10) });
    expect(await delivery(id)).toMatchObject({ attempts: 2, nextAttemptAt: at(40) });
    await deliverDueAlerts(handle.db, { ...options, now: at(40) });
    expect(await delivery(id)).toMatchObject({ attempts: 3, nextAttemptAt: at(100) });
    expect((await channel(channelIds[0] as number))?.consecutiveFailures).toBe(3);
    expect(await deliverDueAlerts(handle.db, { ...options, now: at(100) })).toEqual({
      attempted: 1,
      delivered: 1,
      failed: 0,
    });

    expect(flaky.requests).toHaveLength(4);
    // The same delivery id on every try: a receiver can drop repeats.
    expect(new Set(flaky.requests.map((r) => r.headers["x-error-central-delivery"]))).toEqual(
      new Set([String(id)]),
    );
    expect(await delivery(id)).toMatchObject({
      status: "delivered",
      attempts: 4,
      lastError: null,
      deliveredAt: at(100),
    });
    const logged = await attempts(id);
    expect(logged.map((a) => [a.statusCode, a.error])).toEqual([
      [500, "HTTP 500: oops"],
      [500, "HTTP 500: oops"],
      [500, "HTTP 500: oops"],
      [200, null],
    ]);
    expect(logged.map((a) => a.at)).toEqual([at(0), at(10), at(40), at(100)]);
    const row = await channel(channelIds[0] as number);
    expect(row).toMatchObject({
      consecutiveFailures: 0,
      lastSuccessAt: at(100),
      lastFailureAt: at(40),
    });
    expect((await deliverDueAlerts(handle.db, { ...options, now: at(86_400) })).attempted).toBe(0);
    expect(flaky.requests).toHaveLength(4);
  });

  it("gives up 24 hours after the delivery was created: failed, every attempt logged", async () => {
    const down = await receiver(() => ({ status: 502, body: "bad gateway" }));
    const { ruleId, channelIds } = await seedRule(handle.db, {
      projectId: projectId(),
      channels: [{ type: "slack", url: down.url }],
    });
    const { deliveryIds } = await seedNotification(handle.db, {
      ruleId,
      projectId: projectId(),
      channelIds,
    });
    const id = deliveryIds[0] as number;
    const created = (await delivery(id))?.createdAt as Date;
    let now = soon();
    const times: number[] = [];
    for (let i = 0; i < 40; i++) {
      times.push(now.getTime());
      await deliverDueAlerts(handle.db, { ...options, now });
      const row = await delivery(id);
      if (row?.status !== "pending") break;
      now = row.nextAttemptAt;
    }
    const row = await delivery(id);
    expect(row?.status).toBe("failed");
    expect(row?.lastError).toBe("HTTP 502: bad gateway");
    // Waits follow the schedule (first retries within a minute), the last one at 24 hours.
    const waits = times.slice(1).map((t, i) => (t - (times[i] as number)) / 1000);
    expect(waits.slice(0, RETRY_DELAYS_SECONDS.length)).toEqual(
      RETRY_DELAYS_SECONDS.slice(0, waits.length),
    );
    expect(waits.slice(0, 3)).toEqual([10, 30, 60]);
    expect(times.at(-1)).toBe(created.getTime() + GIVE_UP_AFTER_MS);
    expect(row?.attempts).toBe(times.length);
    expect(down.requests).toHaveLength(times.length);
    expect(await attempts(id)).toHaveLength(times.length);
    expect((await channel(channelIds[0] as number))?.consecutiveFailures).toBe(times.length);
    // Failed is final.
    expect(
      (await deliverDueAlerts(handle.db, { ...options, now: new Date(now.getTime() + 86_400_000) }))
        .attempted,
    ).toBe(0);
  });

  it("sends one digest when more than the rule's threshold are due together", async () => {
    const webhook = await receiver();
    const slack = await receiver((r) =>
      slackProblems(JSON.parse(r.body)).length ? { status: 400 } : { status: 200 },
    );
    const mails = smtp.messages.length;
    const { ruleId, channelIds } = await seedRule(handle.db, {
      projectId: projectId(),
      digestThreshold: 2,
      channels: [
        { type: "webhook", url: webhook.url, secret: SECRET },
        { type: "slack", url: slack.url },
        { type: "email", recipients: ["oncall@example.test"] },
      ],
    });
    const ids: number[][] = [];
    for (let i = 0; i < 3; i++) {
      const seeded = await seedNotification(handle.db, {
        ruleId,
        projectId: projectId(),
        channelIds,
        errorId: 500 + i,
        kind: i === 1 ? "regression" : "newError",
        context: sampleContext({ title: `Error ${i}` }),
      });
      ids.push(seeded.deliveryIds);
    }
    const run = await deliverDueAlerts(handle.db, { ...options, now: soon() });
    expect(run).toEqual({ attempted: 9, delivered: 9, failed: 0 });

    expect(webhook.requests).toHaveLength(1);
    const digest = body(webhook.requests[0]);
    expect(webhookProblems(digest)).toEqual([]);
    expect(digest.kind).toBe("digest");
    expect(digest.errors.map((e: { id: number; kind: string }) => [e.id, e.kind])).toEqual([
      [500, "newError"],
      [501, "regression"],
      [502, "newError"],
    ]);
    expect(
      verifyWebhookSignature(
        webhook.requests[0]?.headers["x-error-central-signature"] as string,
        webhook.requests[0]?.body as string,
        SECRET,
      ),
    ).toBe(true);
    expect(slack.requests).toHaveLength(1);
    expect(slack.requests[0]?.body).toContain("*3 alerts*");
    expect(smtp.messages.length).toBe(mails + 1);
    expect(smtp.messages.at(-1)?.subject).toMatch(/^\[Error Central\] 3 alerts in /);
    expect(smtp.messages.at(-1)?.text).toContain(`${BASE}/errors/501`);

    // Each channel's deliveries point at the one that carried them, each with its attempt.
    for (let c = 0; c < 3; c++) {
      const members = ids.map((list) => list[c] as number);
      const carrier = Math.min(...members);
      for (const id of members) {
        expect(await delivery(id)).toMatchObject({
          status: "delivered",
          digestId: carrier,
          attempts: 1,
        });
        expect(await attempts(id)).toHaveLength(1);
      }
    }
  });

  it("sends one message each up to the threshold", async () => {
    const webhook = await receiver();
    const { ruleId, channelIds } = await seedRule(handle.db, {
      projectId: projectId(),
      digestThreshold: 2,
      channels: [{ type: "webhook", url: webhook.url }],
    });
    for (let i = 0; i < 2; i++)
      await seedNotification(handle.db, {
        ruleId,
        projectId: projectId(),
        channelIds,
        errorId: 600 + i,
      });
    expect(await deliverDueAlerts(handle.db, { ...options, now: soon() })).toMatchObject({
      delivered: 2,
    });
    expect(webhook.requests.map((r) => body(r).kind)).toEqual(["newError", "newError"]);
    expect(
      webhook.requests.every((r) => r.headers["x-error-central-signature"] === undefined),
    ).toBe(true);
  });

  it("never sends a delivery twice when workers run at once", async () => {
    const slow = await receiver(async () => {
      await new Promise((resolve) => setTimeout(resolve, 100));
      return { status: 200 };
    });
    const { ruleId, channelIds } = await seedRule(handle.db, {
      projectId: projectId(),
      digestThreshold: 1000,
      channels: [{ type: "webhook", url: slow.url }],
    });
    const ids: number[] = [];
    for (let i = 0; i < 12; i++)
      ids.push(
        ...(await seedNotification(handle.db, { ruleId, projectId: projectId(), channelIds }))
          .deliveryIds,
      );
    const now = soon();
    const runs = await Promise.all(
      [0, 1, 2].map(() => deliverDueAlerts(handle.db, { ...options, now, limit: 5 })),
    );
    let more = await deliverDueAlerts(handle.db, { ...options, now });
    while (more.attempted > 0) more = await deliverDueAlerts(handle.db, { ...options, now });
    expect(runs.reduce((sum, r) => sum + r.delivered, 0)).toBeGreaterThan(0);
    const sent = slow.requests.map((r) => Number(r.headers["x-error-central-delivery"]));
    expect(sent.sort((a, b) => a - b)).toEqual(ids);
    for (const id of ids)
      expect(await delivery(id)).toMatchObject({ status: "delivered", attempts: 1 });
  });

  it("drains more than one claim's worth, as the cron route does", async () => {
    const webhook = await receiver();
    const { ruleId, channelIds } = await seedRule(handle.db, {
      projectId: projectId(),
      digestThreshold: 1000,
      channels: [{ type: "webhook", url: webhook.url }],
    });
    for (let i = 0; i < 7; i++)
      await seedNotification(handle.db, {
        ruleId,
        projectId: projectId(),
        channelIds,
        errorId: 700 + i,
      });
    const total = await drainDueAlerts(handle.db, {
      ...options,
      now: soon(),
      limit: 3,
      deadline: Date.now() + 30_000,
    });
    expect(total).toEqual({ attempted: 7, delivered: 7, failed: 0 });
    expect(webhook.requests.map((r) => body(r).error.id).sort()).toEqual([
      700, 701, 702, 703, 704, 705, 706,
    ]);
  });

  it("records one outcome per claim: a worker whose lease ran out cannot record again", async () => {
    const webhook = await receiver();
    const { ruleId, channelIds } = await seedRule(handle.db, {
      projectId: projectId(),
      channels: [{ type: "webhook", url: webhook.url }],
    });
    const { deliveryIds } = await seedNotification(handle.db, {
      ruleId,
      projectId: projectId(),
      channelIds,
    });
    const id = deliveryIds[0] as number;
    const t0 = soon();
    // A worker claims it for 60 s, then dies without a word.
    const lease = new Date(t0.getTime() + 60_000);
    const [claimed] = await claimDueDeliveries(handle.db, { now: t0, lease, limit: 10 });
    expect(claimed?.id).toBe(id);
    // Within the lease nobody else takes it.
    expect(
      (await deliverDueAlerts(handle.db, { ...options, now: new Date(t0.getTime() + 59_000) }))
        .attempted,
    ).toBe(0);
    // After it, another worker does, once.
    const after = new Date(t0.getTime() + 61_000);
    expect(await deliverDueAlerts(handle.db, { ...options, now: after })).toMatchObject({
      delivered: 1,
    });
    expect(webhook.requests).toHaveLength(1);
    // The first worker comes back and tries to record: nothing changes.
    const late = await recordDelivered(handle.db, {
      ids: [id],
      digestId: null,
      channelId: channelIds[0] as number,
      lease,
      at: t0,
      now: t0,
      statusCode: 200,
      durationMs: 5,
    });
    expect(late).toEqual([]);
    expect(await delivery(id)).toMatchObject({
      status: "delivered",
      attempts: 1,
      deliveredAt: after,
    });
    expect(await attempts(id)).toHaveLength(1);
  });

  it("refuses private addresses when they are not allowed, and never follows a redirect", async () => {
    const local = await receiver();
    const redirect = await receiver(() => ({
      status: 301,
      headers: { location: `${local.url}/elsewhere` },
    }));
    const { ruleId, channelIds } = await seedRule(handle.db, {
      projectId: projectId(),
      channels: [
        { type: "webhook", url: `${local.url}/hook` },
        { type: "slack", url: "http://169.254.169.254/latest/meta-data/" },
        { type: "discord", url: `http://localhost:${local.port}/x` },
        { type: "teams", url: `http://[::1]:${local.port}/x` },
      ],
    });
    const { deliveryIds } = await seedNotification(handle.db, {
      ruleId,
      projectId: projectId(),
      channelIds,
    });
    const run = await deliverDueAlerts(handle.db, {
      ...options,
      allowPrivateWebhooks: false,
      now: soon(),
    });
    expect(run).toEqual({ attempted: 4, delivered: 0, failed: 4 });
    expect(local.requests).toHaveLength(0);
    const stored = await Promise.all(
      deliveryIds.map(async (id) => (await delivery(id))?.lastError ?? null),
    );
    const errors = stored.map((text) => readAttemptText(text));
    expect(errors[0]).toMatch(/Refused: 127\.0\.0\.1 is a loopback address/);
    expect(errors[1]).toMatch(/Refused: 169\.254\.169\.254 is a link-local address/);
    expect(errors[2]).toMatch(
      /^Refused: the host localhost does not resolve to public addresses only/,
    );
    expect(errors[3]).toMatch(/Refused: ::1 is a loopback address/);
    // Kept as catalogue messages: each reader gets them in their language.
    expect(stored.map((text) => readAttemptText(text, "pt-BR"))).toEqual([
      expect.stringMatching(/^Recusada: 127\.0\.0\.1 é um endereço de loopback, não/),
      expect.stringMatching(/^Recusada: 169\.254\.169\.254 é um endereço link-local, não/),
      expect.stringMatching(/^Recusada: o host localhost não resolve só para endereços públicos/),
      expect.stringMatching(/^Recusada: ::1 é um endereço de loopback, não/),
    ]);
    const attempt = (await attempts(deliveryIds[0] as number))[0];
    expect(readAttemptText(attempt?.error ?? null, "pt-BR")).toBe(
      readAttemptText(stored[0] ?? null, "pt-BR"),
    );
    // Still pending: an administrator may allow private addresses and it goes out then.
    expect((await delivery(deliveryIds[0] as number))?.status).toBe("pending");

    const r2 = await seedRule(handle.db, {
      projectId: projectId(),
      channels: [{ type: "webhook", url: redirect.url }],
    });
    const seeded = await seedNotification(handle.db, {
      ruleId: r2.ruleId,
      projectId: projectId(),
      channelIds: r2.channelIds,
    });
    await handle.db.execute(sql`DELETE FROM alert_rules WHERE id = ${ruleId}`);
    await deliverDueAlerts(handle.db, { ...options, now: soon() });
    expect(redirect.requests).toHaveLength(1);
    expect(local.requests).toHaveLength(0);
    const row = await delivery(seeded.deliveryIds[0] as number);
    expect(readAttemptText(row?.lastError ?? null)).toMatch(
      /^redirect \(301 to http:\/\/127\.0\.0\.1:\d+\/elsewhere\) not followed/,
    );
    expect(readAttemptText(row?.lastError ?? null, "pt-BR")).toMatch(
      /^redirecionamento \(301 para http:\/\/127\.0\.0\.1:\d+\/elsewhere\) não seguido/,
    );
    expect((await attempts(row?.id as number))[0]?.statusCode).toBe(301);
  });

  it("sends a test at once, once, to the rule's channels, and says how each went", async () => {
    const webhook = await receiver();
    const discord = await receiver(() => ({
      status: 400,
      body: '{"message": "Invalid Webhook Token"}',
    }));
    const { ruleId, channelIds } = await seedRule(handle.db, {
      projectId: projectId(),
      channels: [
        { type: "webhook", url: webhook.url, secret: SECRET },
        { type: "discord", url: discord.url },
        { type: "email", recipients: ["oncall@example.test"] },
      ],
    });
    const result = await sendTestAlert(
      handle.db,
      { userId: owner.user.id, ruleId },
      { ...options, smtp: null },
    );
    expect(result.deliveries).toEqual([
      { channelId: channelIds[0], status: "delivered", lastError: null },
      {
        channelId: channelIds[1],
        status: "failed",
        lastError: 'HTTP 400: {"message": "Invalid Webhook Token"}',
      },
      {
        channelId: channelIds[2],
        status: "failed",
        lastError: "SMTP_URL is not set: Error Central cannot send email",
      },
    ]);
    const [notification] = await handle.db
      .select()
      .from(alertNotifications)
      .where(eq(alertNotifications.id, result.notificationId));
    expect(notification).toMatchObject({ kind: "test", errorId: null, projectId: projectId() });
    const hook = body(webhook.requests[0]);
    expect(webhookProblems(hook)).toEqual([]);
    expect(hook).toMatchObject({
      kind: "test",
      error: {
        id: null,
        title: "Test alert from Error Central",
        url: `${BASE}/settings?project=${owner.project.slug}#alerts`,
      },
    });
    expect(discordProblems(body(discord.requests[0]))).toEqual([]);
    // A test is not retried.
    expect(
      (await deliverDueAlerts(handle.db, { ...options, now: new Date(Date.now() + 3_600_000) }))
        .attempted,
    ).toBe(0);
    expect(discord.requests).toHaveLength(1);
  });

  it("says how a test went in the caller's language; a receiver's own text stays as it came", async () => {
    const discord = await receiver(() => ({ status: 400, body: "Unknown Webhook" }));
    const { ruleId, channelIds } = await seedRule(handle.db, {
      projectId: projectId(),
      channels: [
        { type: "discord", url: discord.url },
        { type: "email", recipients: ["oncall@example.test"] },
      ],
    });
    const result = await sendTestAlert(
      handle.db,
      { userId: owner.user.id, ruleId, locale: "pt-BR" },
      { ...options, smtp: null },
    );
    expect(result.deliveries).toEqual([
      { channelId: channelIds[0], status: "failed", lastError: "HTTP 400: Unknown Webhook" },
      {
        channelId: channelIds[1],
        status: "failed",
        lastError: "SMTP_URL não está definido: o Error Central não consegue enviar e-mail",
      },
    ]);
    // The vendor's text is stored as it came; ours as a catalogue message.
    const stored = await delivery(
      (
        await handle.db
          .select({ id: alertDeliveries.id })
          .from(alertDeliveries)
          .where(eq(alertDeliveries.channelId, channelIds[1] as number))
      )[0]?.id as number,
    );
    expect(JSON.parse(stored?.lastError ?? "")).toEqual({
      key: "ServerAlertDelivery.smtpNotConfigured",
    });
  });

  it("sends a test email through SMTP", async () => {
    const mails = smtp.messages.length;
    const { ruleId } = await seedRule(handle.db, {
      projectId: projectId(),
      channels: [{ type: "email", recipients: ["oncall@example.test"] }],
    });
    const result = await sendTestAlert(handle.db, { userId: owner.user.id, ruleId }, options);
    expect(result.deliveries[0]?.status).toBe("delivered");
    expect(smtp.messages.length).toBe(mails + 1);
    const mail = smtp.messages.at(-1);
    expect(mail?.subject).toBe(
      `[Error Central] Test alert for ${owner.project.name}: Test alert from Error Central`,
    );
    expect(mail?.text).toContain(`${BASE}/settings?project=${owner.project.slug}#alerts`);
    expect(mail?.html).toContain("Test alert from Error Central");
  });

  it("sends a test only for a rule of the caller's projects", async () => {
    const { ruleId } = await seedRule(handle.db, { projectId: projectId(), channels: [] });
    await expect(
      sendTestAlert(handle.db, { userId: stranger.user.id, ruleId }, options),
    ).rejects.toBeInstanceOf(NotFound);
    await expect(
      sendTestAlert(handle.db, { userId: owner.user.id, ruleId: 987654321 }, options),
    ).rejects.toThrow("Alert rule not found.");
    const none = await sendTestAlert(handle.db, { userId: owner.user.id, ruleId }, options);
    expect(none.deliveries).toEqual([]);
  });
});
