import { beforeAll, describe, expect, it, test } from "vitest";
import type { z } from "zod";
import * as schemas from "@/lib/schemas/responses";
import { api, signUp, type TestAccount } from "../support/api";
import {
  errorItems,
  getEvent,
  ingest,
  ingestOne,
  issuePaths,
  listErrors,
  minutesAgo,
  postEvents,
} from "../support/errors";

/** The documented response schema accepts the real answer. */
function conforms(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value);
  expect(result.success ? [] : result.error.issues, JSON.stringify(value).slice(0, 500)).toEqual(
    [],
  );
}

describe("native events carry a release", () => {
  let account: TestAccount;
  beforeAll(async () => {
    account = await signUp();
  });

  it("stores a trimmed release", async () => {
    const ref = await ingestOne(account.token, { title: "Versioned", release: "  web@2.3.1 " });
    expect((await getEvent(account.token, ref.id)).release).toBe("web@2.3.1");
    const bare = await ingestOne(account.token, { title: "Unversioned", release: null });
    expect((await getEvent(account.token, bare.id)).release).toBeNull();
  });

  it.each([
    ["an empty release", "", /must not be empty/],
    ["a blank release", "   ", /must not be empty/],
    ["a 201-character release", "r".repeat(201), /at most 200/],
    ["a numeric release", 1.2, /must be a string/],
  ])("refuses %s with 422 naming it", async (_label, release, message) => {
    const single = await postEvents(account.token, { title: "Bad release", release });
    expect(single.status).toBe(422);
    expect(issuePaths(single.body)).toEqual(["release"]);
    expect(single.body.error.issues[0].message).toMatch(message);
    const batch = await postEvents(account.token, [{ title: "Fine" }, { title: "Bad", release }]);
    expect(batch.status).toBe(422);
    expect(issuePaths(batch.body)).toEqual(["events.1.release"]);
    expect(
      (await errorItems(account.token, { status: "all" })).map((item) => item.title).sort(),
    ).toEqual(["Unversioned", "Versioned"]);
  });
});

