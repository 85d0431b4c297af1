import { describe, expect, it } from "vitest";
import { MAX_BATCH_EVENTS, parseEventBatch } from "./native-batch";

const many = (n: number) => Array.from({ length: n }, (_, i) => ({ title: `e${i}` }));

describe("parseEventBatch accepts", () => {
  it.each<[string, unknown, string[]]>([
    ["one object", { title: "a" }, ["a"]],
    ["an array", [{ title: "a" }, { title: "b" }], ["a", "b"]],
    ["{events: [...]}", { events: [{ title: "a" }, { title: "b" }] }, ["a", "b"]],
    ["an event that has an `events` field too", { title: "a", events: 3 }, ["a"]],
    ["1000 events", { events: many(MAX_BATCH_EVENTS) }, many(MAX_BATCH_EVENTS).map((e) => e.title)],
  ])("%s", (_name, body, titles) => {
    const result = parseEventBatch(body);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.events.map((e) => e.title)).toEqual(titles);
  });
});

describe("parseEventBatch rejects", () => {
  it.each<[string, unknown, { path: (string | number)[]; message: RegExp }[]]>([
    [
      "a single invalid object",
      { level: "x" },
      [
        { path: ["title"], message: /required/ },
        { path: ["level"], message: /one of/ },
      ],
    ],
    [
      "an invalid item of an array",
      [{ title: "a" }, { title: "" }, "x"],
      [
        { path: ["events", 1, "title"], message: /empty/ },
        { path: ["events", 2], message: /JSON object/ },
      ],
    ],
    [
      "an invalid item of {events}",
      { events: [{ title: "a" }, {}, {}, { title: 1 }] },
      [
        { path: ["events", 1, "title"], message: /required/ },
        { path: ["events", 2, "title"], message: /required/ },
        { path: ["events", 3, "title"], message: /string/ },
      ],
    ],
    ["an empty array", [], [{ path: ["events"], message: /at least 1/ }]],
    ["empty events", { events: [] }, [{ path: ["events"], message: /at least 1/ }]],
    ["1001 events", { events: many(1001) }, [{ path: ["events"], message: /at most 1000.*1001/ }]],
    ["1001 array items", many(1001), [{ path: ["events"], message: /at most 1000/ }]],
    [
      "events that is not an array",
      { events: { title: "a" } },
      [{ path: ["events"], message: /array/ }],
    ],
    ["a string", "hello", [{ path: [], message: /event object/ }]],
    ["null", null, [{ path: [], message: /event object/ }]],
    ["a number", 42, [{ path: [], message: /event object/ }]],
  ])("%s", (_name, body, expected) => {
    const result = parseEventBatch(body);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues).toHaveLength(expected.length);
      expected.forEach((want, i) => {
        expect(result.issues[i]?.path).toEqual(want.path);
        expect(result.issues[i]?.message).toMatch(want.message);
      });
    }
  });

  it("caps the number of issues", () => {
    const result = parseEventBatch({
      events: Array.from({ length: 1000 }, () => ({ level: 1, tags: 2 })),
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues).toHaveLength(100);
  });
});

describe("null fields", () => {
  it("treats null as absent for optional fields and as missing for title", () => {
    const ok = parseEventBatch({
      title: "x",
      details: null,
      level: null,
      tags: null,
      eventId: null,
    });
    expect(ok.ok).toBe(true);
    const missing = parseEventBatch({ events: [{ title: null }] });
    expect(missing).toEqual({
      ok: false,
      issues: [{ path: ["events", 0, "title"], message: "title is required" }],
    });
  });

  it("never lets a __proto__ key reach the parsed event", () => {
    const body = JSON.parse('{"title":"x","__proto__":{"polluted":true}}');
    const result = parseEventBatch(body);
    expect(result.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (result.ok) expect(Object.getPrototypeOf(result.events[0])).toBe(Object.prototype);
  });
});
