import { describe, expect, it } from "vitest";
import { errorEventSchema } from "@/lib/schemas/responses";
import { api, signUp } from "../support/api";
import { ingest, ingestOne, minutesAgo } from "../support/errors";
import { postStore } from "../support/sentry";

const getErrorEvent = (token: string, errorId: number, eventId: number | string) =>
  api(`/api/errors/${errorId}/events/${eventId}`, { token });

describe("GET /api/errors/:id/events/:eventId", () => {
  it("returns any event in full with the ids of its neighbours, and browses from newest to oldest and back", async () => {
    const account = await signUp();
    const now = Date.now();
    const refs = await ingest(
      account.token,
      [4, 3, 2, 1, 0].map((age) => ({
        title: `Browsed failure ${age}`,
        details: `details of ${age}`,
        origin: "browser-api",
        release: `1.0.${age}`,
        tags: { age: String(age) },
        eventId: `browse-${age}`,
        fingerprint: ["browse"],
        timestamp: minutesAgo(age * 10, now),
      })),
    );
    const errorId = refs[0]?.errorId as number;
    const newestFirst = [...refs].reverse().map((ref) => ref.id);

    const oldest = await getErrorEvent(account.token, errorId, refs[0]?.id as number);
    expect(oldest.status).toBe(200);
    expect(errorEventSchema.safeParse(oldest.body).success).toBe(true);
    // An older event comes with everything the latest one has: details, tags, release, who sent it.
    expect(oldest.body).toMatchObject({
      id: refs[0]?.id,
      eventId: "browse-4",
      errorId,
      title: "Browsed failure 4",
      details: "details of 4",
      release: "1.0.4",
      tags: { age: "4" },
      collectedBy: { name: account.name, email: account.email, tokenName: "Created at sign-up" },
      payload: null,
      navigation: {
        newest: newestFirst[0],
        newer: newestFirst[3],
        older: null,
        oldest: refs[0]?.id,
      },
    });

    const walk = async (from: number, step: "older" | "newer") => {
      const seen: number[] = [];
      for (let id: number | null = from; id !== null; ) {
        const res = await getErrorEvent(account.token, errorId, id);
        expect(res.status).toBe(200);
        seen.push(res.body.id);
        id = res.body.navigation[step];
      }
      return seen;
    };
    expect(await walk(newestFirst[0] as number, "older")).toEqual(newestFirst);
    expect(await walk(refs[0]?.id as number, "newer")).toEqual([...newestFirst].reverse());
  });

  it("shows an SDK event's payload (exception, frames) for an older event too", async () => {
    const account = await signUp();
    const frames = [{ filename: "app.py", function: "charge", lineno: 7, in_app: true }];
    const exception = { values: [{ type: "ValueError", value: "bad", stacktrace: { frames } }] };
    const sent = ["a", "b"].map((n, i) => ({
      event_id: `${n.repeat(32)}`,
      timestamp: new Date(Date.now() - (2 - i) * 60_000).toISOString(),
      platform: "python",
      exception,
      tags: { attempt: n },
    }));
    for (const event of sent) expect((await postStore(account, event)).status).toBe(200);
    const list = await api("/api/errors?environment=all&q=ValueError", { token: account.token });
    const errorId = list.body.items[0].id as number;
    const events = await api(`/api/errors/${errorId}/events`, { token: account.token });
    const olderId = events.body.items[1].id as number;

    const res = await getErrorEvent(account.token, errorId, olderId);
    expect(res.status).toBe(200);
    expect(res.body.eventId).toBe("a".repeat(32));
    expect(res.body.payload.exception.values[0].stacktrace.frames[0]).toMatchObject({
      function: "charge",
    });
    expect(res.body.tags).toMatchObject({ attempt: "a" });
    expect(res.body.navigation).toEqual({
      newest: events.body.items[0].id,
      newer: events.body.items[0].id,
      older: null,
      oldest: olderId,
    });
  });

  it("redirects a client event id to the row id's URL", async () => {
    const account = await signUp();
    const ref = await ingestOne(account.token, {
      title: "Named by its client id",
      eventId: "log-7f3a",
    });
    const res = await getErrorEvent(account.token, ref.errorId, "log-7f3a");
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toBe(`/api/errors/${ref.errorId}/events/${ref.id}`);
    const followed = await api(res.headers.get("location") as string, { token: account.token });
    expect(followed.status).toBe(200);
    expect(followed.body.eventId).toBe("log-7f3a");
  });

  it("is a 404 for an event of another error, another user's event, and ids that name nothing", async () => {
    const account = await signUp();
    const other = await signUp();
    const [a, b] = await ingest(account.token, [
      { title: "First kind", fingerprint: ["one"], eventId: "kind-one" },
      { title: "Second kind", fingerprint: ["two"], eventId: "kind-two" },
    ]);
    if (!a || !b) throw new Error("ingest returned too few refs");
    const theirs = await ingestOne(other.token, { title: "Not yours" });

    const cases: [string, number, number | string][] = [
      ["an event of another error", a.errorId, b.id],
      ["a client id of another error", a.errorId, "kind-two"],
      ["another user's event under their error", theirs.errorId, theirs.id],
      ["another user's event under my error", a.errorId, theirs.id],
      ["a missing row id", a.errorId, theirs.id + 1000],
      ["a missing client id", a.errorId, "never-sent"],
      ["digits that are no id", a.errorId, "007"],
    ];
    for (const [what, errorId, eventId] of cases) {
      const res = await getErrorEvent(account.token, errorId, eventId);
      expect(res.status, what).toBe(404);
      expect(res.body.error.code, what).toBe("not_found");
    }
    expect((await api(`/api/errors/abc/events/${a.id}`, { token: account.token })).status).toBe(
      404,
    );
    expect((await api(`/api/errors/${a.errorId}/events/${a.id}`)).status).toBe(401);
    // The owner of the other error sees their event.
    expect((await getErrorEvent(other.token, theirs.errorId, theirs.id)).status).toBe(200);
  });
});
