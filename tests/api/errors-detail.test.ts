import { describe, expect, it } from "vitest";
import { api, signUp } from "../support/api";
import {
  errorItems,
  ingest,
  ingestOne,
  issuePaths,
  minutesAgo,
  walkEvents,
} from "../support/errors";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const getError = (token: string, id: number) => api(`/api/errors/${id}`, { token });

describe("GET /api/errors/:id", () => {
  it("returns the error with its latest event's details, who collected it, and counts", async () => {
    const account = await signUp();
    const now = Date.now();
    const times = [
      minutesAgo(0, now),
      minutesAgo(1, now),
      minutesAgo(2 * 60, now),
      minutesAgo(30 * 60, now),
      minutesAgo(20 * 24 * 60, now),
    ];
    const [newest] = await ingest(
      account.token,
      times.map((timestamp, i) => ({
        title: `Counted failure ${i}`,
        details: `details of ${i}`,
        origin: "counter",
        tags: { n: String(i) },
        eventId: `counted-${i}`,
        timestamp,
      })),
    );
    // Sent last but older: the latest event stays the newest occurrence.
    await ingest(account.token, [
      {
        title: "Counted failure 9",
        details: "late arrival",
        origin: "counter",
        timestamp: times[2],
      },
    ]);
    const res = await getError(account.token, newest?.errorId as number);
    expect(res.status).toBe(200);
    const body = res.body;
    expect(body).toMatchObject({
      id: newest?.errorId,
      title: "Counted failure 0",
      level: "error",
      environment: "production",
      origin: "counter",
      culprit: null,
      status: "open",
      count: 6,
      firstSeen: times[4],
      lastSeen: times[0],
      project: { id: account.project.id, slug: account.project.slug, name: account.project.name },
      details: "details of 0",
      collectedBy: { name: account.name, email: account.email, tokenName: "Created at sign-up" },
    });
    expect(body.latestEvent).toMatchObject({
      id: newest?.id,
      eventId: "counted-0",
      errorId: newest?.errorId,
      details: "details of 0",
      occurredAt: times[0],
      tags: { n: "0" },
      payload: null,
    });

    const { hourly, daily } = body.counts;
    expect(hourly).toHaveLength(24);
    expect(daily).toHaveLength(14);
    const expectBuckets = (buckets: { start: string; count: number }[], size: number) => {
      const starts = buckets.map((bucket) => Date.parse(bucket.start));
      starts.forEach((start, i) => {
        if (i > 0) expect(start - (starts[i - 1] as number)).toBe(size);
      });
      const last = starts[starts.length - 1] as number;
      expect(last).toBeLessThanOrEqual(Date.now());
      expect(last + size).toBeGreaterThan(now);
      const sent = [...times, times[2] as string].map(Date.parse);
      for (const [i, bucket] of buckets.entries()) {
        const start = starts[i] as number;
        const inside = sent.filter((t) => t >= start && t < start + size).length;
        expect(bucket.count, bucket.start).toBe(inside);
      }
    };
    expectBuckets(hourly, HOUR);
    expectBuckets(daily, DAY);
    const total = (buckets: { count: number }[]) => buckets.reduce((sum, b) => sum + b.count, 0);
    expect(total(hourly)).toBe(4);
    expect(total(daily)).toBe(5);
  });

  it("answers 404 for missing, deleted or malformed ids, never 500", async () => {
    const account = await signUp();
    for (const id of [
      "2147483647",
      "9007199254740991",
      "99999999999999999999",
      "abc",
      "0",
      "-1",
      "1.5",
      "1e3",
    ]) {
      const res = await api(`/api/errors/${id}`, { token: account.token });
      expect(res.status, id).toBe(404);
      expect(res.body.error.code).toBe("not_found");
      const events = await api(`/api/errors/${id}/events`, { token: account.token });
      expect(events.status, id).toBe(404);
      const patch = await api(`/api/errors/${id}`, {
        method: "PATCH",
        token: account.token,
        json: { status: "archived" },
      });
      expect(patch.status, id).toBe(404);
      const del = await api(`/api/errors/${id}`, { method: "DELETE", token: account.token });
      expect(del.status, id).toBe(404);
      expect((await api(`/api/events/${id}`, { token: account.token })).status, id).toBe(404);
      const delEvent = await api(`/api/events/${id}`, { method: "DELETE", token: account.token });
      expect(delEvent.status, id).toBe(404);
    }
  });
});

