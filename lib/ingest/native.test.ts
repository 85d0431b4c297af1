import { describe, expect, it } from "vitest";
import { GROUPING_VERSION, hashFingerprint } from "./fingerprint";
import { type NativeEventInput, nativeEventSchema, normalizeNativeEvent } from "./native";

const parse = (input: Record<string, unknown>) =>
  nativeEventSchema.safeParse({ title: "Boom", ...input });

describe("nativeEventSchema accepts", () => {
  it.each<[string, Record<string, unknown>, Partial<NativeEventInput>]>([
    ["a bare title", {}, { title: "Boom" }],
    ["a trimmed title", { title: "  Boom \n" }, { title: "Boom" }],
    ["a 255-char title", { title: "t".repeat(255) }, { title: "t".repeat(255) }],
    ["64 KiB of details", { details: "d".repeat(65_536) }, { details: "d".repeat(65_536) }],
    ["a level", { level: "warning" }, { level: "warning" }],
    ["a level alias", { level: " WARN " }, { level: "warning" }],
    ["critical as fatal", { level: "critical" }, { level: "fatal" }],
    ["an environment alias (normalized later)", { environment: "prod" }, { environment: "prod" }],
    ["a trimmed origin", { origin: " billing-api " }, { origin: "billing-api" }],
    [
      "an ISO timestamp with offset",
      { timestamp: "2024-05-01T12:00:00+02:00" },
      { timestamp: new Date("2024-05-01T10:00:00Z") },
    ],
    ["epoch seconds", { timestamp: 1714564800.25 }, { timestamp: new Date(1714564800250) }],
    [
      "a fingerprint",
      { fingerprint: ["{{ default }}", "db", 42] },
      { fingerprint: ["{{ default }}", "db", "42"] },
    ],
    [
      "tags, coercing scalars",
      { tags: { region: "eu", retry: 3, cached: false } },
      { tags: { region: "eu", retry: "3", cached: "false" } },
    ],
    ["an eventId", { eventId: "evt_01:abc.DEF-9" }, { eventId: "evt_01:abc.DEF-9" }],
    ["a project id", { project: 12 }, { project: 12 }],
    ["a project slug", { project: "web-checkout-a1b2c3" }, { project: "web-checkout-a1b2c3" }],
    ["a trimmed release", { release: " web@1.2.0 \n" }, { release: "web@1.2.0" }],
    ["a 200-char release", { release: "r".repeat(200) }, { release: "r".repeat(200) }],
  ])("%s", (_name, input, expected) => {
    const result = parse(input);
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject(expected);
  });

  it("ignores unknown fields", () => {
    const result = parse({ message: "x", extra: { a: 1 }, dist: "1.0" });
    expect(result.success && result.data).toEqual({ title: "Boom" });
  });

  it("drops a __proto__ tag from JSON without polluting prototypes", () => {
    const result = nativeEventSchema.safeParse(
      JSON.parse('{"title":"t","tags":{"__proto__":"x","a":"b"}}'),
    );
    expect(result.success).toBe(true);
    expect(result.data?.tags).toEqual({ a: "b" });
    expect(Object.getPrototypeOf(result.data?.tags)).toBe(Object.prototype);
  });
});

