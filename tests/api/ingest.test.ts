import { describe, expect, it } from "vitest";
import { api, signUp } from "../support/api";
import {
  errorItems,
  getEvent,
  ingest,
  ingestOne,
  minutesAgo,
  postEvents,
  walkErrors,
} from "../support/errors";

// Numbers are parameterised away by grouping: letters keep titles apart.
const letter = (index: number) => String.fromCharCode(97 + index);

describe("POST /api/events: forms and defaults", () => {
  it("accepts one object, an array and {events: [...]}, answering 201 {events: [{id, errorId}]}", async () => {
    const account = await signUp();
    const one = await postEvents(account.token, { title: "Form test" });
    expect(one.status).toBe(201);
    expect(one.body).toEqual({
      events: [{ id: expect.any(Number), errorId: expect.any(Number) }],
    });
    const array = await postEvents(account.token, [{ title: "Form test" }, { title: "Form test" }]);
    expect(array.status).toBe(201);
    expect(array.body.events).toHaveLength(2);
    const wrapped = await postEvents(account.token, { events: [{ title: "Form test" }] });
    expect(wrapped.status).toBe(201);
    expect(wrapped.body.events).toHaveLength(1);

    const refs = [...one.body.events, ...array.body.events, ...wrapped.body.events];
    expect(new Set(refs.map((ref) => ref.id)).size).toBe(4);
    expect(new Set(refs.map((ref) => ref.errorId))).toEqual(new Set([one.body.events[0].errorId]));
    const [item] = await errorItems(account.token);
    expect(item).toMatchObject({ id: one.body.events[0].errorId, title: "Form test", count: 4 });
  });

  it("fills in level error, environment production, the project slug as origin and now", async () => {
    const account = await signUp();
    const before = Date.now();
    const ref = await ingestOne(account.token, { title: "Defaults" });
    const after = Date.now();
    const event = await getEvent(account.token, ref.id);
    expect(event).toEqual({
      id: ref.id,
      eventId: expect.stringMatching(/^[0-9a-f]{32}$/),
      errorId: ref.errorId,
      projectId: account.project.id,
      title: "Defaults",
      details: "",
      level: "error",
      origin: account.project.slug,
      environment: "production",
      release: null,
      occurredAt: expect.any(String),
      receivedAt: expect.any(String),
      tags: {},
      payload: null,
      collectedBy: { name: account.name, email: account.email, tokenName: "Created at sign-up" },
    });
    const occurred = Date.parse(event.occurredAt);
    expect(occurred).toBeGreaterThanOrEqual(before - 1000);
    expect(occurred).toBeLessThanOrEqual(after + 1000);
    const blank = await ingestOne(account.token, { title: "Defaults", origin: "  " });
    expect(blank.errorId).toBe(ref.errorId);
  });

  it("keeps what the client sent: details, tags, origin, eventId and timestamp", async () => {
    const account = await signUp();
    const ref = await ingestOne(account.token, {
      title: "  Payment declined  ",
      details: "Stack\n  at pay()",
      origin: " billing-api ",
      tags: { region: "eu", retry: 2, beta: true },
      eventId: "client-1.a:b_c",
      timestamp: "2024-05-01T12:00:00+02:00",
    });
    const event = await getEvent(account.token, ref.id);
    expect(event).toMatchObject({
      eventId: "client-1.a:b_c",
      title: "Payment declined",
      details: "Stack\n  at pay()",
      origin: "billing-api",
      tags: { region: "eu", retry: "2", beta: "true" },
      occurredAt: "2024-05-01T10:00:00.000Z",
    });
    const epoch = await ingestOne(account.token, { title: "Epoch", timestamp: 1714557600.5 });
    expect((await getEvent(account.token, epoch.id)).occurredAt).toBe("2024-05-01T10:00:00.500Z");
    // From 1970 on: no year 0, and 0099 is not read as 1999.
    for (const timestamp of [
      "0099-05-01T12:00:00Z",
      "0000-06-01T00:00:00Z",
      "1969-12-31T23:59:59Z",
    ]) {
      const res = await postEvents(account.token, { title: "Too old", timestamp });
      expect(res.status, timestamp).toBe(422);
      expect(res.body.error.issues[0].path).toEqual(["timestamp"]);
    }
    const first = await ingestOne(account.token, { title: "Epoch zero", timestamp: 0 });
    expect((await getEvent(account.token, first.id)).occurredAt).toBe("1970-01-01T00:00:00.000Z");
    const walked = await walkErrors(account.token, { sort: "lastSeen" }, 1);
    expect(walked.map((item) => item.title)).toEqual(["Epoch", "Payment declined", "Epoch zero"]);
  });

  it("maps environment aliases; other values are kept and listed under other", async () => {
    const account = await signUp();
    const cases: [string, string][] = [
      ["prod", "production"],
      ["PRODUCTION", "production"],
      ["homolog", "staging"],
      ["homologação", "staging"],
      ["homologacao", "staging"],
      ["hml", "staging"],
      ["stage", "staging"],
      ["qa", "staging"],
      ["staging", "staging"],
      ["dev", "development"],
      ["local", "development"],
      [" Development ", "development"],
      ["canary", "canary"],
      ["", "production"],
    ];
    const refs = await ingest(
      account.token,
      cases.map(([environment], index) => ({ title: `Env case ${letter(index)}`, environment })),
    );
    for (const [index, [sent, stored]] of cases.entries()) {
      const event = await getEvent(account.token, (refs[index] as { id: number }).id);
      expect(event.environment, sent).toBe(stored);
    }
    const staging = await errorItems(account.token, { environment: "staging", limit: 100 });
    expect(staging).toHaveLength(7);
    expect(staging.every((item) => item.environment === "staging")).toBe(true);
    expect(await errorItems(account.token, { environment: "development" })).toHaveLength(3);
    expect(await errorItems(account.token)).toHaveLength(3);
    const other = await errorItems(account.token, { environment: "other" });
    expect(other.map((item) => [item.title, item.environment])).toEqual([["Env case m", "canary"]]);
    expect(await errorItems(account.token, { environment: "canary" })).toHaveLength(1);
    expect(await errorItems(account.token, { environment: "all", limit: 100 })).toHaveLength(14);
  });

  it("accepts levels case-insensitively with SDK aliases, and refuses unknown ones", async () => {
    const account = await signUp();
    const cases: [string, string][] = [
      ["fatal", "fatal"],
      ["critical", "fatal"],
      ["ERROR", "error"],
      ["warning", "warning"],
      ["warn", "warning"],
      [" Info ", "info"],
      ["log", "info"],
      ["debug", "debug"],
    ];
    const refs = await ingest(
      account.token,
      cases.map(([level], index) => ({ title: `Level case ${letter(index)}`, level })),
    );
    for (const [index, [sent, stored]] of cases.entries()) {
      const event = await getEvent(account.token, (refs[index] as { id: number }).id);
      expect(event.level, sent).toBe(stored);
    }
    for (const level of ["verbose", 5]) {
      const res = await postEvents(account.token, { title: "Bad level", level });
      expect(res.status, String(level)).toBe(422);
      expect(res.body.error.issues).toEqual([
        { path: ["level"], message: "level must be one of: fatal, error, warning, info, debug" },
      ]);
    }
    // null means "not set", as SDKs and Python's None send it: the default level.
    const unset = await postEvents(account.token, { title: "Unset level", level: null });
    expect(unset.status).toBe(201);
    expect((await getEvent(account.token, unset.body.events[0].id)).level).toBe("error");
  });
});

