import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { addMember } from "@/db/queries/members";
import { createAccount } from "@/db/queries/users";
import { resultRows } from "@/db/sql";
import { Conflict, Forbidden, Invalid, NotFound } from "@/lib/domain-errors";
import { testDatabases } from "@/tests/support/databases";
import { startReceiver } from "@/tests/support/receivers";
import {
  attemptsOfDeliveries,
  getAlertDelivery,
  listAlertDeliveries,
  listAlertsOfError,
} from "./delivery-log";
import {
  type AlertRuleView,
  createAlertRule,
  deleteAlertRule,
  getAlertRule,
  listAlertRules,
  sendAlertRuleTest,
  type UrlCheckOptions,
  updateAlertRule,
} from "./rules";

const SLACK = "https://hooks.slack.com/services/T000/B000/XXXXSECRETXXXX";
/** Host names resolve to one public address here: the tests do not depend on DNS. */
const PUBLIC_DNS: UrlCheckOptions = {
  allowPrivate: false,
  resolve: async () => [{ address: "93.184.215.14", family: 4 }],
};

/** The issue paths of a refusal, joined with dots ("channels.0.url"). */
async function refusal(promise: Promise<unknown>): Promise<{ kind: string; paths: string[] }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Invalid) {
      return { kind: "invalid", paths: (error.issues ?? []).map((i) => i.path.join(".")) };
    }
    if (error instanceof Forbidden) return { kind: "forbidden", paths: [] };
    if (error instanceof NotFound) return { kind: "not_found", paths: [] };
    if (error instanceof Conflict) return { kind: "conflict", paths: [] };
    throw error;
  }
  throw new Error("expected a refusal");
}

