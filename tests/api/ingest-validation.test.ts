import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { api, signUp } from "../support/api";
import { errorItems, getEvent, ingestOne, issuePaths, postEvents } from "../support/errors";

// Numbers are parameterised away by grouping: letters keep titles apart.
const letter = (index: number) => String.fromCharCode(97 + index);

describe("POST /api/events: validation", () => {
  it("takes 1000 events in one request and refuses 1001 with the path events", async () => {
    const account = await signUp();
    const thousand = Array.from({ length: 1000 }, (_, i) => ({ title: `Bulk ${letter(i % 3)}` }));
    const ok = await postEvents(account.token, thousand);
    expect(ok.status).toBe(201);
    expect(ok.body.events).toHaveLength(1000);
    const tooMany = await postEvents(account.token, {
      events: [...thousand, { title: "one more" }],
    });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.error.code).toBe("validation_failed");
    expect(tooMany.body.error.issues).toEqual([
      { path: ["events"], message: "events may contain at most 1000 events (got 1001)" },
    ]);
    const asArray = await postEvents(account.token, [...thousand, { title: "one more" }]);
    expect(asArray.status).toBe(422);
    const items = await errorItems(account.token);
    expect(items.map((item) => item.count).sort()).toEqual([333, 333, 334]);
  });

  it("stores nothing from a batch with one invalid event, naming its path", async () => {
    const account = await signUp();
    for (const body of [
      [{ title: "Fine" }, { title: "Also fine" }, { details: "no title" }],
      { events: [{ title: "Fine" }, { title: "Also fine" }, { title: 42 }] },
    ]) {
      const res = await postEvents(account.token, body);
      expect(res.status).toBe(422);
      expect(issuePaths(res.body)).toEqual(["events.2.title"]);
      expect(res.body.error.issues[0].path).toEqual(["events", 2, "title"]);
    }
    expect(await errorItems(account.token, { environment: "all", status: "all" })).toEqual([]);

    const many = await postEvents(account.token, [{}, { title: "ok" }, { title: "" }]);
    expect(many.body.error.issues).toEqual([
      { path: ["events", 0, "title"], message: "title is required" },
      { path: ["events", 2, "title"], message: "title must not be empty" },
    ]);
    expect(many.body.error.message).toBe("events.0.title: title is required (and 1 more)");
  });

  it.each([
    ["a missing title", {}, ["title"], /required/],
    ["a blank title", { title: "   " }, ["title"], /empty/],
    ["a title over 255 characters", { title: "t".repeat(256) }, ["title"], /255/],
    ["details over 64 KiB", { title: "x", details: "d".repeat(65_537) }, ["details"], /64 KiB/],
    ["details that are not text", { title: "x", details: { a: 1 } }, ["details"], /string/],
    [
      "a timestamp without zone",
      { title: "x", timestamp: "2024-05-01T12:00:00" },
      ["timestamp"],
      /zone/,
    ],
    ["a date that is not one", { title: "x", timestamp: "yesterday" }, ["timestamp"], /ISO 8601/],
    ["a timestamp in milliseconds", { title: "x", timestamp: Date.now() }, ["timestamp"], /future/],
    ["an empty fingerprint", { title: "x", fingerprint: [] }, ["fingerprint"], /empty/],
    ["a bad eventId", { title: "x", eventId: "has space" }, ["eventId"], /eventId/],
    ["a long eventId", { title: "x", eventId: "e".repeat(65) }, ["eventId"], /64/],
    ["tags that are not an object", { title: "x", tags: ["a"] }, ["tags"], /object/],
    ["a nested tag value", { title: "x", tags: { a: { b: 1 } } }, ["tags", "a"], /string/],
    ["a bad project", { title: "x", project: "no such project!" }, ["project"], /project/],
    [
      "an environment over 64 characters",
      { title: "x", environment: "e".repeat(65) },
      ["environment"],
      /64/,
    ],
    ["an origin over 255 characters", { title: "x", origin: "o".repeat(256) }, ["origin"], /255/],
  ])("refuses %s with 422 and the field's path", async (_label, event, path, message) => {
    const account = await signUp();
    const res = await postEvents(account.token, event);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("validation_failed");
    expect(res.body.error.issues).toHaveLength(1);
    expect(res.body.error.issues[0].path).toEqual(path);
    expect(res.body.error.issues[0].message).toMatch(message);
    expect(await errorItems(account.token, { environment: "all" })).toEqual([]);
  });

  it("takes a title of exactly 255 characters and details of exactly 64 KiB", async () => {
    const account = await signUp();
    const title = "t".repeat(255);
    const details = "d".repeat(65_536);
    const ref = await ingestOne(account.token, { title, details });
    const event = await getEvent(account.token, ref.id);
    expect(event.title).toBe(title);
    expect(event.details).toBe(details);
  });

  it("refuses bodies that are not an event: 422 for other JSON values, 400 for empty", async () => {
    const account = await signUp();
    for (const body of [42, "text", null, true]) {
      const res = await postEvents(account.token, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error.issues[0].path).toEqual([]);
    }
    for (const body of [[], { events: [] }, { events: "x" }]) {
      const res = await postEvents(account.token, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error.issues[0].path).toEqual(["events"]);
    }
    const empty = await api("/api/events", {
      token: account.token,
      body: "",
      headers: { "content-type": "application/json" },
      method: "POST",
    });
    expect(empty.status).toBe(400);
  });
});

