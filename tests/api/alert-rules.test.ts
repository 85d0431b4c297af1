import { beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { SIGNATURE_HEADER, verifyWebhookSignature } from "@/lib/alerts/formats/webhook";
import {
  alertDeliveryDetailSchema,
  alertDeliveryListSchema,
  alertRuleListSchema,
  alertRuleSchema,
  alertTestResultSchema,
} from "@/lib/schemas/alerts";
import { addMember, api, signUp, type TestAccount, uniqueEmail } from "../support/api";
import { issuePaths } from "../support/errors";
import { startReceiver } from "../support/receivers";

/** The documented response schema accepts the real answer. */
function conforms(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value);
  expect(result.success ? [] : result.error.issues, JSON.stringify(value).slice(0, 500)).toEqual(
    [],
  );
}

// The API suite's server runs with ALLOW_PRIVATE_WEBHOOKS=true (scripts/test/test.ts): channel
// URLs may point at the receivers these tests start on 127.0.0.1 (lib/alerts/rules.test.ts
// checks the refusals).
const SLACK = "https://localhost/services/T0001/B0001/SLACKWEBHOOKTOKEN";
const rulesPath = (project: number | string) => `/api/projects/${project}/alert-rules`;
const deliveriesPath = (project: number | string) => `/api/projects/${project}/alert-deliveries`;

const rule = (overrides: Record<string, unknown> = {}) => ({
  name: "Production errors",
  triggers: ["newError", "regression"],
  environments: ["production"],
  minLevel: "error",
  channels: [
    { type: "webhook", url: "https://localhost:8443/hooks/abc" },
    { type: "email", to: ["ops@example.test"] },
  ],
  ...overrides,
});

