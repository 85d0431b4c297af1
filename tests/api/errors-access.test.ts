import { describe, expect, it } from "vitest";
import { addMember, api, signUp } from "../support/api";
import { errorItems, ingest, issuePaths } from "../support/errors";

const bulk = (token: string, json: unknown) => api("/api/errors/bulk", { token, json });

describe("POST /api/errors/bulk", () => {
  it("archives, unarchives and deletes several errors, reporting the ids affected", async () => {
    const account = await signUp();
    const refs = await ingest(account.token, [
      { title: "Bulk alpha" },
      { title: "Bulk beta" },
      { title: "Bulk beta" },
      { title: "Bulk gamma" },
    ]);
    const [alpha, beta, , gamma] = refs.map((ref) => ref.errorId) as [
      number,
      number,
      number,
      number,
    ];
    const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);

    const archive = await bulk(account.token, { ids: [gamma, alpha, alpha], action: "archive" });
    expect(archive.status).toBe(200);
    expect(archive.body).toEqual({ action: "archive", affected: sorted([alpha, gamma]) });
    expect((await errorItems(account.token)).map((item) => item.id)).toEqual([beta]);
    const archived = await errorItems(account.token, { status: "archived" });
    expect(sorted(archived.map((item) => item.id))).toEqual(sorted([alpha, gamma]));

    const unarchive = await bulk(account.token, { ids: [alpha, 2147483647], action: "unarchive" });
    expect(unarchive.body).toEqual({ action: "unarchive", affected: [alpha] });
    expect(sorted((await errorItems(account.token)).map((item) => item.id))).toEqual(
      sorted([alpha, beta]),
    );

    const del = await bulk(account.token, { ids: [beta, gamma], action: "delete" });
    expect(del.body).toEqual({ action: "delete", affected: sorted([beta, gamma]) });
    for (const ref of refs.slice(1)) {
      expect((await api(`/api/events/${ref.id}`, { token: account.token })).status).toBe(404);
    }
    const left = await errorItems(account.token, { status: "all", environment: "all" });
    expect(left.map((item) => [item.id, item.count])).toEqual([[alpha, 1]]);
    const again = await bulk(account.token, { ids: [beta, gamma], action: "delete" });
    expect(again.body).toEqual({ action: "delete", affected: [] });
  });

  it("leaves other users' errors alone and does not report them", async () => {
    const owner = await signUp();
    const stranger = await signUp();
    const [theirs] = await ingest(owner.token, [{ title: "Owner's error" }]);
    const [mine] = await ingest(stranger.token, [{ title: "Stranger's error" }]);
    const ids = [theirs?.errorId as number, mine?.errorId as number];
    for (const action of ["archive", "delete"]) {
      const res = await bulk(stranger.token, { ids, action });
      expect(res.status).toBe(200);
      expect(res.body.affected).not.toContain(theirs?.errorId);
    }
    const [item] = await errorItems(owner.token);
    expect(item).toMatchObject({ id: theirs?.errorId, status: "open", count: 1 });
    expect((await api(`/api/events/${theirs?.id}`, { token: owner.token })).status).toBe(200);
  });

  it.each([
    ["no ids", { ids: [], action: "archive" }, "ids", /at least one/],
    ["missing ids", { action: "archive" }, "ids", /array/],
    [
      "too many ids",
      { ids: Array.from({ length: 1001 }, (_, i) => i + 1), action: "delete" },
      "ids",
      /1000/,
    ],
    ["a text id", { ids: ["1"], action: "archive" }, "ids.0", /integers/],
    ["a fractional id", { ids: [1.5], action: "archive" }, "ids.0", /./],
    ["a negative id", { ids: [-1], action: "archive" }, "ids.0", /./],
    ["an id beyond bigint", { ids: [1e20], action: "archive" }, "ids.0", /./],
    [
      "a bad action",
      { ids: [1], action: "purge" },
      "action",
      /archive", "unarchive", "resolve", "reopen", "assign", "delete/,
    ],
    ["no action", { ids: [1] }, "action", /archive/],
  ])("refuses %s with 422", async (_label, json, path, message) => {
    const account = await signUp();
    const res = await bulk(account.token, json);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("validation_failed");
    expect(issuePaths(res.body)).toEqual([path]);
    expect(res.body.error.issues[0].message).toMatch(message);
  });

  it("takes exactly 1000 ids", async () => {
    const account = await signUp();
    const [ref] = await ingest(account.token, [{ title: "Among many" }]);
    const ids = Array.from({ length: 999 }, (_, i) => 2_000_000_000 + i);
    const res = await bulk(account.token, { ids: [...ids, ref?.errorId], action: "archive" });
    expect(res.status).toBe(200);
    expect(res.body.affected).toEqual([ref?.errorId]);
  });
});

