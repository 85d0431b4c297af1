import { describe, expect, it } from "vitest";
import { addMember, api, signUp, type TestAccount } from "../support/api";
import { errorItems, ingestOne, issuePaths } from "../support/errors";

/**
 * The triage loop over HTTP (DESIGN.md, "Resolve, archive, regressions"): the suite runs on
 * PGlite and on PostgreSQL, each through its own server.
 */
const send = (account: TestAccount, title: string, release?: string, eventId?: string) =>
  ingestOne(account.token, {
    title,
    fingerprint: [title],
    ...(release ? { release } : {}),
    ...(eventId ? { eventId } : {}),
  });
const patch = (account: TestAccount, id: number, json: unknown) =>
  api(`/api/errors/${id}`, { method: "PATCH", token: account.token, json });
const bulk = (account: TestAccount, json: unknown) =>
  api("/api/errors/bulk", { token: account.token, json });
const detail = async (account: TestAccount, id: number) => {
  const res = await api(`/api/errors/${id}`, { token: account.token });
  expect(res.status).toBe(200);
  return res.body;
};
const activity = async (account: TestAccount, id: number) => {
  const res = await api(`/api/errors/${id}/activity`, { token: account.token });
  expect(res.status).toBe(200);
  return res.body.items as {
    kind: string;
    actor: { id: number; name: string } | null;
    detail: any;
  }[];
};
const openIds = async (account: TestAccount) =>
  (await errorItems(account.token)).map((item) => item.id);

describe("resolve", () => {
  it("in next release: the same release and an older one stay resolved, a newer one regresses it with the reason", async () => {
    const account = await signUp({ name: "Resolver" });
    const { errorId: id } = await send(account, "Checkout total is NaN", "shop@1.4.2");
    await send(account, "Checkout total is NaN", "shop@1.4.1");
    await send(account, "Checkout total is NaN", "shop@1.4.2");

    const resolved = await patch(account, id, { status: "resolved", resolve: "inNextRelease" });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({
      status: "resolved",
      regressedAt: null,
      resolution: { kind: "inNextRelease", inRelease: "shop@1.4.2" },
    });
    expect(await openIds(account)).not.toContain(id);

    await send(account, "Checkout total is NaN", "shop@1.4.2");
    expect((await detail(account, id)).status).toBe("resolved");
    await send(account, "Checkout total is NaN", "shop@1.3.9");
    expect((await detail(account, id)).status).toBe("resolved");
    await send(account, "Checkout total is NaN");
    expect((await detail(account, id)).status).toBe("resolved");

    const reopener = await send(account, "Checkout total is NaN", "shop@1.5.0", "newer-release-1");
    const after = await detail(account, id);
    expect(after).toMatchObject({
      status: "open",
      substatus: "regressed",
      reopened: {
        reason: "regression",
        resolution: "inNextRelease",
        resolvedBy: { id: account.userId, name: "Resolver" },
        eventId: "newer-release-1",
        eventRef: reopener.id,
        release: "shop@1.5.0",
      },
    });
    expect(Date.parse(after.regressedAt)).not.toBeNaN();
    expect(Date.parse(after.reopened.resolvedAt)).not.toBeNaN();

    // Back in the main list, marked.
    const [item] = (await errorItems(account.token)).filter((row) => row.id === id);
    expect(item).toMatchObject({ status: "open", substatus: "regressed" });

    const kinds = (await activity(account, id)).map((entry) => [
      entry.kind,
      entry.actor?.name ?? null,
    ]);
    expect(kinds).toEqual([
      ["regression", null],
      ["resolved", "Resolver"],
    ]);
  });

  it("now: any later event regresses it, even one without a release", async () => {
    const account = await signUp();
    const { errorId: id } = await send(account, "Session expired loop", "2.0.0");
    expect((await patch(account, id, { status: "resolved", resolve: "now" })).status).toBe(200);
    await send(account, "Session expired loop");
    expect(await detail(account, id)).toMatchObject({
      status: "open",
      substatus: "regressed",
      reopened: { reason: "regression", resolution: "now", release: null },
    });
  });

  it("an event racing a resolve is either before it (resolved, not counted after) or regresses it", async () => {
    const account = await signUp();
    for (let round = 0; round < 8; round++) {
      const title = `Raced ${round}`;
      const { errorId: id } = await send(account, title);
      const [resolved] = await Promise.all([
        patch(account, id, { status: "resolved" }),
        send(account, title),
        send(account, title),
      ]);
      expect(resolved.status).toBe(200);
      const after = await detail(account, id);
      expect(after.count).toBe(3);
      if (after.status === "resolved") {
        expect(after.substatus).toBeNull();
      } else {
        expect(after).toMatchObject({ status: "open", substatus: "regressed" });
        expect((await activity(account, id)).map((entry) => entry.kind)).toEqual([
          "regression",
          "resolved",
        ]);
      }
    }
  });
});

