import { describe, expect, it } from "vitest";
import { api, signUp } from "../support/api";
import { errorItems, ingest, minutesAgo } from "../support/errors";

const getError = (token: string, id: number) => api(`/api/errors/${id}`, { token });

describe("GET and DELETE /api/events/:id", () => {
  it("deletes events one by one; the error's count and times follow, and the last one takes the error", async () => {
    const account = await signUp();
    const now = Date.now();
    const at = (minutes: number) => minutesAgo(minutes, now);
    const [oldest, middle, newest] = await ingest(account.token, [
      { title: "Shrinking step 1", details: "oldest text", timestamp: at(90) },
      { title: "Shrinking step 2", details: "middle text", timestamp: at(60) },
      { title: "Shrinking step 3", details: "newest text", timestamp: at(5) },
    ]);
    const errorId = newest?.errorId as number;
    const event = await api(`/api/events/${newest?.id}`, { token: account.token });
    expect(event.body).toMatchObject({
      id: newest?.id,
      errorId,
      details: "newest text",
      payload: null,
    });
    expect(await errorItems(account.token, { q: "newest" })).toHaveLength(1);

    const deleteEvent = (id: number | undefined) =>
      api(`/api/events/${id}`, { method: "DELETE", token: account.token });
    const del = await deleteEvent(newest?.id);
    expect(del.status).toBe(204);
    expect(del.text).toBe("");
    expect((await api(`/api/events/${newest?.id}`, { token: account.token })).status).toBe(404);
    expect((await deleteEvent(newest?.id)).status).toBe(404);
    let error = (await getError(account.token, errorId)).body;
    // What the error shows follows the newest event left.
    expect(error).toMatchObject({
      count: 2,
      firstSeen: at(90),
      lastSeen: at(60),
      title: "Shrinking step 2",
      details: "middle text",
    });
    expect(error.latestEvent.id).toBe(middle?.id);
    expect(await errorItems(account.token, { q: "newest" })).toEqual([]);
    expect(await errorItems(account.token, { q: "middle" })).toHaveLength(1);
    const hourlyTotal = (e: any) => e.counts.hourly.reduce((s: number, b: any) => s + b.count, 0);
    expect(hourlyTotal(error)).toBe(2);

    expect((await deleteEvent(oldest?.id)).status).toBe(204);
    error = (await getError(account.token, errorId)).body;
    expect(error).toMatchObject({ count: 1, firstSeen: at(60), lastSeen: at(60) });
    expect(hourlyTotal(error)).toBe(1);

    expect((await deleteEvent(middle?.id)).status).toBe(204);
    expect((await getError(account.token, errorId)).status).toBe(404);
    expect(await errorItems(account.token, { status: "all" })).toEqual([]);
  });
});

describe("concurrent event deletes", () => {
  it("keeps count, first and last seen exact while events of one error go in parallel", async () => {
    const account = await signUp();
    const now = Date.now();
    const refs = await ingest(
      account.token,
      Array.from({ length: 12 }, (_, i) => ({
        title: "Parallel delete",
        details: `event ${i}`,
        timestamp: minutesAgo(i * 10, now),
      })),
    );
    const errorId = refs[0]?.errorId as number;
    const remove = (ref: { id: number } | undefined) =>
      api(`/api/events/${ref?.id}`, { method: "DELETE", token: account.token });

    // The five newest and the oldest go at once; events 5..10 stay.
    const first = await Promise.all([...refs.slice(0, 5), refs[11]].map(remove));
    expect(first.map((res) => res.status)).toEqual(Array(6).fill(204));
    const error = (await getError(account.token, errorId)).body;
    expect(error).toMatchObject({
      count: 6,
      lastSeen: minutesAgo(50, now),
      firstSeen: minutesAgo(100, now),
      details: "event 5",
    });

    const rest = await Promise.all(refs.slice(5, 11).map(remove));
    expect(rest.map((res) => res.status)).toEqual(Array(6).fill(204));
    expect((await getError(account.token, errorId)).status).toBe(404);
    expect(await errorItems(account.token, { status: "all" })).toEqual([]);
  });
});