describe("POST /api/events: grouping", () => {
  it("groups titles that differ only in numbers; level and origin split groups", async () => {
    const account = await signUp();
    const [a, b, warning, otherOrigin, staging] = await ingest(account.token, [
      { title: "Timeout after 3000 ms for order 81723", timestamp: minutesAgo(5) },
      { title: "Timeout after 5000 ms for order 1", timestamp: minutesAgo(1) },
      { title: "Timeout after 3000 ms for order 81723", level: "warning" },
      { title: "Timeout after 3000 ms for order 81723", origin: "worker" },
      { title: "Timeout after 3000 ms for order 81723", environment: "staging" },
    ]);
    expect(a?.errorId).toBe(b?.errorId);
    const ids = [a, warning, otherOrigin, staging].map((ref) => ref?.errorId);
    expect(new Set(ids).size).toBe(4);
    const detail = await api(`/api/errors/${a?.errorId}`, { token: account.token });
    // The error shows its newest event.
    expect(detail.body).toMatchObject({ title: "Timeout after 5000 ms for order 1", count: 2 });
  });

  it("lets an explicit fingerprint win, with {{ default }} expanding to the default key", async () => {
    const account = await signUp();
    const [x, y, plain, d1, d2, other] = await ingest(account.token, [
      { title: "Card declined", fingerprint: ["payments"] },
      { title: "Something else entirely", level: "fatal", fingerprint: ["payments"] },
      { title: "Card declined" },
      { title: "Card declined 42", fingerprint: ["checkout", "{{ default }}"] },
      { title: "Card declined 7", fingerprint: ["checkout", "{{default}}"] },
      { title: "Card declined 7", fingerprint: ["{{ default }}", "v2"] },
    ]);
    expect(x?.errorId).toBe(y?.errorId);
    expect(d1?.errorId).toBe(d2?.errorId);
    const distinct = new Set([x, plain, d1, other].map((ref) => ref?.errorId));
    expect(distinct.size).toBe(4);
  });
});

describe("POST /api/events: text PostgreSQL cannot store", () => {
  it("replaces NUL characters and lone surrogates with U+FFFD, in every field", async () => {
    const account = await signUp();
    const ref = await ingestOne(account.token, {
      title: "nul \u0000 here",
      details: "a\u0000b \ud800",
      origin: "o\u0000",
      environment: "e\u0000",
      tags: { "k\u0000": "v\u0000" },
    });
    const event = await getEvent(account.token, ref.id);
    expect(event).toMatchObject({
      title: "nul \uFFFD here",
      details: "a\uFFFDb \uFFFD",
      origin: "o\uFFFD",
      environment: "e\uFFFD",
      tags: { "k\uFFFD": "v\uFFFD" },
    });
    // The same event again groups with it; searching with the raw text finds it.
    const again = await ingestOne(account.token, {
      title: "nul \u0000 here",
      origin: "o\u0000",
      environment: "e\u0000",
    });
    expect(again.errorId).toBe(ref.errorId);
    for (const params of [
      { environment: "e\u0000" },
      { environment: "all", q: "\u0000" },
      { environment: "all", origin: "o\u0000" },
    ]) {
      const items = await errorItems(account.token, params);
      expect(
        items.map((item) => [item.id, item.count]),
        JSON.stringify(params),
      ).toEqual([[ref.errorId, 2]]);
    }
  });
});
