import { describe, expect, it } from "vitest";
import { addMember, api, createProject, signUp } from "../support/api";
import {
  errorItems,
  ingest,
  ingestOne,
  minutesAgo,
  postEvents,
  walkErrors,
  walkEvents,
} from "../support/errors";

/** Every error of the account's default project, any environment and status. */
const allErrors = (token: string) => walkErrors(token, { environment: "all", status: "all" }, 100);

async function expectCountsMatchEvents(token: string, expectedEvents: number) {
  const items = await allErrors(token);
  let stored = 0;
  for (const item of items) {
    const events = await walkEvents(token, item.id);
    expect(events, `error ${item.id}`).toHaveLength(item.count);
    expect(events.every((event) => event.errorId === item.id)).toBe(true);
    stored += events.length;
  }
  expect(items.reduce((sum, item) => sum + item.count, 0)).toBe(expectedEvents);
  expect(stored).toBe(expectedEvents);
}

describe("POST /api/events: idempotency", () => {
  it("answers a repeated eventId with the first result and counts it once", async () => {
    const account = await signUp();
    const [first, again, other] = await ingest(account.token, [
      { title: "Idempotent", eventId: "evt-1" },
      { title: "Idempotent", eventId: "evt-1", details: "ignored" },
      { title: "Idempotent", eventId: "evt-2" },
    ]);
    expect(again).toEqual(first);
    expect(other?.id).not.toBe(first?.id);
    expect(other?.errorId).toBe(first?.errorId);

    // A retry in a later request, even with other content, gets the same answer.
    const [retry, fresh] = await ingest(account.token, [
      { title: "A different title 1", level: "fatal", eventId: "evt-1" },
      { title: "Idempotent", eventId: "evt-3" },
    ]);
    expect(retry).toEqual(first);
    expect(fresh?.errorId).toBe(first?.errorId);

    const items = await allErrors(account.token);
    // The retry's new fingerprint left no empty error behind.
    expect(items.map((item) => [item.title, item.level, item.count])).toEqual([
      ["Idempotent", "error", 3],
    ]);
    const event = await api(`/api/events/${first?.id}`, { token: account.token });
    expect(event.body).toMatchObject({ eventId: "evt-1", details: "" });
    await expectCountsMatchEvents(account.token, 3);
  });

  it("lets a retried eventId change nothing: title, details, search and times stay", async () => {
    const account = await signUp();
    const now = Date.now();
    const original = await ingestOne(account.token, {
      title: "Retry shows 1",
      details: "original text",
      eventId: "r-1",
      timestamp: minutesAgo(10, now),
    });
    // Same group, newer time, other content: still a retry.
    const retry = await ingestOne(account.token, {
      title: "Retry shows 2",
      details: "replayed text",
      eventId: "r-1",
    });
    expect(retry).toEqual(original);
    const detail = (await api(`/api/errors/${original.errorId}`, { token: account.token })).body;
    expect(detail).toMatchObject({
      title: "Retry shows 1",
      details: "original text",
      count: 1,
      lastSeen: minutesAgo(10, now),
    });
    expect(await errorItems(account.token, { q: "replayed" })).toEqual([]);
    expect(await errorItems(account.token, { q: "original" })).toHaveLength(1);

    // A retry grouped with a new event of a new error lends it neither its time nor its text.
    const [again, fresh] = await ingest(account.token, [
      {
        title: "Other group",
        details: "second delivery",
        eventId: "r-1",
        timestamp: minutesAgo(1, now),
      },
      { title: "Other group", details: "fresh", eventId: "r-2", timestamp: minutesAgo(30, now) },
    ]);
    expect(again).toEqual(original);
    const created = (await api(`/api/errors/${fresh?.errorId}`, { token: account.token })).body;
    expect(created).toMatchObject({
      title: "Other group",
      details: "fresh",
      count: 1,
      firstSeen: minutesAgo(30, now),
      lastSeen: minutesAgo(30, now),
    });
    expect(await errorItems(account.token, { q: "delivery" })).toEqual([]);
    await expectCountsMatchEvents(account.token, 2);
  });

  it("keeps eventIds per project: the same id in two projects is two events", async () => {
    const account = await signUp();
    const second = await createProject(account.token, "Second");
    const a = await ingestOne(account.token, { title: "Shared id", eventId: "same" });
    const b = await ingestOne(account.token, {
      title: "Shared id",
      eventId: "same",
      project: second.project.id,
    });
    expect(b.id).not.toBe(a.id);
    expect(b.errorId).not.toBe(a.errorId);
  });

  it("counts concurrent retries of one eventId once", async () => {
    const account = await signUp();
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        postEvents(account.token, { title: "Retried concurrently", eventId: "retry-storm" }),
      ),
    );
    expect(results.map((res) => res.status)).toEqual(Array(20).fill(201));
    const refs = results.map((res) => res.body.events[0]);
    expect(new Set(refs.map((ref) => JSON.stringify(ref))).size).toBe(1);
    const items = await allErrors(account.token);
    expect(items.map((item) => item.count)).toEqual([1]);
  });
});