describe("alert rules", () => {
  let owner: TestAccount;
  let member: TestAccount;
  let stranger: TestAccount;
  beforeAll(async () => {
    [owner, member, stranger] = await Promise.all([
      signUp({ name: "Owner" }),
      signUp({ name: "Member" }),
      signUp({ name: "Stranger" }),
    ]);
    await addMember(owner.token, owner.project.id, member);
  });

  it("creates a rule: 201 with the generated webhook secret, shown only in that answer", async () => {
    const created = await api(rulesPath(owner.project.id), { token: owner.token, json: rule() });
    expect(created.status).toBe(201);
    conforms(alertRuleSchema, created.body);
    expect(created.body).toMatchObject({
      id: expect.any(Number),
      projectId: owner.project.id,
      name: "Production errors",
      enabled: true,
      triggers: ["newError", "regression"],
      environments: ["production"],
      minLevel: "error",
      cooldownMinutes: 30,
      digestThreshold: 5,
      createdBy: { id: owner.userId, name: "Owner" },
    });
    const [webhook, email] = created.body.channels;
    expect(webhook).toMatchObject({
      type: "webhook",
      target: "https://localhost:8443/…",
      hasSecret: true,
      failing: false,
    });
    expect(webhook.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(email).toMatchObject({ type: "email", to: ["ops@example.test"], hasSecret: false });
    expect(email).not.toHaveProperty("secret");

    // By slug too, and by a member: the secret and the URL's path never again.
    for (const [token, project] of [
      [owner.token, owner.project.slug],
      [member.token, owner.project.id],
    ] as const) {
      const list = await api(rulesPath(project), { token });
      expect(list.status).toBe(200);
      conforms(alertRuleListSchema, list.body);
      expect(list.body.items.map((item: { id: number }) => item.id)).toContain(created.body.id);
      expect(list.text).not.toContain(webhook.secret);
      expect(list.text).not.toContain("/hooks/abc");
      const one = await api(`${rulesPath(project)}/${created.body.id}`, { token });
      expect(one.status).toBe(200);
      conforms(alertRuleSchema, one.body);
      expect(one.body.channels[0]).toEqual({ ...webhook, secret: undefined });
      expect(one.text).not.toContain(webhook.secret);
    }
  });

  it.each([
    ["no trigger", { triggers: [] }, ["triggers"]],
    ["an unknown trigger", { triggers: ["often"] }, ["triggers.0"]],
    [
      "a frequency of 0 events",
      { triggers: [{ frequency: { count: 0, minutes: 5 } }] },
      ["triggers.0.frequency.count"],
    ],
    ["no channel", { channels: [] }, ["channels"]],
    ["a webhook without url", { channels: [{ type: "webhook" }] }, ["channels.0.url"]],
    [
      "a javascript: url",
      { channels: [{ type: "slack", url: "javascript:alert(1)" }] },
      ["channels.0.url"],
    ],
    ["an email channel without to", { channels: [{ type: "email" }] }, ["channels.0.to"]],
    [
      "an invalid address",
      { channels: [{ type: "email", to: ["not an email"] }] },
      ["channels.0.to.0"],
    ],
    ["six channels", { channels: Array(6).fill({ type: "slack", url: SLACK }) }, ["channels"]],
    ["a cooldown of two days", { cooldownMinutes: 2880 }, ["cooldownMinutes"]],
    ["an unknown level", { minLevel: "loud" }, ["minLevel"]],
    ["no name", { name: "" }, ["name"]],
  ])("refuses %s with 422 naming the field", async (_label, overrides, paths) => {
    const res = await api(rulesPath(owner.project.id), {
      token: owner.token,
      json: rule(overrides),
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("validation_failed");
    expect(issuePaths(res.body)).toEqual(paths);
  });

  it("refuses bodies that are not JSON objects", async () => {
    const bad = await api(rulesPath(owner.project.id), {
      token: owner.token,
      body: "{nope",
      headers: { "content-type": "application/json" },
    });
    expect(bad.status).toBe(400);
    const form = await api(rulesPath(owner.project.id), {
      token: owner.token,
      body: "name=x",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(form.status).toBe(415);
    const array = await api(rulesPath(owner.project.id), { token: owner.token, json: [] });
    expect(array.status).toBe(422);
  });

  it("members read but may not create, edit or delete (403); strangers get 404", async () => {
    const created = await api(rulesPath(owner.project.id), { token: owner.token, json: rule() });
    const one = `${rulesPath(owner.project.id)}/${created.body.id}`;
    expect(
      (await api(rulesPath(owner.project.id), { token: member.token, json: rule() })).status,
    ).toBe(403);
    // Refused before the body is looked at.
    expect((await api(rulesPath(owner.project.id), { token: member.token, json: {} })).status).toBe(
      403,
    );
    expect(
      (await api(one, { method: "PATCH", token: member.token, json: { name: "Mine" } })).status,
    ).toBe(403);
    expect((await api(one, { method: "DELETE", token: member.token })).status).toBe(403);

    for (const [method, path, json] of [
      ["GET", rulesPath(owner.project.id), undefined],
      ["POST", rulesPath(owner.project.id), rule()],
      ["GET", one, undefined],
      ["PATCH", one, { name: "Stolen" }],
      ["DELETE", one, undefined],
      ["GET", deliveriesPath(owner.project.id), undefined],
    ] as const) {
      const res = await api(path, { method, token: stranger.token, json });
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    // The owner's rule through the stranger's own project is a 404 too.
    const sideways = await api(`${rulesPath(stranger.project.id)}/${created.body.id}`, {
      token: stranger.token,
    });
    expect(sideways.status).toBe(404);
    expect((await api(`${rulesPath(owner.project.id)}/abc`, { token: owner.token })).status).toBe(
      404,
    );
    // Ingest keys cannot manage alerts.
    const asKey = await api(rulesPath(owner.project.id), { token: owner.project.ingestKey.key });
    expect(asKey.status).toBe(403);
  });

  it("edits a rule, keeps channels named by id (and their secret), rotates a secret once, deletes", async () => {
    const created = await api(rulesPath(owner.project.id), { token: owner.token, json: rule() });
    const path = `${rulesPath(owner.project.id)}/${created.body.id}`;
    const [webhook, email] = created.body.channels;

    const renamed = await api(path, {
      method: "PATCH",
      token: owner.token,
      json: {
        name: "Renamed",
        enabled: false,
        triggers: [{ frequency: { count: 50, minutes: 10 } }],
      },
    });
    expect(renamed.status).toBe(200);
    conforms(alertRuleSchema, renamed.body);
    expect(renamed.body).toMatchObject({
      name: "Renamed",
      enabled: false,
      triggers: [{ frequency: { count: 50, minutes: 10 } }],
    });
    expect(renamed.body.channels.map((c: { id: number }) => c.id)).toEqual([webhook.id, email.id]);
    expect(renamed.text).not.toContain(webhook.secret);

    const edited = await api(path, {
      method: "PATCH",
      token: owner.token,
      json: {
        channels: [
          { id: webhook.id, type: "webhook", rotateSecret: true },
          { type: "slack", url: SLACK },
        ],
      },
    });
    expect(edited.status).toBe(200);
    const [kept, slack] = edited.body.channels;
    expect(kept).toMatchObject({ id: webhook.id, target: "https://localhost:8443/…" });
    expect(kept.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(kept.secret).not.toBe(webhook.secret);
    expect(slack).toMatchObject({ type: "slack", target: "https://localhost/…" });
    expect(edited.text).not.toContain("SLACKWEBHOOKTOKEN");
    const read = await api(path, { token: owner.token });
    expect(read.body.channels.map((c: { id: number }) => c.id)).toEqual([webhook.id, slack.id]);
    expect(read.text).not.toContain(kept.secret);

    const wrongChannel = await api(path, {
      method: "PATCH",
      token: owner.token,
      json: { channels: [{ id: email.id, type: "email", to: ["x@example.test"] }] },
    });
    expect(wrongChannel.status).toBe(422);
    expect(issuePaths(wrongChannel.body)).toEqual(["channels.0.id"]);
    const nothing = await api(path, { method: "PATCH", token: owner.token, json: {} });
    expect(nothing.status).toBe(422);

    expect((await api(path, { method: "DELETE", token: owner.token })).status).toBe(204);
    expect((await api(path, { token: owner.token })).status).toBe(404);
    expect((await api(path, { method: "DELETE", token: owner.token })).status).toBe(404);
    expect(
      (await api(path, { method: "PATCH", token: owner.token, json: { name: "Gone" } })).status,
    ).toBe(404);
  });

  it("keeps a project to 50 rules (409)", async () => {
    const solo = await signUp();
    const body = rule({ channels: [{ type: "email", to: [uniqueEmail()] }] });
    for (let i = 0; i < 50; i++) {
      const res = await api(rulesPath(solo.project.id), { token: solo.token, json: body });
      expect(res.status).toBe(201);
    }
    const over = await api(rulesPath(solo.project.id), { token: solo.token, json: body });
    expect(over.status).toBe(409);
    expect(over.body.error.message).toMatch(/at most 50/);
  });
});

describe("the delivery log", () => {
  let owner: TestAccount;
  let member: TestAccount;
  beforeAll(async () => {
    [owner, member] = await Promise.all([signUp(), signUp()]);
    await addMember(owner.token, owner.project.id, member);
  });

  it("logs a test send per channel, with its attempts, filtered by status, rule, error and channel", async () => {
    const good = await startReceiver(() => ({ status: 204 }));
    const bad = await startReceiver(() => ({ status: 503, body: "down for maintenance" }));
    try {
      const created = await api(rulesPath(owner.project.id), {
        token: owner.token,
        json: rule({
          name: "Tested",
          channels: [
            { type: "webhook", url: `${good.url}/hooks/secret-path` },
            { type: "discord", url: `${bad.url}/api/webhooks/1/token` },
          ],
        }),
      });
      expect(created.status).toBe(201);
      const secret = created.body.channels[0].secret as string;
      const [webhook, discord] = created.body.channels;
      const testPath = `${rulesPath(owner.project.id)}/${created.body.id}/test`;

      expect((await api(testPath, { method: "POST", token: member.token })).status).toBe(403);
      expect(good.requests).toHaveLength(0);

      const sent = await api(testPath, { method: "POST", token: owner.token });
      expect(sent.status).toBe(200);
      conforms(alertTestResultSchema, sent.body);
      expect(sent.body.deliveries).toEqual([
        {
          channelId: webhook.id,
          type: "webhook",
          target: `${good.url}/…`,
          status: "delivered",
          lastError: null,
        },
        {
          channelId: discord.id,
          type: "discord",
          target: `${bad.url}/…`,
          status: "failed",
          lastError: expect.stringContaining("503"),
        },
      ]);
      // A real request reached the receiver, signed with the secret shown at creation.
      expect(good.requests).toHaveLength(1);
      expect(good.requests[0]?.path).toBe("/hooks/secret-path");
      expect(good.requests[0]?.body).toContain("Test alert from Error Central");
      const signature = good.requests[0]?.headers[SIGNATURE_HEADER.toLowerCase()];
      expect(
        verifyWebhookSignature(signature as string, good.requests[0]?.body ?? "", secret),
      ).toBe(true);
      expect(bad.requests).toHaveLength(1);

      // Members read the log: newest first, the channel's host only.
      const log = await api(deliveriesPath(owner.project.id), { token: member.token });
      expect(log.status).toBe(200);
      conforms(alertDeliveryListSchema, log.body);
      expect(log.text).not.toContain("secret-path");
      expect(log.text).not.toContain(secret);
      const [failed, delivered] = log.body.items;
      expect(failed).toMatchObject({
        ruleId: created.body.id,
        ruleName: "Tested",
        errorId: null,
        errorTitle: "Test alert from Error Central",
        kind: "test",
        channel: { id: discord.id, type: "discord", target: `${bad.url}/…` },
        status: "failed",
        attempts: 1,
        lastError: expect.stringContaining("503"),
      });
      expect(delivered).toMatchObject({
        channel: { id: webhook.id, type: "webhook" },
        status: "delivered",
        attempts: 1,
        lastError: null,
        deliveredAt: expect.any(String),
        nextAttemptAt: null,
      });

      const ids = async (query: string) =>
        (
          await api(`${deliveriesPath(owner.project.id)}?${query}`, { token: owner.token })
        ).body.items.map((item: { id: number }) => item.id);
      expect(await ids("status=failed")).toEqual([failed.id]);
      expect(await ids("status=delivered")).toEqual([delivered.id]);
      expect(await ids("channel=webhook")).toEqual([delivered.id]);
      expect(await ids("channel=email")).toEqual([]);
      expect(await ids(`ruleId=${created.body.id}`)).toEqual([failed.id, delivered.id]);
      expect(await ids("ruleId=999999999")).toEqual([]);
      expect(await ids("errorId=1")).toEqual([]);
      const page = await api(`${deliveriesPath(owner.project.id)}?limit=1`, { token: owner.token });
      expect(page.body.items.map((item: { id: number }) => item.id)).toEqual([failed.id]);
      const next = await api(
        `${deliveriesPath(owner.project.id)}?limit=1&cursor=${page.body.nextCursor}`,
        { token: owner.token },
      );
      expect(next.body.items.map((item: { id: number }) => item.id)).toEqual([delivered.id]);

      // One delivery with its attempts.
      const one = await api(`${deliveriesPath(owner.project.id)}/${failed.id}`, {
        token: member.token,
      });
      expect(one.status).toBe(200);
      conforms(alertDeliveryDetailSchema, one.body);
      expect(one.body.delivery.id).toBe(failed.id);
      expect(one.body.attempts).toEqual([
        {
          at: expect.any(String),
          statusCode: 503,
          error: expect.stringContaining("503"),
          durationMs: expect.any(Number),
        },
      ]);
      const stranger = await signUp();
      expect(
        (await api(`${deliveriesPath(owner.project.id)}/${failed.id}`, { token: stranger.token }))
          .status,
      ).toBe(404);
      expect(
        (
          await api(`${deliveriesPath(stranger.project.id)}/${failed.id}`, {
            token: stranger.token,
          })
        ).status,
      ).toBe(404);

      // The rule's channel list now knows of the failure; deleting the rule takes its log.
      await api(`${rulesPath(owner.project.id)}/${created.body.id}`, {
        method: "DELETE",
        token: owner.token,
      });
      expect(
        (await api(deliveriesPath(owner.project.id), { token: owner.token })).body.items,
      ).toEqual([]);
    } finally {
      await good.close();
      await bad.close();
    }
  });

  it("flags a channel after three failed deliveries in a row", async () => {
    const down = await startReceiver(() => ({ status: 500 }));
    try {
      const created = await api(rulesPath(owner.project.id), {
        token: owner.token,
        json: rule({ name: "Flaky", channels: [{ type: "teams", url: `${down.url}/flow` }] }),
      });
      const path = `${rulesPath(owner.project.id)}/${created.body.id}`;
      for (let i = 1; i <= 3; i++) {
        await api(`${path}/test`, { method: "POST", token: owner.token });
        const read = await api(path, { token: member.token });
        expect(read.body.channels[0]).toMatchObject({
          consecutiveFailures: i,
          failing: i >= 3,
          lastFailureAt: expect.any(String),
        });
      }
    } finally {
      await down.close();
    }
  });

  it("is empty before any alert, and pages and filters with clear 400s", async () => {
    const owner = await signUp();
    const res = await api(deliveriesPath(owner.project.id), { token: owner.token });
    expect(res.status).toBe(200);
    conforms(alertDeliveryListSchema, res.body);
    expect(res.body).toEqual({ items: [], nextCursor: null });
    const filtered = await api(
      `${deliveriesPath(owner.project.slug)}?status=failed&channel=slack&ruleId=1&errorId=2&limit=5`,
      { token: owner.token },
    );
    expect(filtered.status).toBe(200);
    for (const [query, name] of [
      ["status=lost", "status"],
      ["channel=pager", "channel"],
      ["ruleId=abc", "ruleId"],
      ["errorId=0", "errorId"],
      ["limit=101", "limit"],
      ["cursor=x", "cursor"],
    ]) {
      const bad = await api(`${deliveriesPath(owner.project.id)}?${query}`, { token: owner.token });
      expect(bad.status, query).toBe(400);
      expect(issuePaths(bad.body), query).toEqual([name]);
    }
    const missing = await api(`${deliveriesPath(owner.project.id)}/999999999`, {
      token: owner.token,
    });
    expect(missing.status).toBe(404);
  });

  it("answers in the request's language: URL refusals, attempt errors, log filters; codes unchanged", async () => {
    const PT = { "accept-language": "pt-BR,pt;q=0.9" };
    const owner = await signUp();
    const refused = await api(rulesPath(owner.project.id), {
      token: owner.token,
      headers: PT,
      json: rule({ channels: [{ type: "slack", url: "https://user:pw@hooks.example.test/x" }] }),
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe("validation_failed");
    expect(refused.body.error.issues).toEqual([
      {
        path: ["channels", 0, "url"],
        message: "A URL do webhook não pode conter nome de usuário nem senha.",
      },
    ]);

    const moved = await startReceiver(() => ({
      status: 301,
      headers: { location: "https://hooks.example.test/new" },
    }));
    try {
      const created = await api(rulesPath(owner.project.id), {
        token: owner.token,
        json: rule({ channels: [{ type: "slack", url: `${moved.url}/old` }] }),
      });
      expect(created.status).toBe(201);
      const testPath = `${rulesPath(owner.project.id)}/${created.body.id}/test`;
      const sent = await api(testPath, { method: "POST", token: owner.token, headers: PT });
      expect(sent.body.deliveries[0]).toMatchObject({
        status: "failed",
        lastError:
          "redirecionamento (301 para https://hooks.example.test/new) não seguido: use a URL final",
      });
      // The same delivery, read in each language.
      const en = await api(deliveriesPath(owner.project.id), { token: owner.token });
      const pt = await api(deliveriesPath(owner.project.id), { token: owner.token, headers: PT });
      expect(en.body.items[0].lastError).toBe(
        "redirect (301 to https://hooks.example.test/new) not followed: use the final URL",
      );
      expect(pt.body.items[0].lastError).toBe(sent.body.deliveries[0].lastError);
      const one = await api(`${deliveriesPath(owner.project.id)}/${pt.body.items[0].id}`, {
        token: owner.token,
        headers: PT,
      });
      expect(one.body.attempts[0]).toMatchObject({
        statusCode: 301,
        error: sent.body.deliveries[0].lastError,
      });
    } finally {
      await moved.close();
    }

    const bad = await api(`${deliveriesPath(owner.project.id)}?status=lost`, {
      token: owner.token,
      headers: PT,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("invalid_parameter");
    expect(bad.body.error.issues).toEqual([
      { path: ["status"], message: "status deve ser um de: pending, delivered, failed" },
    ]);
  });
});