describe("tenancy", () => {
  it("answers 404 to another user for every route of an error and its events", async () => {
    const owner = await signUp();
    const stranger = await signUp();
    const [ref] = await ingest(owner.token, [{ title: "Private failure", details: "private" }]);
    const errorId = ref?.errorId as number;
    const eventId = ref?.id as number;
    const missing = await api("/api/errors/2147483647", { token: stranger.token });
    const missingEvent = await api("/api/events/2147483647", { token: stranger.token });

    const attempts: [string, Parameters<typeof api>[1], any][] = [
      [`/api/errors/${errorId}`, {}, missing.body],
      [`/api/errors/${errorId}`, { method: "PATCH", json: { status: "archived" } }, missing.body],
      [`/api/errors/${errorId}`, { method: "DELETE" }, missing.body],
      [`/api/errors/${errorId}/events`, {}, missing.body],
      [`/api/events/${eventId}`, {}, missingEvent.body],
      [`/api/events/${eventId}`, { method: "DELETE" }, missingEvent.body],
    ];
    for (const [path, options, expected] of attempts) {
      const res = await api(path, { ...options, token: stranger.token });
      expect(res.status, `${options?.method ?? "GET"} ${path}`).toBe(404);
      expect(res.body).toEqual(expected);
    }
    // The stranger's own lists do not show it either, whatever the filters.
    for (const params of [{}, { q: "private" }, { status: "all", environment: "all" }]) {
      expect(await errorItems(stranger.token, params)).toEqual([]);
    }
    // Nothing changed.
    const detail = await api(`/api/errors/${errorId}`, { token: owner.token });
    expect(detail.body).toMatchObject({ status: "open", count: 1, details: "private" });
  });

  it("gives project members the same access as the owner", async () => {
    const owner = await signUp();
    const member = await signUp();
    await addMember(owner.token, owner.project.id, member);
    const [ref] = await ingest(owner.token, [
      { title: "Shared failure" },
      { title: "Shared failure" },
    ]);
    const list = await errorItems(member.token, { project: owner.project.id });
    expect(list.map((item) => [item.id, item.count])).toEqual([[ref?.errorId, 2]]);
    const del = await api(`/api/events/${ref?.id}`, { method: "DELETE", token: member.token });
    expect(del.status).toBe(204);
    const patch = await api(`/api/errors/${ref?.errorId}`, {
      method: "PATCH",
      token: member.token,
      json: { status: "archived" },
    });
    expect(patch.body).toMatchObject({ status: "archived", count: 1 });
  });

  it("answers 401 without a token on every route", async () => {
    const routes: [string, string][] = [
      ["POST", "/api/events"],
      ["GET", "/api/errors"],
      ["GET", "/api/errors/1"],
      ["PATCH", "/api/errors/1"],
      ["DELETE", "/api/errors/1"],
      ["GET", "/api/errors/1/events"],
      ["POST", "/api/errors/bulk"],
      ["GET", "/api/events/1"],
      ["DELETE", "/api/events/1"],
    ];
    for (const [method, path] of routes) {
      const body = method === "GET" || method === "DELETE" ? undefined : "{}";
      const res = await api(path, {
        method,
        body,
        headers: body ? { "content-type": "application/json" } : {},
      });
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(res.body.error.code).toBe("unauthorized");
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
      const bad = await api(path, {
        method,
        body,
        token: "ecp_unknownunknownunknownunknownunknownunknow",
        headers: body ? { "content-type": "application/json" } : {},
      });
      expect(bad.status, `${method} ${path} with an unknown token`).toBe(401);
    }
  });

  it("refuses an ingest key on every read and management route with 403", async () => {
    const account = await signUp();
    const [ref] = await ingest(account.token, [{ title: "Key cannot read" }]);
    const key = account.project.ingestKey.key;
    const attempts: [string, string, unknown?][] = [
      ["GET", "/api/errors"],
      ["GET", `/api/errors/${ref?.errorId}`],
      ["PATCH", `/api/errors/${ref?.errorId}`, { status: "archived" }],
      ["DELETE", `/api/errors/${ref?.errorId}`],
      ["GET", `/api/errors/${ref?.errorId}/events`],
      ["POST", "/api/errors/bulk", { ids: [ref?.errorId], action: "delete" }],
      ["GET", `/api/events/${ref?.id}`],
      ["DELETE", `/api/events/${ref?.id}`],
    ];
    for (const [method, path, json] of attempts) {
      const res = await api(path, { method, token: key, json });
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    const [item] = await errorItems(account.token);
    expect(item).toMatchObject({ id: ref?.errorId, status: "open", count: 1 });
  });
});
