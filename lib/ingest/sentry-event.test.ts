import { describe, expect, it } from "vitest";
import { listJsonFixtures, readJsonFixture } from "@/tests/support/fixtures";
import { GROUPING_VERSION } from "./fingerprint";
import {
  normalizeSentryEvent,
  SentryEventError,
  sentryTags,
  sentryTimestamp,
} from "./sentry-event";

const now = new Date("2024-06-01T00:00:00Z");
const ctx = { projectSlug: "my-app", now };
const fixture = (name: string) =>
  readJsonFixture(`sentry-events/${name}.json`) as Record<string, unknown>;
const normalize = (payload: unknown) => normalizeSentryEvent(payload, ctx);

describe("normalizeSentryEvent on every fixture", () => {
  it.each(listJsonFixtures("sentry-events"))("%s", (name) => {
    const payload = fixture(name);
    const expected = readJsonFixture(`sentry-events/expected/${name}.json`) as { title: string };
    const event = normalize(payload);
    expect(event.title).toBe(expected.title);
    expect(event.eventId).toMatch(/^[0-9a-f]{32}$/);
    expect(event.eventId).toBe(String(payload.event_id).replaceAll("-", "").toLowerCase());
    expect(event.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(event.groupingVersion).toBe(GROUPING_VERSION);
    expect(event.payload).toBe(payload);
    expect(event.occurredAt.getTime()).toBeLessThan(now.getTime());
    expect(event.details.length).toBeLessThanOrEqual(65_536);
    expect(event.origin.length).toBeGreaterThan(0);
  });
});

describe("normalizeSentryEvent fields", () => {
  it.each<[string, string, Record<string, unknown>]>([
    [
      "dotnet_error",
      "environment Development",
      { environment: "development", level: "error", origin: "pop-os" },
    ],
    [
      "sentry_cli_send_event_no_level",
      "no level",
      { level: "error", environment: "release", culprit: null },
    ],
    ["python_logging", "a warning", { level: "warning", culprit: "/logger-warning/" }],
    ["django_message_params", "an info message", { level: "info", details: "Here is a new error" }],
    [
      "js_error_with_context",
      "origin from request.url",
      { origin: "localhost:4201", environment: "production" },
    ],
    ["small_js_error", "boolean tag", { tags: { skippedNormalization: "true" } }],
    ["ruby_zero_division", "RFC 3339 time", { occurredAt: new Date("2024-04-26T15:26:18Z") }],
    ["js_event_with_unix_timestamp", "epoch time", { occurredAt: new Date(1595472880109) }],
    [
      "very_small_event",
      "nanosecond time",
      { occurredAt: new Date("2020-04-25T19:36:56.584Z"), details: "" },
    ],
  ])("%s: %s", (name, _what, expected) => {
    expect(normalize(fixture(name))).toMatchObject(expected);
  });

  it("writes exception chains and short stacks into details", () => {
    const details = normalize(fixture("python_zero_division")).details;
    expect(details).toBe(
      [
        "ZeroDivisionError: division by zero",
        "  at inner (django/core/handlers/exception.py:34)",
        "  at _get_response (django/core/handlers/base.py:115)",
        "  at _get_response (django/core/handlers/base.py:113)",
        "  at view (django/views/generic/base.py:71)",
        "  at dispatch (django/views/generic/base.py:97)",
        "  at get (errors/views.py:18)",
      ].join("\n"),
    );
  });

  it("puts the log message before the exception and elides old frames", () => {
    const details = normalize(fixture("dotnet_error")).details;
    expect(
      details.startsWith("An unhandled exception has occurred while executing the request.\n\n"),
    ).toBe(true);
    expect(details).toContain("System.NullReferenceException: Object reference not set");
    expect(
      details.endsWith(
        "  at OnGet (/home/david/Projects/dotnet-error-factory/myWebApp/Pages/Index.cshtml.cs:22:6)",
      ),
    ).toBe(true);
    const ruby = normalize(fixture("ruby_zero_division")).details;
    expect(ruby).toContain("  … 41 earlier frames\n");
    expect(ruby.split("\n").filter((l) => l.startsWith("  at "))).toHaveLength(50);
  });

  it("falls back to the project slug for the origin", () => {
    expect(normalize({ message: "m" }).origin).toBe("my-app");
    expect(normalize({ message: "m", request: { url: "/relative" } }).origin).toBe("my-app");
  });

  it.each<[string, unknown, string | null]>([
    ["a release", "web@1.2.3", "web@1.2.3"],
    ["a numeric release", 12, "12"],
    ["a blank release", "  ", null],
    ["an oversized release", "r".repeat(201), null],
    ["an object release", { v: 1 }, null],
  ])("keeps %s", (_name, release, expected) => {
    expect(normalize({ message: "m", release }).release).toBe(expected);
  });

  it("caps a long exception type in the title", () => {
    const title = normalize({ exception: [{ type: "T".repeat(300), value: "v" }] }).title;
    expect(title).toHaveLength(255);
    expect(title.endsWith("…")).toBe(true);
  });

  it("generates an event id when the SDK's is unusable", () => {
    for (const event_id of [undefined, "xyz", 42, "A968A7F1-F494-452F-96E8-BE1A017D81EC"]) {
      expect(normalize({ event_id }).eventId).toMatch(/^[0-9a-f]{32}$/);
    }
    expect(normalize({ event_id: "A968A7F1-F494-452F-96E8-BE1A017D81EC" }).eventId).toBe(
      "a968a7f1f494452f96e8be1a017d81ec",
    );
  });

  it.each([null, undefined, "event", 42, [], [{ message: "m" }]])(
    "rejects a payload that is %j",
    (payload) => {
      expect(() => normalize(payload)).toThrow(SentryEventError);
    },
  );
});

describe("normalizeSentryEvent on hostile payloads", () => {
  it.each<[string, Record<string, unknown>]>([
    ["exception as a string", { exception: "x" }],
    ["exception.values as a string", { exception: { values: "x" } }],
    [
      "odd exception entries",
      { exception: { values: [null, 1, "x", { type: 5 }, { value: {} }] } },
    ],
    [
      "odd frames",
      {
        exception: [
          { type: "E", stacktrace: { frames: [null, "x", 5, { lineno: "a", function: 3 }] } },
        ],
      },
    ],
    ["frames as an object", { exception: [{ type: "E", stacktrace: { frames: { 0: {} } } }] }],
    [
      "odd urls",
      {
        exception: [{ type: "E", stacktrace: { frames: [{ filename: "http://[bad" }] } }],
        request: { url: "http://[bad" },
      },
    ],
    ["odd tags", { tags: [["a"], [1, 2], ["k", {}], "x", null] }],
    [
      "odd scalars",
      {
        level: 5,
        environment: 5,
        server_name: 5,
        release: [],
        timestamp: {},
        transaction: 1,
        platform: {},
      },
    ],
    [
      "odd logentry",
      { logentry: { message: 5, params: "x" }, message: { message: "%s %s", params: ["a"] } },
    ],
    ["odd fingerprint", { fingerprint: [{}], message: "m" }],
    [
      "a huge stack",
      {
        exception: [
          {
            type: "E",
            stacktrace: {
              frames: Array.from({ length: 20_000 }, (_, i) => ({ function: `f${i}` })),
            },
          },
        ],
      },
    ],
    [
      "a huge chain",
      { exception: Array.from({ length: 5_000 }, () => ({ type: "E", value: "v".repeat(100) })) },
    ],
    [
      "a prototype key",
      JSON.parse('{"__proto__": {"level": "fatal"}, "tags": {"__proto__": "x"}}'),
    ],
  ])("%s", (_name, payload) => {
    const event = normalize(payload);
    expect(event.level).toBe("error");
    expect(event.title.length).toBeLessThanOrEqual(255);
    expect(event.details.length).toBeLessThanOrEqual(65_536);
    expect(event.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(({} as Record<string, unknown>).level).toBeUndefined();
  });
});

describe("sentryTimestamp", () => {
  it.each<[unknown, Date]>([
    ["2020-05-02T16:54:20.487733Z", new Date("2020-05-02T16:54:20.487Z")],
    ["2020-05-02T16:54:20", new Date("2020-05-02T16:54:20Z")],
    [1599504520.529, new Date(1599504520529)],
    ["1599504520.529", new Date(1599504520529)],
    [" 1599504520 ", new Date(1599504520000)],
    ["2024-06-03T00:00:00Z", now], // more than a day ahead
    [1e12, now],
    ["soon", now],
    [-5, now],
    [null, now],
    [undefined, now],
    [{}, now],
  ])("%j → %s", (raw, expected) => {
    expect(sentryTimestamp(raw, now)).toEqual(expected);
  });
});

describe("sentryTags", () => {
  it.each<[unknown, Record<string, string>]>([
    [
      { a: "1", b: 2, c: true, d: null, e: {}, f: [1] },
      { a: "1", b: "2", c: "true" },
    ],
    [[["a", "1"], ["b", 2], ["c"], [3, "x"], "z", ["a", "dup"]], { a: "1", b: "2" }],
    [{ ["k".repeat(33)]: "v", " ": "v", ok: "v" }, { ok: "v" }],
    [{ long: "v".repeat(300) }, { long: `${"v".repeat(199)}…` }],
    [
      Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`k${i}`, "v"])),
      Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, "v"])),
    ],
    ["tags", {}],
    [null, {}],
  ])("%j", (raw, expected) => {
    expect(sentryTags(raw)).toEqual(expected);
  });

  it("keeps a __proto__ tag as a plain key", () => {
    const tags = sentryTags(JSON.parse('{"__proto__": "x"}'));
    expect(Object.keys(tags)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(tags)).toBe(Object.prototype);
  });
});