describe.each(testDatabases())("alert rules on $name", (database) => {
  let handle: DbHandle & { drop: () => Promise<void> };
  let owner: Awaited<ReturnType<typeof createAccount>>;
  let member: Awaited<ReturnType<typeof createAccount>>;
  let stranger: Awaited<ReturnType<typeof createAccount>>;
  let projectId: number;

  beforeAll(async () => {
    handle = await database.open();
    const account = (name: string) =>
      createAccount(handle.db, {
        name,
        email: `${name.toLowerCase()}-${Date.now()}@example.test`,
        password: "long enough",
      });
    owner = await account("Olga");
    member = await account("Milo");
    stranger = await account("Sam");
    projectId = owner.project.id;
    await addMember(handle.db, { projectId, userId: member.user.id });
  });
  afterAll(async () => {
    await handle?.drop();
  });

  const create = (
    body: unknown,
    userId = owner.user.id,
    project: number = projectId,
    urls: UrlCheckOptions = PUBLIC_DNS,
  ) => createAlertRule(handle.db, { userId, project, readBody: async () => body }, urls);
  const patch = (ruleId: number, body: unknown, userId = owner.user.id) =>
    updateAlertRule(
      handle.db,
      { userId, project: projectId, ruleId, readBody: async () => body },
      PUBLIC_DNS,
    );
  const minimal = (overrides: Record<string, unknown> = {}) => ({
    name: "Production errors",
    triggers: ["newError"],
    channels: [{ type: "slack", url: SLACK }],
    ...overrides,
  });

  it("creates a rule with defaults; generated webhook secrets are shown once", async () => {
    const rule = await create({
      name: "  Checkout  ",
      triggers: ["newError", "regression", { frequency: { count: 100, minutes: 5 } }],
      environments: ["prod", "production", "hml", "eu-west"],
      minLevel: "warning",
      channels: [
        { type: "webhook", url: "https://receiver.example.test/hooks/abc?token=t0p" },
        { type: "webhook", url: "http://intranet.example.test:8080/", secret: "s".repeat(20) },
        { type: "email", to: ["Ops@Example.test", "ops@example.test", "dev@example.test"] },
        { type: "slack", url: SLACK },
      ],
    });
    expect(rule).toMatchObject({
      name: "Checkout",
      enabled: true,
      triggers: ["newError", "regression", { frequency: { count: 100, minutes: 5 } }],
      environments: ["production", "staging", "eu-west"],
      minLevel: "warning",
      cooldownMinutes: 30,
      digestThreshold: 5,
      createdBy: { id: owner.user.id, name: "Olga" },
    });
    const [generated, given, email, slack] = rule.channels;
    expect(generated).toMatchObject({
      type: "webhook",
      target: "https://receiver.example.test/…",
      hasSecret: true,
      to: null,
      failing: false,
    });
    expect(generated?.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // A secret the client chose is not sent back.
    expect(given).toMatchObject({ target: "http://intranet.example.test:8080", hasSecret: true });
    expect(given).not.toHaveProperty("secret");
    expect(email).toMatchObject({
      type: "email",
      to: ["ops@example.test", "dev@example.test"],
      target: "ops@example.test, dev@example.test",
      hasSecret: false,
    });
    expect(slack).toMatchObject({ target: "https://hooks.slack.com/…", hasSecret: false });
    expect(JSON.stringify(rule)).not.toContain("XXXXSECRET");

    // Read again: never the secret, never the URL.
    const read = await getAlertRule(handle.db, {
      userId: member.user.id,
      project: projectId,
      ruleId: rule.id,
    });
    expect(read.channels.map((c) => c.id)).toEqual(rule.channels.map((c) => c.id));
    expect(read.channels.every((c) => !("secret" in c))).toBe(true);
    expect(JSON.stringify(read)).not.toContain(generated?.secret);
    expect(JSON.stringify(read)).not.toContain("/hooks/abc");
    const stored = resultRows<{ secret: string | null; url: string | null }>(
      await handle.db.execute(
        sql`SELECT secret, url FROM alert_channels WHERE rule_id = ${rule.id} ORDER BY id`,
      ),
    );
    expect(stored[0]).toEqual({
      secret: generated?.secret,
      url: "https://receiver.example.test/hooks/abc?token=t0p",
    });
    expect(stored[1]?.secret).toBe("s".repeat(20));
    expect(stored[2]?.secret).toBeNull();
    const columns = resultRows<Record<string, unknown>>(
      await handle.db.execute(
        sql`SELECT on_new_error, on_regression, on_escalation, frequency_count, frequency_minutes,
              min_severity FROM alert_rules WHERE id = ${rule.id}`,
      ),
    );
    expect(columns[0]).toEqual({
      on_new_error: true,
      on_regression: true,
      on_escalation: false,
      frequency_count: 100,
      frequency_minutes: 5,
      min_severity: 3,
    });
  });

  it.each([
    ["no name", { name: " " }, ["name"]],
    ["no trigger", { triggers: [] }, ["triggers"]],
    ["an unknown trigger", { triggers: ["sometimes"] }, ["triggers.0"]],
    ["a trigger twice", { triggers: ["newError", "newError"] }, ["triggers.1"]],
    [
      "two frequencies",
      {
        triggers: [
          { frequency: { count: 1, minutes: 1 } },
          { frequency: { count: 2, minutes: 1 } },
        ],
      },
      ["triggers.1"],
    ],
    [
      "a frequency count of 0",
      { triggers: [{ frequency: { count: 0, minutes: 5 } }] },
      ["triggers.0.frequency.count"],
    ],
    [
      "a frequency over a day",
      { triggers: [{ frequency: { count: 5, minutes: 1441 } }] },
      ["triggers.0.frequency.minutes"],
    ],
    ["no channel", { channels: [] }, ["channels"]],
    ["six channels", { channels: Array(6).fill({ type: "slack", url: SLACK }) }, ["channels"]],
    ["a webhook without url", { channels: [{ type: "webhook" }] }, ["channels.0.url"]],
    [
      "an ftp url",
      { channels: [{ type: "discord", url: "ftp://example.test/x" }] },
      ["channels.0.url"],
    ],
    [
      "a url over 2048 characters",
      { channels: [{ type: "teams", url: `https://example.test/${"a".repeat(2040)}` }] },
      ["channels.0.url"],
    ],
    ["an email channel without to", { channels: [{ type: "email" }] }, ["channels.0.to"]],
    [
      "a bad email address",
      { channels: [{ type: "email", to: ["ops@example.test", "nope"] }] },
      ["channels.0.to.1"],
    ],
    [
      "21 recipients",
      {
        channels: [
          { type: "email", to: Array.from({ length: 21 }, (_, i) => `u${i}@example.test`) },
        ],
      },
      ["channels.0.to"],
    ],
    [
      "a secret on slack",
      { channels: [{ type: "slack", url: SLACK, secret: "x".repeat(20) }] },
      ["channels.0.secret"],
    ],
    [
      "a short secret",
      { channels: [{ type: "webhook", url: SLACK, secret: "short" }] },
      ["channels.0.secret"],
    ],
    ["an unknown channel type", { channels: [{ type: "pager", url: SLACK }] }, ["channels.0.type"]],
    ["a channel id", { channels: [{ id: 1, type: "slack", url: SLACK }] }, ["channels.0.id"]],
    ["a cooldown over a day", { cooldownMinutes: 1441 }, ["cooldownMinutes"]],
    ["a negative cooldown", { cooldownMinutes: -1 }, ["cooldownMinutes"]],
    ["an unknown level", { minLevel: "critical" }, ["minLevel"]],
    ["no environment", { environments: [] }, ["environments"]],
    ["an empty environment", { environments: [" "] }, ["environments.0"]],
  ])("refuses %s, naming the field", async (_label, overrides, paths) => {
    expect(await refusal(create(minimal(overrides)))).toEqual({ kind: "invalid", paths });
  });

  it.each([
    ["a loopback address", "http://127.0.0.1:8080/hook", /loopback/, /é um endereço de loopback/],
    [
      "localhost",
      "http://localhost/hook",
      /does not resolve to public addresses only/,
      /não resolve só para endereços públicos/,
    ],
    ["a private address", "https://10.1.2.3/hook", /private/, /é um endereço privado/],
    [
      "link-local (cloud metadata)",
      "http://169.254.169.254/latest/meta-data",
      /link-local/,
      /169\.254\.169\.254 é um endereço link-local/,
    ],
    ["an IPv6 loopback", "http://[::1]:3000/", /loopback/, /::1 é um endereço de loopback/],
    [
      "credentials in the URL",
      "https://user:secret@hooks.example.test/x",
      /user name or password/,
      /nome de usuário nem senha/,
    ],
  ])(
    "refuses a webhook to %s unless private addresses are allowed",
    async (_l, url, message, pt) => {
      const body = minimal({
        channels: [
          { type: "email", to: ["a@example.test"] },
          { type: "webhook", url },
        ],
      });
      let caught: unknown;
      try {
        await create(body, owner.user.id, projectId, { allowPrivate: false });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(Invalid);
      const refused = caught as Invalid;
      expect(refused.issues?.map(({ path, message }) => ({ path, message }))).toEqual([
        { path: ["channels", 1, "url"], message: expect.stringMatching(message) },
      ]);
      // In Portuguese for the API's Accept-Language and the form's language; codes unchanged.
      expect(refused.code).toBe("validation_failed");
      expect(refused.localized("pt-BR").issues).toEqual([
        { path: ["channels", 1, "url"], message: expect.stringMatching(pt) },
      ]);
      if (!url.includes("@")) {
        const allowed = await create(body, owner.user.id, projectId, { allowPrivate: true });
        expect(allowed.channels).toHaveLength(2);
        await deleteAlertRule(handle.db, {
          userId: owner.user.id,
          project: projectId,
          ruleId: allowed.id,
        });
      }
    },
  );

  it("refuses a host that does not resolve, and checks a new URL on edit too", async () => {
    const nowhere = {
      resolve: async () => Promise.reject(Object.assign(new Error("x"), { code: "ENOTFOUND" })),
    };
    expect(
      await refusal(
        create(
          minimal({ channels: [{ type: "slack", url: SLACK }] }),
          owner.user.id,
          projectId,
          nowhere,
        ),
      ),
    ).toEqual({ kind: "invalid", paths: ["channels.0.url"] });
    const rule = await create(minimal());
    const edit = updateAlertRule(
      handle.db,
      {
        userId: owner.user.id,
        project: projectId,
        ruleId: rule.id,
        readBody: async () => ({ channels: [{ type: "webhook", url: "http://192.168.0.10/" }] }),
      },
      { allowPrivate: false },
    );
    expect(await refusal(edit)).toEqual({ kind: "invalid", paths: ["channels.0.url"] });
  });

  it("sends a test to every channel at once and says how each took it (owners only)", async () => {
    const good = await startReceiver(() => ({ status: 200 }));
    const bad = await startReceiver(() => ({ status: 500, body: "boom" }));
    let made: number | undefined;
    try {
      const local = { allowPrivate: true };
      const rule = await create(
        minimal({
          name: "Tested",
          channels: [
            { type: "webhook", url: `${good.url}/hook` },
            { type: "slack", url: `${bad.url}/slack` },
          ],
        }),
        owner.user.id,
        projectId,
        local,
      );
      made = rule.id;
      const send = (userId: number) =>
        sendAlertRuleTest(
          handle.db,
          { userId, project: projectId, ruleId: rule.id },
          { allowPrivateWebhooks: true },
        );
      expect(await refusal(send(member.user.id))).toMatchObject({ kind: "forbidden" });
      expect(await refusal(send(stranger.user.id))).toMatchObject({ kind: "not_found" });
      expect(good.requests).toHaveLength(0);

      const result = await send(owner.user.id);
      const [webhook, slack] = rule.channels;
      expect(result.deliveries).toEqual([
        {
          channelId: webhook?.id,
          type: "webhook",
          target: `${good.url}/…`,
          status: "delivered",
          lastError: null,
        },
        {
          channelId: slack?.id,
          type: "slack",
          target: `${bad.url}/…`,
          status: "failed",
          lastError: expect.stringContaining("500"),
        },
      ]);
      expect(good.requests).toHaveLength(1);
      expect(good.requests[0]?.body).toContain("Test alert from Error Central");
      expect(bad.requests).toHaveLength(1);

      const log = await listAlertDeliveries(handle.db, {
        userId: member.user.id,
        project: projectId,
        params: new URLSearchParams({ ruleId: String(rule.id) }),
      });
      expect(log.items.map((item) => [item.kind, item.status, item.attempts])).toEqual([
        ["test", "failed", 1],
        ["test", "delivered", 1],
      ]);
      expect(log.items[0]?.errorTitle).toBe("Test alert from Error Central");
      const attempts = await attemptsOfDeliveries(handle.db, log.items);
      expect(attempts.get(log.items[0]?.id as number)).toEqual([
        expect.objectContaining({ statusCode: 500 }),
      ]);
    } finally {
      // The delivery log's tests below expect this project's log to hold only their own.
      if (made) {
        await deleteAlertRule(handle.db, {
          userId: owner.user.id,
          project: projectId,
          ruleId: made,
        });
      }
      await good.close();
      await bad.close();
    }
  });

  it("lets members read rules but only owners change them; strangers see nothing", async () => {
    const rule = await create(minimal({ name: "Owned" }));
    const { items, role } = await listAlertRules(handle.db, {
      userId: member.user.id,
      project: projectId,
    });
    expect(role).toBe("member");
    expect(items.map((item) => item.id)).toContain(rule.id);
    expect(await refusal(create(minimal(), member.user.id))).toEqual({
      kind: "forbidden",
      paths: [],
    });
    // Refused before the body is read: an invalid body is still a 403.
    expect(await refusal(create({}, member.user.id))).toMatchObject({ kind: "forbidden" });
    expect(await refusal(patch(rule.id, { name: "Mine" }, member.user.id))).toMatchObject({
      kind: "forbidden",
    });
    expect(
      await refusal(
        deleteAlertRule(handle.db, { userId: member.user.id, project: projectId, ruleId: rule.id }),
      ),
    ).toMatchObject({ kind: "forbidden" });
    for (const attempt of [
      () => create(minimal(), stranger.user.id),
      () => listAlertRules(handle.db, { userId: stranger.user.id, project: projectId }),
      () =>
        getAlertRule(handle.db, { userId: stranger.user.id, project: projectId, ruleId: rule.id }),
    ]) {
      expect(await refusal(attempt())).toMatchObject({ kind: "not_found" });
    }
    // A rule of another project is a 404 through this one.
    const elsewhere = await create(minimal(), stranger.user.id, stranger.project.id);
    expect(
      await refusal(
        getAlertRule(handle.db, {
          userId: owner.user.id,
          project: projectId,
          ruleId: elsewhere.id,
        }),
      ),
    ).toMatchObject({ kind: "not_found" });
    expect(await refusal(patch(elsewhere.id, { name: "Stolen" }))).toMatchObject({
      kind: "not_found",
    });
    expect(
      await refusal(
        getAlertRule(handle.db, { userId: owner.user.id, project: projectId, ruleId: "abc" }),
      ),
    ).toMatchObject({ kind: "not_found" });
  });

  it("edits: channels with an id keep it and their secret; rotation shows the new secret once", async () => {
    const rule = await create(
      minimal({
        channels: [
          { type: "webhook", url: "https://a.example.test/one" },
          { type: "slack", url: SLACK },
          { type: "email", to: ["a@example.test"] },
        ],
      }),
    );
    const [webhook, slack, email] = rule.channels as [
      AlertRuleView["channels"][number],
      AlertRuleView["channels"][number],
      AlertRuleView["channels"][number],
    ];
    const firstSecret = webhook.secret;

    // Name only: the channels are untouched.
    const renamed = await patch(rule.id, { name: "Renamed", enabled: false });
    expect(renamed).toMatchObject({ name: "Renamed", enabled: false });
    expect(renamed.channels.map((c) => c.id)).toEqual([webhook.id, slack.id, email.id]);
    expect(renamed.channels.some((c) => "secret" in c)).toBe(false);
    expect(Date.parse(renamed.updatedAt)).toBeGreaterThanOrEqual(Date.parse(rule.updatedAt));

    // Keep the webhook (no url: the stored one stays), drop Slack, keep the email channel by
    // its content, add Discord.
    await handle.db.execute(
      sql`UPDATE alert_channels SET consecutive_failures = 4 WHERE id IN (${webhook.id}, ${email.id})`,
    );
    const edited = await patch(rule.id, {
      channels: [
        { id: webhook.id, type: "webhook" },
        { type: "email", to: ["a@example.test"] },
        { type: "discord", url: "https://discord.example.test/api/webhooks/1/tok" },
      ],
    });
    expect(edited.channels.map((c) => c.type)).toEqual(["webhook", "email", "discord"]);
    expect(edited.channels[0]).toMatchObject({ id: webhook.id, failing: true, hasSecret: true });
    expect(edited.channels[0]).not.toHaveProperty("secret");
    expect(edited.channels[1]).toMatchObject({ id: email.id, failing: true });
    expect(edited.channels[2]?.id).not.toBe(slack.id);
    const secretOf = async (id: number) =>
      resultRows<{ secret: string | null; url: string }>(
        await handle.db.execute(sql`SELECT secret, url FROM alert_channels WHERE id = ${id}`),
      )[0];
    expect(await secretOf(webhook.id)).toEqual({
      secret: firstSecret,
      url: "https://a.example.test/one",
    });
    expect(await secretOf(slack.id)).toBeUndefined();

    // Rotation: a new secret, shown in this answer only; a new URL clears the failure streak.
    const rotated = await patch(rule.id, {
      channels: [
        { id: webhook.id, type: "webhook", rotateSecret: true, url: "https://b.example.test/" },
        { id: email.id, type: "email", to: ["a@example.test"] },
      ],
    });
    const newSecret = rotated.channels[0]?.secret;
    expect(newSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newSecret).not.toBe(firstSecret);
    expect(rotated.channels[0]).toMatchObject({
      id: webhook.id,
      failing: false,
      consecutiveFailures: 0,
      target: "https://b.example.test",
    });
    expect(rotated.channels[1]).toMatchObject({ id: email.id, consecutiveFailures: 4 });
    expect((await secretOf(webhook.id))?.secret).toBe(newSecret);

    // Refusals name the channel field.
    expect(await refusal(patch(rule.id, { channels: [{ id: 999999, type: "webhook" }] }))).toEqual({
      kind: "invalid",
      paths: ["channels.0.id"],
    });
    expect(
      await refusal(patch(rule.id, { channels: [{ id: webhook.id, type: "slack" }] })),
    ).toEqual({ kind: "invalid", paths: ["channels.0.type"] });
    expect(await refusal(patch(rule.id, {}))).toMatchObject({ kind: "invalid" });
    expect(await refusal(patch(rule.id, { triggers: [] }))).toEqual({
      kind: "invalid",
      paths: ["triggers"],
    });

    // Triggers and filters are replaced as sent; environments null means all again.
    const retuned = await patch(rule.id, {
      triggers: ["escalation"],
      environments: null,
      minLevel: "fatal",
      cooldownMinutes: 0,
      digestThreshold: 12,
    });
    expect(retuned).toMatchObject({
      triggers: ["escalation"],
      environments: null,
      minLevel: "fatal",
      cooldownMinutes: 0,
      digestThreshold: 12,
    });
  });

  it("deletes a rule with its channels and log", async () => {
    const rule = await create(minimal({ name: "Doomed" }));
    await deleteAlertRule(handle.db, {
      userId: owner.user.id,
      project: projectId,
      ruleId: rule.id,
    });
    expect(
      await refusal(
        getAlertRule(handle.db, { userId: owner.user.id, project: projectId, ruleId: rule.id }),
      ),
    ).toMatchObject({ kind: "not_found" });
    expect(
      await refusal(
        deleteAlertRule(handle.db, { userId: owner.user.id, project: projectId, ruleId: rule.id }),
      ),
    ).toMatchObject({ kind: "not_found" });
    const left = resultRows<{ n: number }>(
      await handle.db.execute(
        sql`SELECT count(*)::int AS n FROM alert_channels WHERE rule_id = ${rule.id}`,
      ),
    );
    expect(left[0]?.n).toBe(0);
  });

  it("keeps a project to 50 rules, even when two are created at once", async () => {
    const solo = await createAccount(handle.db, {
      name: "Lim",
      email: `lim-${Date.now()}@example.test`,
      password: "long enough",
    });
    const make = () => create(minimal(), solo.user.id, solo.project.id);
    for (let i = 0; i < 48; i++) await make();
    const [a, b] = await Promise.allSettled([make(), make()]);
    expect([a?.status, b?.status].sort()).toEqual(["fulfilled", "fulfilled"]);
    expect(await refusal(make())).toMatchObject({ kind: "conflict" });
    const racing = await Promise.allSettled([
      deleteAlertRule(handle.db, {
        userId: solo.user.id,
        project: solo.project.id,
        ruleId: (a as PromiseFulfilledResult<AlertRuleView>).value.id,
      }).then(make),
      make(),
    ]);
    expect(racing.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const count = resultRows<{ n: number }>(
      await handle.db.execute(
        sql`SELECT count(*)::int AS n FROM alert_rules WHERE project_id = ${solo.project.id}`,
      ),
    );
    expect(count[0]?.n).toBe(50);
  });

  describe("the delivery log", () => {
    let rule: AlertRuleView;
    let other: AlertRuleView;
    const ids = { a1: 0, a2: 0, b1: 0, c1: 0 };

    /** A notification and its deliveries, as the decision side and the worker write them. */
    const fire = async (
      ruleId: number,
      errorId: number | null,
      kind: string,
      deliveries: { channelId: number; status: string; attempts: { code: number | null }[] }[],
    ) => {
      const [notification] = resultRows<{ id: number }>(
        await handle.db.execute(sql`
          INSERT INTO alert_notifications (rule_id, project_id, error_id, kind, context)
          VALUES (${ruleId}, ${projectId}, ${errorId}, ${kind},
            ${JSON.stringify({ title: `Error ${errorId}` })}::jsonb)
          RETURNING id::float8 AS id`),
      );
      const made: number[] = [];
      for (const delivery of deliveries) {
        const [row] = resultRows<{ id: number }>(
          await handle.db.execute(sql`
            INSERT INTO alert_deliveries (notification_id, channel_id, status, attempts,
              last_error, delivered_at)
            VALUES (${notification?.id}, ${delivery.channelId}, ${delivery.status},
              ${delivery.attempts.length},
              ${delivery.status === "delivered" ? null : "HTTP 500"},
              ${delivery.status === "delivered" ? sql`now()` : null})
            RETURNING id::float8 AS id`),
        );
        for (const [i, attempt] of delivery.attempts.entries()) {
          await handle.db.execute(sql`
            INSERT INTO alert_attempts (delivery_id, at, status_code, error, duration_ms)
            VALUES (${row?.id}, now() + make_interval(secs => ${i}), ${attempt.code},
              ${attempt.code === 200 ? null : "failed"}, ${10 + i})`);
        }
        made.push(row?.id as number);
      }
      return made;
    };

    beforeAll(async () => {
      rule = await create(
        minimal({
          name: "Logged",
          channels: [
            { type: "webhook", url: "https://hook.example.test/secret/path" },
            { type: "email", to: ["ops@example.test"] },
          ],
        }),
      );
      other = await create(minimal({ name: "Other" }));
      const [webhook, email] = rule.channels.map((c) => c.id) as [number, number];
      const slack = other.channels[0]?.id as number;
      [ids.a1, ids.a2] = (await fire(rule.id, 101, "newError", [
        { channelId: webhook, status: "delivered", attempts: [{ code: 500 }, { code: 200 }] },
        { channelId: email, status: "failed", attempts: [{ code: null }] },
      ])) as [number, number];
      [ids.b1] = (await fire(other.id, 102, "regression", [
        { channelId: slack, status: "pending", attempts: [] },
      ])) as [number];
      [ids.c1] = (await fire(rule.id, null, "test", [
        { channelId: webhook, status: "delivered", attempts: [{ code: 200 }] },
      ])) as [number];
    });

    const log = async (query: string, userId = member.user.id) =>
      listAlertDeliveries(handle.db, {
        userId,
        project: projectId,
        params: new URLSearchParams(query),
      });

    it("lists newest first with rule, error, channel target (no URL path), status", async () => {
      const page = await log("");
      expect(page.items.map((item) => item.id)).toEqual([ids.c1, ids.b1, ids.a2, ids.a1]);
      expect(page.nextCursor).toBeNull();
      const first = page.items.find((item) => item.id === ids.a1);
      expect(first).toMatchObject({
        ruleId: rule.id,
        ruleName: "Logged",
        errorId: 101,
        errorTitle: "Error 101",
        kind: "newError",
        channel: { type: "webhook", target: "https://hook.example.test/…" },
        status: "delivered",
        attempts: 2,
        lastError: null,
        nextAttemptAt: null,
      });
      expect(first?.deliveredAt).toEqual(expect.any(String));
      expect(page.items.find((item) => item.id === ids.b1)?.nextAttemptAt).toEqual(
        expect.any(String),
      );
      expect(JSON.stringify(page)).not.toContain("/secret/path");
    });

    it("filters by status, rule, error and channel type, and pages", async () => {
      const idsOf = async (query: string) => (await log(query)).items.map((item) => item.id);
      expect(await idsOf("status=failed")).toEqual([ids.a2]);
      expect(await idsOf("status=pending")).toEqual([ids.b1]);
      expect(await idsOf(`ruleId=${other.id}`)).toEqual([ids.b1]);
      expect(await idsOf("errorId=101")).toEqual([ids.a2, ids.a1]);
      expect(await idsOf("channel=email")).toEqual([ids.a2]);
      expect(await idsOf(`channel=webhook&ruleId=${rule.id}&status=delivered`)).toEqual([
        ids.c1,
        ids.a1,
      ]);
      const first = await log("limit=3");
      expect(first.items).toHaveLength(3);
      const second = await log(`limit=3&cursor=${first.nextCursor}`);
      expect(second.items.map((item) => item.id)).toEqual([ids.a1]);
      expect(second.nextCursor).toBeNull();
      for (const [query, path] of [
        ["status=lost", "status"],
        ["channel=pager", "channel"],
        ["ruleId=x", "ruleId"],
        ["errorId=-1", "errorId"],
        ["limit=0", "limit"],
      ]) {
        expect(await refusal(log(query as string))).toEqual({ kind: "invalid", paths: [path] });
      }
      expect(await refusal(log("", stranger.user.id))).toMatchObject({ kind: "not_found" });
    });

    it("shows one delivery's attempts, oldest first", async () => {
      const { delivery, attempts } = await getAlertDelivery(handle.db, {
        userId: member.user.id,
        project: projectId,
        deliveryId: ids.a1,
      });
      expect(delivery.id).toBe(ids.a1);
      expect(attempts).toEqual([
        { at: expect.any(String), statusCode: 500, error: "failed", durationMs: 10 },
        { at: expect.any(String), statusCode: 200, error: null, durationMs: 11 },
      ]);
      const byDelivery = await attemptsOfDeliveries(handle.db, [{ id: ids.a1 }, { id: ids.b1 }]);
      expect(byDelivery.get(ids.a1)).toHaveLength(2);
      expect(byDelivery.get(ids.b1)).toBeUndefined();
      for (const [userId, deliveryId] of [
        [stranger.user.id, ids.a1],
        [owner.user.id, 99999999],
        [owner.user.id, "x"],
      ]) {
        expect(
          await refusal(
            getAlertDelivery(handle.db, {
              userId: userId as number,
              project: projectId,
              deliveryId: deliveryId as number,
            }),
          ),
        ).toMatchObject({ kind: "not_found" });
      }
    });

    it("lists the alerts an error triggered, to members of its project only", async () => {
      const alerts = await listAlertsOfError(handle.db, { userId: member.user.id, errorId: 101 });
      expect(alerts).toHaveLength(1);
      expect(alerts[0]).toMatchObject({
        ruleId: rule.id,
        ruleName: "Logged",
        kind: "newError",
        deliveries: [
          { id: ids.a1, status: "delivered", channel: { type: "webhook" } },
          { id: ids.a2, status: "failed", channel: { type: "email", target: "ops@example.test" } },
        ],
      });
      expect(
        await listAlertsOfError(handle.db, { userId: stranger.user.id, errorId: 101 }),
      ).toEqual([]);
    });

    it("flags a channel that keeps failing", async () => {
      const email = rule.channels[1]?.id as number;
      await handle.db.execute(
        sql`UPDATE alert_channels SET consecutive_failures = 2 WHERE id = ${email}`,
      );
      const twice = await getAlertRule(handle.db, {
        userId: member.user.id,
        project: projectId,
        ruleId: rule.id,
      });
      expect(twice.channels[1]).toMatchObject({ failing: false, consecutiveFailures: 2 });
      await handle.db.execute(
        sql`UPDATE alert_channels SET consecutive_failures = 3, last_failure_at = now() WHERE id = ${email}`,
      );
      const thrice = await getAlertRule(handle.db, {
        userId: member.user.id,
        project: projectId,
        ruleId: rule.id,
      });
      expect(thrice.channels[1]).toMatchObject({ failing: true, consecutiveFailures: 3 });
      expect(thrice.channels[1]?.lastFailureAt).toEqual(expect.any(String));
    });

    it("drops a removed channel's deliveries with it", async () => {
      const email = rule.channels[1]?.id as number;
      await patch(rule.id, { channels: [{ id: rule.channels[0]?.id, type: "webhook" }] });
      expect(email).toBeGreaterThan(0);
      expect((await log(`ruleId=${rule.id}`)).items.map((item) => item.id)).toEqual([
        ids.c1,
        ids.a1,
      ]);
    });
  });
});