describe("POST /api/events: body handling", () => {
  it("answers malformed JSON with 400, a wrong content type with 415, over 1 MiB with 413", async () => {
    const account = await signUp();
    const send = (body: BodyInit, headers: Record<string, string>) =>
      api("/api/events", { token: account.token, body, headers, method: "POST" });

    const malformed = await send('{"title": ', { "content-type": "application/json" });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe("invalid_json");
    expect(malformed.body.error.message).toMatch(/JSON/);

    const form = await send("title=x", { "content-type": "application/x-www-form-urlencoded" });
    expect(form.status).toBe(415);
    expect(form.body.error.code).toBe("unsupported_media_type");

    const big = JSON.stringify({ title: "big", details: "x".repeat(1024 * 1024) });
    const tooLarge = await send(big, { "content-type": "application/json" });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error.code).toBe("body_too_large");

    // text/plain (navigator.sendBeacon) is read as JSON too.
    const beacon = await send('{"title":"Beacon"}', { "content-type": "text/plain;charset=UTF-8" });
    expect(beacon.status).toBe(201);
    expect((await errorItems(account.token)).map((item) => item.title)).toEqual(["Beacon"]);
  });

  it("accepts a gzip-encoded body and refuses a broken or unknown encoding", async () => {
    const account = await signUp();
    const events = Array.from({ length: 3 }, () => ({
      title: "Compressed",
      details: "z".repeat(5000),
    }));
    const res = await api("/api/events", {
      token: account.token,
      method: "POST",
      body: gzipSync(JSON.stringify(events)),
      headers: { "content-type": "application/json", "content-encoding": "gzip" },
    });
    expect(res.status).toBe(201);
    expect(res.body.events).toHaveLength(3);
    const [item] = await errorItems(account.token);
    expect(item).toMatchObject({ title: "Compressed", count: 3 });

    const broken = await api("/api/events", {
      token: account.token,
      method: "POST",
      body: "not gzip at all",
      headers: { "content-type": "application/json", "content-encoding": "gzip" },
    });
    expect(broken.status).toBe(400);
    const unknown = await api("/api/events", {
      token: account.token,
      method: "POST",
      body: "{}",
      headers: { "content-type": "application/json", "content-encoding": "zstd-ish" },
    });
    expect(unknown.status).toBe(415);

    // A small compressed body that inflates past 1 MiB is refused while it is read.
    const bomb = gzipSync(JSON.stringify({ title: "bomb", details: " ".repeat(3 * 1024 * 1024) }));
    expect(bomb.byteLength).toBeLessThan(64 * 1024);
    const bombed = await api("/api/events", {
      token: account.token,
      method: "POST",
      body: bomb,
      headers: { "content-type": "application/json", "content-encoding": "gzip" },
    });
    expect(bombed.status).toBe(413);
    expect((await errorItems(account.token))[0]?.count).toBe(3);
  });
});
