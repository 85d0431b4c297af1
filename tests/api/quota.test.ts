import { describe, expect, it } from "vitest";
import { addMember, api, signUp } from "../support/api";
import { postStore } from "../support/sentry";

describe("per-project ingest quota", () => {
  it("refuses events past the quota with 429 and Sentry's rate-limit headers", async () => {
    const account = await signUp();
    const other = await signUp();
    const set = await api(`/api/projects/${account.project.id}`, {
      method: "PATCH",
      token: account.token,
      json: { eventsPerMinute: 5 },
    });
    expect(set.status, set.text).toBe(200);
    expect(set.body.eventsPerMinute).toBe(5);

    const key = account.project.ingestKey.key;
    const four = await api("/api/events", {
      token: key,
      json: { events: [1, 2, 3, 4].map((i) => ({ title: `quota ${i}` })) },
    });
    expect(four.status).toBe(201);
    const two = await api("/api/events", {
      token: key,
      json: { events: [{ title: "quota 5" }, { title: "quota 6" }] },
    });
    expect(two.status).toBe(429);
    expect(Number(two.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(two.headers.get("x-sentry-rate-limits")).toMatch(
      /^\d+:default;error:project:quota_exceeded$/,
    );
    expect(two.body.error.code).toBe("quota_exceeded");

    const sentry = await postStore(account, { message: "over quota", event_id: "e".repeat(32) });
    expect(sentry.status).toBe(429);
    expect(sentry.headers.get("x-sentry-rate-limits")).toMatch(/quota_exceeded/);
    expect(sentry.headers.get("retry-after")).toBeTruthy();

    // Nothing past the quota was stored; another project is unaffected.
    const list = await api("/api/errors?environment=all&status=all", { token: account.token });
    expect(list.body.items.reduce((sum: number, e: { count: number }) => sum + e.count, 0)).toBe(4);
    expect(
      (await api("/api/events", { token: other.project.ingestKey.key, json: { title: "fine" } }))
        .status,
    ).toBe(201);

    // Lifting the quota takes effect at once.
    const lift = await api(`/api/projects/${account.project.id}`, {
      method: "PATCH",
      token: account.token,
      json: { eventsPerMinute: null },
    });
    expect(lift.body.eventsPerMinute).toBeNull();
    expect(
      (await api("/api/events", { token: key, json: { title: "after lifting" } })).status,
    ).toBe(201);
  });

  it("validates the quota and lets only owners set it", async () => {
    const account = await signUp();
    for (const value of [0, -1, 1.5, "10"]) {
      const res = await api(`/api/projects/${account.project.id}`, {
        method: "PATCH",
        token: account.token,
        json: { eventsPerMinute: value },
      });
      expect(res.status, String(value)).toBe(422);
      expect(res.body.error.issues[0].path).toEqual(["eventsPerMinute"]);
    }
    const empty = await api(`/api/projects/${account.project.id}`, {
      method: "PATCH",
      token: account.token,
      json: {},
    });
    expect(empty.status).toBe(422);
    const member = await signUp();
    await addMember(account.token, account.project.id, member);
    const res = await api(`/api/projects/${account.project.id}`, {
      method: "PATCH",
      token: member.token,
      json: { eventsPerMinute: 10 },
    });
    expect(res.status).toBe(403);
  });
});