describe("POST /api/events: concurrency", () => {
  it("makes one error with count 50 out of 50 concurrent requests of a new error", async () => {
    const account = await signUp();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        postEvents(account.token, { title: `Concurrent failure #${i}`, eventId: `c-${i}` }),
      ),
    );
    expect(results.map((res) => res.status)).toEqual(Array(50).fill(201));
    const errorIds = new Set(results.map((res) => res.body.events[0].errorId));
    expect(errorIds.size).toBe(1);
    const eventIds = new Set(results.map((res) => res.body.events[0].id));
    expect(eventIds.size).toBe(50);
    const items = await errorItems(account.token);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ id: [...errorIds][0], count: 50 });
    await expectCountsMatchEvents(account.token, 50);
  });

  it("keeps the sum of counts equal to the stored events across mixed concurrent batches", async () => {
    const account = await signUp();
    const titles = ["Alpha failed", "Beta failed", "Gamma failed", "Delta failed"];
    const batches = Array.from({ length: 30 }, (_, i) =>
      Array.from({ length: 1 + (i % 7) }, (_, j) => ({
        title: titles[(i + j) % titles.length],
        environment: j % 2 === 0 ? "production" : "staging",
        // Every third batch repeats eventIds of the batch before it.
        eventId: `m-${i - (i % 3 === 2 ? 1 : 0)}-${j}`,
      })),
    );
    const results = await Promise.all(batches.map((batch) => postEvents(account.token, batch)));
    expect(results.every((res) => res.status === 201)).toBe(true);
    const unique = new Set(batches.flat().map((event) => event.eventId));
    await expectCountsMatchEvents(account.token, unique.size);
  });
});

describe("POST /api/events: tokens and projects", () => {
  it("lets an ingest key send to its project only, and never read", async () => {
    const account = await signUp();
    const second = await createProject(account.token, "Second");
    const key = second.ingestKey.key;

    const ref = await ingestOne(key, { title: "Via key" });
    const event = await api(`/api/events/${ref.id}`, { token: account.token });
    expect(event.body).toMatchObject({
      projectId: second.project.id,
      origin: second.project.slug,
      collectedBy: { name: account.name, email: account.email, tokenName: "Default ingest key" },
    });
    for (const project of [second.project.id, second.project.slug, String(second.project.id)]) {
      const res = await postEvents(key, { title: "Named own project", project });
      expect(res.status, String(project)).toBe(201);
    }

    // The key's owner is a member of the first project, but the key is not for it.
    for (const project of [account.project.id, account.project.slug, 2147483647]) {
      const res = await postEvents(key, [{ title: "Fine" }, { title: "Elsewhere", project }]);
      expect(res.status, String(project)).toBe(403);
      expect(res.body.error.code).toBe("forbidden");
    }
    const inSecond = await errorItems(account.token, { project: second.project.id });
    expect(inSecond.map((item) => item.count)).toEqual([3, 1]);
    expect(await errorItems(account.token)).toEqual([]);

    for (const path of ["/api/errors", `/api/errors/${ref.errorId}`, `/api/events/${ref.id}`]) {
      const res = await api(path, { token: key });
      expect(res.status, path).toBe(403);
      expect(res.body.error.message).toMatch(/ingest key/);
    }
  });

  it("refuses a revoked ingest key with 401", async () => {
    const account = await signUp();
    const { ingestKey } = account.project;
    expect((await postEvents(ingestKey.key, { title: "Before" })).status).toBe(201);
    const revoke = await api(`/api/projects/${account.project.id}/keys/${ingestKey.id}`, {
      method: "DELETE",
      token: account.token,
    });
    expect(revoke.status).toBe(204);
    const res = await postEvents(ingestKey.key, { title: "After" });
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/invalid_token/);
    expect((await errorItems(account.token)).map((item) => item.title)).toEqual(["Before"]);
  });

  it("sends a personal token's events to the named project, else to the first", async () => {
    const account = await signUp();
    const second = await createProject(account.token, "Second");
    const other = await signUp();
    const shared = await createProject(other.token, "Shared");
    await addMember(other.token, shared.project.id, account);

    const refs = await ingest(account.token, [
      { title: "Default project" },
      { title: "By id", project: second.project.id },
      { title: "By slug", project: second.project.slug },
      { title: "By upper-case slug", project: second.project.slug.toUpperCase() },
      { title: "By id as text", project: String(second.project.id) },
      { title: "Shared project", project: shared.project.slug },
    ]);
    const projectOf = async (id: number) =>
      (await api(`/api/events/${id}`, { token: account.token })).body.projectId;
    expect(await Promise.all(refs.map((ref) => projectOf(ref.id)))).toEqual([
      account.project.id,
      second.project.id,
      second.project.id,
      second.project.id,
      second.project.id,
      shared.project.id,
    ]);
    // The shared project's owner sees the event, collected by the member who sent it.
    const [item] = await errorItems(other.token, { project: shared.project.id });
    expect(item).toMatchObject({ title: "Shared project", count: 1 });
    const detail = await api(`/api/errors/${item?.id}`, { token: other.token });
    expect(detail.body.collectedBy).toEqual({
      name: account.name,
      email: account.email,
      tokenName: "Created at sign-up",
    });
  });

  it("answers 404 for a project the personal token's user is not a member of, storing nothing", async () => {
    const account = await signUp();
    const stranger = await signUp();
    for (const project of [stranger.project.id, stranger.project.slug, 2147483647, "no-such"]) {
      const res = await postEvents(account.token, [
        { title: "Fine" },
        { title: "Not mine", project },
      ]);
      expect(res.status, String(project)).toBe(404);
      expect(res.body.error.code).toBe("not_found");
    }
    expect(await errorItems(account.token, { environment: "all" })).toEqual([]);
    expect(await errorItems(stranger.token, { environment: "all" })).toEqual([]);
  });

  it("needs a valid token", async () => {
    const none = await postEvents(undefined, { title: "Anonymous" });
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe("unauthorized");
    const bad = await postEvents("ecp_not-a-real-token-at-all-0000000000000", { title: "x" });
    expect(bad.status).toBe(401);
    const malformed = await api("/api/events", {
      json: { title: "x" },
      headers: { authorization: "Basic abc" },
    });
    expect(malformed.status).toBe(401);
  });
});