describe("PATCH and DELETE /api/errors/:id", () => {
  it("archives and reopens an error", async () => {
    const account = await signUp();
    const ref = await ingestOne(account.token, { title: "To archive" });
    const path = `/api/errors/${ref.errorId}`;
    const archived = await api(path, {
      method: "PATCH",
      token: account.token,
      json: { status: "archived" },
    });
    expect(archived.status).toBe(200);
    expect(archived.body).toMatchObject({
      id: ref.errorId,
      title: "To archive",
      status: "archived",
      count: 1,
    });
    expect((await getError(account.token, ref.errorId)).body.status).toBe("archived");
    expect(await errorItems(account.token)).toEqual([]);
    const again = await api(path, {
      method: "PATCH",
      token: account.token,
      json: { status: "archived" },
    });
    expect(again.status).toBe(200);
    const reopened = await api(path, {
      method: "PATCH",
      token: account.token,
      json: { status: "open" },
    });
    expect(reopened.status).toBe(200);
    expect(reopened.body.status).toBe("open");
    expect((await errorItems(account.token)).map((item) => item.id)).toEqual([ref.errorId]);
  });

  it("validates the status: 422 with the path, 400 for malformed JSON", async () => {
    const account = await signUp();
    const ref = await ingestOne(account.token, { title: "Validate me" });
    const path = `/api/errors/${ref.errorId}`;
    for (const json of [{ status: "closed" }, { status: null }, { status: "ARCHIVED" }]) {
      const res = await api(path, { method: "PATCH", token: account.token, json });
      expect(res.status, JSON.stringify(json)).toBe(422);
      expect(issuePaths(res.body)).toEqual(["status"]);
      expect(res.body.error.issues[0].message).toBe(
        'status must be "open", "resolved" or "archived"',
      );
    }
    const empty = await api(path, { method: "PATCH", token: account.token, json: {} });
    expect(empty.status).toBe(422);
    expect(issuePaths(empty.body)).toEqual(["status"]);
    expect(empty.body.error.issues[0].message).toBe("send status, assigneeId or both");
    const malformed = await api(path, {
      method: "PATCH",
      token: account.token,
      body: "{",
      headers: { "content-type": "application/json" },
    });
    expect(malformed.status).toBe(400);
    expect((await getError(account.token, ref.errorId)).body.status).toBe("open");
  });

  it("deletes an error with all its events; other errors stay", async () => {
    const account = await signUp();
    const refs = await ingest(account.token, [
      { title: "Doomed" },
      { title: "Doomed" },
      { title: "Doomed" },
      { title: "Survivor" },
    ]);
    const doomed = refs[0]?.errorId as number;
    const del = await api(`/api/errors/${doomed}`, { method: "DELETE", token: account.token });
    expect(del.status).toBe(204);
    expect(del.text).toBe("");
    expect((await getError(account.token, doomed)).status).toBe(404);
    expect((await api(`/api/errors/${doomed}/events`, { token: account.token })).status).toBe(404);
    for (const ref of refs.slice(0, 3)) {
      expect((await api(`/api/events/${ref.id}`, { token: account.token })).status).toBe(404);
    }
    const again = await api(`/api/errors/${doomed}`, { method: "DELETE", token: account.token });
    expect(again.status).toBe(404);
    const items = await errorItems(account.token, { status: "all" });
    expect(items.map((item) => [item.title, item.count])).toEqual([["Survivor", 1]]);

    // A new event of the same kind starts a new error from zero.
    const reborn = await ingestOne(account.token, { title: "Doomed" });
    expect(reborn.errorId).not.toBe(doomed);
    expect((await getError(account.token, reborn.errorId)).body.count).toBe(1);
  });
});

describe("GET /api/errors/:id/events", () => {
  it("lists events newest first, page by page, without payloads", async () => {
    const account = await signUp();
    const refs = await ingest(
      account.token,
      Array.from({ length: 5 }, (_, i) => ({ title: "Paged", eventId: `paged-${i}` })),
    );
    const errorId = refs[0]?.errorId as number;
    const first = await api(`/api/errors/${errorId}/events?limit=2`, { token: account.token });
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    expect(Object.keys(first.body.items[0]).sort()).toEqual(
      [
        "collectedBy",
        "details",
        "environment",
        "errorId",
        "eventId",
        "id",
        "level",
        "occurredAt",
        "origin",
        "projectId",
        "receivedAt",
        "release",
        "tags",
        "title",
      ].sort(),
    );
    const ids = refs.map((ref) => ref.id).sort((a, b) => b - a);
    const walked = await walkEvents(account.token, errorId, 2);
    expect(walked.map((event) => event.id)).toEqual(ids);
    expect((await walkEvents(account.token, errorId, 100)).map((event) => event.id)).toEqual(ids);
  });

  it("refuses bad limits and cursors with 400", async () => {
    const account = await signUp();
    const ref = await ingestOne(account.token, { title: "Limits" });
    for (const query of [
      "limit=0",
      "limit=101",
      "limit=abc",
      "limit=",
      "limit=1.5",
      "limit=1e1",
      "limit=%2010",
      "cursor=abc",
      "cursor=0",
      "cursor=-5",
    ]) {
      const res = await api(`/api/errors/${ref.errorId}/events?${query}`, { token: account.token });
      expect(res.status, query).toBe(400);
      expect(res.body.error.code).toBe("invalid_parameter");
      expect(res.body.error.issues[0].path).toEqual([query.split("=")[0]]);
    }
    const ok = await api(`/api/errors/${ref.errorId}/events?limit=100`, { token: account.token });
    expect(ok.body).toMatchObject({ items: [{ id: ref.id }], nextCursor: null });
  });
});