describe("nativeEventSchema rejects", () => {
  it.each<[string, unknown, (string | number)[], RegExp]>([
    ["a missing title", { level: "error" }, ["title"], /title is required/],
    ["a blank title", { title: "   " }, ["title"], /must not be empty/],
    ["a non-string title", { title: 42 }, ["title"], /must be a string/],
    ["a 256-char title", { title: "t".repeat(256) }, ["title"], /at most 255/],
    ["over 64 KiB of details", { title: "t", details: "d".repeat(65_537) }, ["details"], /64 KiB/],
    [
      "an unknown level",
      { title: "t", level: "verbose" },
      ["level"],
      /fatal, error, warning, info, debug/,
    ],
    ["a numeric level", { title: "t", level: 40 }, ["level"], /one of/],
    ["a long environment", { title: "t", environment: "e".repeat(65) }, ["environment"], /64/],
    ["a long origin", { title: "t", origin: "o".repeat(256) }, ["origin"], /255/],
    [
      "a zoneless timestamp",
      { title: "t", timestamp: "2024-05-01T12:00:00" },
      ["timestamp"],
      /time zone/,
    ],
    ["a date-only timestamp", { title: "t", timestamp: "2024-05-01" }, ["timestamp"], /ISO 8601/],
    ["a non-date timestamp", { title: "t", timestamp: "yesterday" }, ["timestamp"], /ISO 8601/],
    ["a timestamp in milliseconds", { title: "t", timestamp: Date.now() }, ["timestamp"], /future/],
    ["a boolean timestamp", { title: "t", timestamp: true }, ["timestamp"], /ISO 8601/],
    ["an empty fingerprint", { title: "t", fingerprint: [] }, ["fingerprint"], /empty/],
    ["a fingerprint string", { title: "t", fingerprint: "x" }, ["fingerprint"], /array/],
    [
      "21 fingerprint items",
      { title: "t", fingerprint: Array(21).fill("x") },
      ["fingerprint"],
      /20/,
    ],
    [
      "a long fingerprint item",
      { title: "t", fingerprint: ["x".repeat(256)] },
      ["fingerprint", 0],
      /255/,
    ],
    [
      "an object fingerprint item",
      { title: "t", fingerprint: [{}] },
      ["fingerprint", 0],
      /strings/,
    ],
    ["tags as an array", { title: "t", tags: ["a"] }, ["tags"], /object/],
    [
      "a long tag key",
      { title: "t", tags: { ["k".repeat(33)]: "v" } },
      ["tags", "k".repeat(33)],
      /1–32/,
    ],
    ["a long tag value", { title: "t", tags: { k: "v".repeat(201) } }, ["tags", "k"], /200/],
    ["a null tag value", { title: "t", tags: { k: null } }, ["tags", "k"], /strings/],
    [
      "51 tags",
      {
        title: "t",
        tags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, "v"])),
      },
      ["tags"],
      /50/,
    ],
    ["an eventId with spaces", { title: "t", eventId: "a b" }, ["eventId"], /eventId/],
    ["an empty eventId", { title: "t", eventId: "" }, ["eventId"], /eventId/],
    ["a 65-char eventId", { title: "t", eventId: "e".repeat(65) }, ["eventId"], /eventId/],
    ["a blank release", { title: "t", release: "  " }, ["release"], /must not be empty/],
    ["a 201-char release", { title: "t", release: "r".repeat(201) }, ["release"], /at most 200/],
    ["a numeric release", { title: "t", release: 1.2 }, ["release"], /must be a string/],
    ["a negative project", { title: "t", project: -1 }, ["project"], /project id/],
    ["a fractional project", { title: "t", project: 1.5 }, ["project"], /project id/],
    ["a project slug with spaces", { title: "t", project: "my project" }, ["project"], /slug/],
    ["a non-object event", "Boom", [], /JSON object/],
    ["null", null, [], /JSON object/],
  ])("%s", (_name, input, path, message) => {
    const result = nativeEventSchema.safeParse(input);
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((i) => JSON.stringify(i.path) === JSON.stringify(path));
    expect(issue, JSON.stringify(result.error?.issues)).toBeDefined();
    expect(issue?.message).toMatch(message);
  });
});

describe("normalizeNativeEvent", () => {
  const now = new Date("2024-05-01T12:00:00Z");
  const ctx = { defaultOrigin: "api-token:ci", now };
  const normalize = (input: Record<string, unknown>) =>
    normalizeNativeEvent(nativeEventSchema.parse({ title: "Boom", ...input }), ctx);

  it("fills defaults", () => {
    const event = normalize({});
    expect(event).toEqual({
      eventId: expect.stringMatching(/^[0-9a-f]{32}$/),
      title: "Boom",
      details: "",
      level: "error",
      environment: "production",
      origin: "api-token:ci",
      culprit: null,
      occurredAt: now,
      release: null,
      tags: {},
      fingerprint: hashFingerprint(["error", "Boom", "api-token:ci"]),
      groupingVersion: GROUPING_VERSION,
      payload: null,
    });
    expect(normalize({}).eventId).not.toBe(event.eventId);
  });

  it("keeps what the client sent", () => {
    const event = normalize({
      title: "Order 7 failed",
      details: "stack…",
      level: "warn",
      environment: "homologação",
      origin: "billing-api",
      timestamp: "2024-04-30T08:00:00Z",
      tags: { region: "eu" },
      eventId: "evt-1",
      release: "1.4.0",
    });
    expect(event).toMatchObject({
      eventId: "evt-1",
      title: "Order 7 failed",
      details: "stack…",
      level: "warning",
      environment: "staging",
      origin: "billing-api",
      occurredAt: new Date("2024-04-30T08:00:00Z"),
      release: "1.4.0",
      tags: { region: "eu" },
      fingerprint: hashFingerprint(["warning", "Order <int> failed", "billing-api"]),
    });
  });

  it("uses the default origin for a blank one", () => {
    expect(normalize({ origin: "  " }).origin).toBe("api-token:ci");
  });

  it.each([
    ["Timeout after 3000 ms for order 81723", "Timeout after 5000 ms for order 1", true],
    ["User 'alice' not found", "User 'bob' not found", true],
    ["Payment failed", "Payment declined", false],
  ])("groups %j with %j: %s", (a, b, same) => {
    expect(normalize({ title: a }).fingerprint === normalize({ title: b }).fingerprint).toBe(same);
  });

  it.each([
    ["level", { level: "warning" }],
    ["origin", { origin: "other-service" }],
  ])("splits groups by %s", (_field, change) => {
    expect(normalize(change).fingerprint).not.toBe(normalize({}).fingerprint);
  });

  it("does not split groups by environment, details, tags or time", () => {
    const base = normalize({}).fingerprint;
    for (const change of [
      { environment: "dev" },
      { details: "other" },
      { tags: { a: "b" } },
      { timestamp: 1_700_000_000 },
    ]) {
      expect(normalize(change).fingerprint).toBe(base);
    }
  });

  it.each([
    [["checkout"], ["checkout"]],
    [
      ["{{ default }}", "db"],
      ["error", "Boom", "api-token:ci", "db"],
    ],
  ])("honours an explicit fingerprint %j", (fingerprint, parts) => {
    expect(normalize({ fingerprint }).fingerprint).toBe(hashFingerprint(parts));
  });
});