describe("archive with a condition", () => {
  it("until 5 more events: counts them while archived, then comes back to the main list as escalating", async () => {
    const account = await signUp();
    const { errorId: id } = await send(account, "Noisy cron warning");
    const archived = await patch(account, id, { status: "archived", archive: { untilEvents: 5 } });
    expect(archived.status).toBe(200);
    expect(archived.body).toMatchObject({ status: "archived", archive: { untilEvents: 5 } });

    for (let i = 0; i < 4; i++) await send(account, "Noisy cron warning");
    expect(await openIds(account)).not.toContain(id);
    const [hidden] = await errorItems(account.token, { status: "archived" });
    expect(hidden).toMatchObject({ id, status: "archived", eventsSinceStatus: 4 });
    expect((await detail(account, id)).archive).toMatchObject({ eventsSinceArchived: 4 });

    await send(account, "Noisy cron warning");
    expect(await openIds(account)).toContain(id);
    expect(await detail(account, id)).toMatchObject({
      status: "open",
      substatus: "escalating",
      reopened: { reason: "escalation", condition: { untilEvents: 5 }, eventsSinceArchived: 5 },
    });
    expect((await activity(account, id)).map((entry) => entry.kind)).toEqual([
      "escalation",
      "archived",
    ]);
  });

  it("refuses conditions that cannot hold, naming the field", async () => {
    const account = await signUp();
    const { errorId: id } = await send(account, "Validated");
    const cases: [unknown, string][] = [
      [{ status: "archived", archive: { until: "2001-01-01T00:00:00Z" } }, "archive.until"],
      [{ status: "archived", archive: { untilEvents: 0 } }, "archive.untilEvents"],
      [{ status: "archived", archive: { untilRate: { count: 5 } } }, "archive.untilRate.minutes"],
      [
        { status: "archived", archive: { untilEvents: 3, untilRate: { count: 1, minutes: 1 } } },
        "archive",
      ],
      [{ status: "resolved", resolve: "someday" }, "resolve"],
      [{ status: "open", resolve: "now" }, "resolve"],
      [{ status: "resolved", archive: { untilEvents: 3 } }, "archive"],
      [{ assigneeId: "me" }, "assigneeId"],
      [{}, "status"],
    ];
    for (const [body, path] of cases) {
      const res = await patch(account, id, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(issuePaths(res.body), JSON.stringify(body)).toContain(path);
    }
  });

  it("the seed's archive and unarchive calls work as they did", async () => {
    const account = await signUp();
    const { errorId: id } = await send(account, "Seed archive");
    expect((await patch(account, id, { status: "archived" })).body).toMatchObject({
      status: "archived",
      archive: { until: null, untilEvents: null, untilRate: null },
    });
    expect(await openIds(account)).not.toContain(id);
    const res = await bulk(account, { ids: [id], action: "unarchive" });
    expect(res.body).toEqual({ action: "unarchive", affected: [id] });
    expect(await openIds(account)).toContain(id);
  });
});

describe("assignee", () => {
  it("is one project member or nobody, set one by one or in bulk, filtered and recorded", async () => {
    const owner = await signUp({ name: "Owner Olga" });
    const member = await signUp({ name: "Member Marcos" });
    const stranger = await signUp({ name: "Stranger" });
    await addMember(owner.token, owner.project.id, member);
    const { errorId: a } = await send(owner, "Assigned A");
    const { errorId: b } = await send(owner, "Assigned B");
    const { errorId: c } = await send(owner, "Unassigned C");

    const refused = await patch(owner, a, { assigneeId: stranger.userId });
    expect(refused.status).toBe(422);
    expect(issuePaths(refused.body)).toContain("assigneeId");

    const one = await patch(owner, a, { assigneeId: member.userId });
    expect(one.status).toBe(200);
    expect(one.body.assignee).toEqual({ id: member.userId, name: "Member Marcos" });
    const many = await bulk(owner, { ids: [a, b], action: "assign", assigneeId: owner.userId });
    expect(many.body).toEqual({ action: "assign", affected: [a, b].sort((x, y) => x - y) });

    const ids = async (params: Record<string, string>) =>
      (await errorItems(owner.token, params)).map((item) => item.id).sort((x, y) => x - y);
    expect(await ids({ assignee: "me" })).toEqual([a, b].sort((x, y) => x - y));
    expect(await ids({ assignee: "none" })).toEqual([c]);
    expect(await ids({ assignee: String(owner.userId) })).toEqual([a, b].sort((x, y) => x - y));
    // The member sees the same assignments from their side.
    expect(
      (
        await errorItems(member.token, {
          project: String(owner.project.id),
          assignee: String(owner.userId),
        })
      ).map((i) => i.id).length,
    ).toBe(2);

    await patch(owner, a, { assigneeId: null });
    const entries = await activity(owner, a);
    expect(entries.map((entry) => entry.kind)).toEqual(["unassigned", "assigned", "assigned"]);
    expect(entries.every((entry) => entry.actor?.name === "Owner Olga")).toBe(true);

    // Someone else's error is not found, whatever the body.
    expect((await patch(stranger, a, { status: "resolved" })).status).toBe(404);
    expect((await api(`/api/errors/${a}/activity`, { token: stranger.token })).status).toBe(404);
  });

  it("bulk resolve takes the PATCH options and touches only the caller's errors", async () => {
    const owner = await signUp();
    const stranger = await signUp();
    const { errorId: mine } = await send(owner, "Bulk resolved", "1.0.0");
    const { errorId: theirs } = await send(stranger, "Not mine", "1.0.0");
    const res = await bulk(owner, {
      ids: [mine, theirs],
      action: "resolve",
      resolve: "inNextRelease",
    });
    expect(res.body).toEqual({ action: "resolve", affected: [mine] });
    expect((await detail(owner, mine)).resolution).toMatchObject({ kind: "inNextRelease" });
    expect((await detail(stranger, theirs)).status).toBe("open");
    const reopened = await bulk(owner, { ids: [mine], action: "reopen" });
    expect(reopened.body).toEqual({ action: "reopen", affected: [mine] });
    expect((await detail(owner, mine)).status).toBe("open");
    const missing = await bulk(owner, { ids: [mine], action: "assign" });
    expect(missing.status).toBe(422);
    expect(issuePaths(missing.body)).toContain("assigneeId");
  });
});