describe("releases, the release filter and the error's releases", () => {
  let account: TestAccount;
  let checkout: number;
  let cart: number;
  let deletable: number;
  const t = (minutes: number) => minutesAgo(minutes, Date.parse("2026-11-27T12:00:00Z"));

  beforeAll(async () => {
    account = await signUp();
    // 1.0.0 first: "Checkout failed" twice. Then 1.1.0: "Checkout failed" again and "Cart
    // failed" (new in 1.1.0) twice.
    const first = await ingest(account.token, [
      { title: "Checkout failed", release: "1.0.0", timestamp: t(60) },
      { title: "Checkout failed", release: "1.0.0", timestamp: t(50) },
    ]);
    checkout = first[0]?.errorId as number;
    deletable = first[1]?.id as number;
    const second = await ingest(account.token, [
      { title: "Checkout failed", release: "1.1.0", timestamp: t(30) },
      { title: "Cart failed", release: "1.1.0", timestamp: t(20) },
      { title: "Cart failed", release: "1.1.0", timestamp: t(10) },
      { title: "No release", timestamp: t(5) },
    ]);
    cart = second[1]?.errorId as number;
  });

  const releases = (project: string | number, query = "", token = account.token) =>
    api(`/api/projects/${project}/releases${query}`, { token });

  it("lists the project's releases newest first with events, times and new errors", async () => {
    const res = await releases(account.project.id);
    expect(res.status).toBe(200);
    conforms(schemas.releaseListSchema, res.body);
    expect(res.body).toEqual({
      items: [
        { name: "1.1.0", firstSeen: t(30), lastSeen: t(10), newErrors: 1, events: 3 },
        { name: "1.0.0", firstSeen: t(60), lastSeen: t(50), newErrors: 1, events: 2 },
      ],
      nextCursor: null,
    });
    // By slug too.
    expect((await releases(account.project.slug)).body.items).toHaveLength(2);
  });

  it("pages with limit and cursor, and refuses bad ones with 400", async () => {
    const first = await releases(account.project.id, "?limit=1");
    expect(first.body.items.map((item: { name: string }) => item.name)).toEqual(["1.1.0"]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await releases(
      account.project.id,
      `?limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`,
    );
    expect(second.body.items.map((item: { name: string }) => item.name)).toEqual(["1.0.0"]);
    expect(second.body.nextCursor).toBeNull();
    for (const [query, name] of [
      ["?limit=0", "limit"],
      ["?limit=101", "limit"],
      ["?cursor=abc", "cursor"],
    ]) {
      const res = await releases(account.project.id, query);
      expect(res.status, query).toBe(400);
      expect(issuePaths(res.body), query).toEqual([name]);
    }
  });

  it("answers 404 for a project that is not the caller's, 401 without a token", async () => {
    const stranger = await signUp();
    const res = await releases(account.project.id, "", stranger.token);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("not_found");
    expect((await releases(999_999_999, "", stranger.token)).status).toBe(404);
    expect((await releases(account.project.id, "", "")).status).toBe(401);
    expect((await releases(account.project.id, "", account.project.ingestKey.key)).status).toBe(
      403,
    );
  });

  it("filters the error list by release", async () => {
    const titles = async (release: string) =>
      (await errorItems(account.token, { release })).map((item) => item.title).sort();
    expect(await titles("1.0.0")).toEqual(["Checkout failed"]);
    expect(await titles("1.1.0")).toEqual(["Cart failed", "Checkout failed"]);
    expect(await titles("9.9.9")).toEqual([]);
    const long = await listErrors(account.token, { release: "r".repeat(201) });
    expect(long.status).toBe(400);
    expect(issuePaths(long.body)).toEqual(["release"]);
  });

  it("filters by assignee none, and refuses a bad assignee with 400 naming it", async () => {
    const none = await errorItems(account.token, { assignee: "none" });
    expect(none.map((item) => item.title).sort()).toEqual([
      "Cart failed",
      "Checkout failed",
      "No release",
    ]);
    expect(await errorItems(account.token, { assignee: "me" })).toEqual([]);
    for (const assignee of ["someone", "0", "-3", "1.5"]) {
      const res = await listErrors(account.token, { assignee });
      expect(res.status, assignee).toBe(400);
      expect(issuePaths(res.body), assignee).toEqual(["assignee"]);
    }
  });

  test.todo(
    "assignee=me and assignee=<id> list the errors assigned through PATCH /api/errors/:id {assigneeId} (the lead's write side)",
  );

  it("takes status=resolved and gives list items their triage fields", async () => {
    expect(await errorItems(account.token, { status: "resolved" })).toEqual([]);
    conforms(schemas.errorListSchema, (await listErrors(account.token, { status: "all" })).body);
    const [item] = await errorItems(account.token, { release: "1.0.0" });
    expect(item).toMatchObject({
      id: checkout,
      status: "open",
      substatus: null,
      regressedAt: null,
      assignee: null,
      count: 3,
      // Never triaged: every event came since its status (open) began.
      eventsSinceStatus: 3,
    });
  });

  it("shows the error's first and last release and its releases in the detail", async () => {
    const res = await api(`/api/errors/${checkout}`, { token: account.token });
    expect(res.status).toBe(200);
    conforms(schemas.errorDetailSchema, res.body);
    expect(res.body).toMatchObject({
      status: "open",
      substatus: null,
      regressedAt: null,
      assignee: null,
      firstRelease: "1.0.0",
      lastRelease: "1.1.0",
      resolution: null,
      archive: null,
      reopened: null,
      releases: [
        { name: "1.1.0", count: 1, firstSeen: t(30), lastSeen: t(30) },
        { name: "1.0.0", count: 2, firstSeen: t(60), lastSeen: t(50) },
      ],
    });
    const cartError = await api(`/api/errors/${cart}`, { token: account.token });
    expect(cartError.body).toMatchObject({
      firstRelease: "1.1.0",
      lastRelease: "1.1.0",
      releases: [{ name: "1.1.0", count: 2 }],
    });
  });

  it("counts a deleted event out of its release", async () => {
    const del = await api(`/api/events/${deletable}`, { method: "DELETE", token: account.token });
    expect(del.status).toBe(204);
    const res = await releases(account.project.id);
    expect(res.body.items).toEqual([
      { name: "1.1.0", firstSeen: t(30), lastSeen: t(10), newErrors: 1, events: 3 },
      { name: "1.0.0", firstSeen: t(60), lastSeen: t(60), newErrors: 1, events: 1 },
    ]);
    const detail = await api(`/api/errors/${checkout}`, { token: account.token });
    expect(detail.body.releases).toEqual([
      { name: "1.1.0", count: 1, firstSeen: t(30), lastSeen: t(30) },
      { name: "1.0.0", count: 1, firstSeen: t(60), lastSeen: t(60) },
    ]);
  });
});

describe("GET /api/errors/:id/activity", () => {
  it("is empty for a fresh error, and 404 for someone else's, a missing or a malformed id", async () => {
    const account = await signUp();
    const ref = await ingestOne(account.token, { title: "Quiet so far" });
    const res = await api(`/api/errors/${ref.errorId}/activity`, { token: account.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ items: [], nextCursor: null });
    conforms(schemas.activityListSchema, res.body);

    const stranger = await signUp();
    const theirs = await api(`/api/errors/${ref.errorId}/activity`, { token: stranger.token });
    expect(theirs.status).toBe(404);
    expect(theirs.body.error.code).toBe("not_found");
    for (const id of ["999999999", "abc", "0"]) {
      expect((await api(`/api/errors/${id}/activity`, { token: account.token })).status).toBe(404);
    }
    expect((await api(`/api/errors/${ref.errorId}/activity`, { token: "" })).status).toBe(401);
  });

  it("refuses a bad cursor or limit with 400 naming it", async () => {
    const account = await signUp();
    const ref = await ingestOne(account.token, { title: "Paged activity" });
    for (const [query, name] of [
      ["limit=0", "limit"],
      ["limit=101", "limit"],
      ["cursor=x", "cursor"],
    ]) {
      const res = await api(`/api/errors/${ref.errorId}/activity?${query}`, {
        token: account.token,
      });
      expect(res.status, query).toBe(400);
      expect(issuePaths(res.body), query).toEqual([name]);
    }
  });
});
