import { describe, expect, it } from "vitest";
import { listJsonFixtures, readJsonFixture } from "@/tests/support/fixtures";
import { sentryCulprit, sentryTitle, truncateChars } from "./sentry-title";

const fixtures = listJsonFixtures("sentry-events").map((name) => ({
  name,
  event: readJsonFixture(`sentry-events/${name}.json`),
  expected: readJsonFixture(`sentry-events/expected/${name}.json`) as {
    title: string;
    culprit: string;
  },
}));

// The fixture keeps only the outermost stack frame; Sentry computed the culprit from the full,
// source-mapped stack that was sent, so the payload no longer names errorWithContext or main.js.
const CULPRIT_DIFFERS: Record<string, string> = {
  js_error_with_context: "globalZoneAwareCallback(/polyfills.js)",
};

describe("Sentry fixtures", () => {
  it("are all there", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(11);
  });

  it.each(fixtures)("$name: title matches Sentry's", ({ event, expected }) => {
    expect(sentryTitle(event)).toBe(expected.title);
  });

  it.each(fixtures)(
    "$name: culprit matches Sentry's (or a documented difference)",
    ({ name, event, expected }) => {
      expect(sentryCulprit(event)).toBe(CULPRIT_DIFFERS[name] ?? expected.culprit);
    },
  );
});

describe("sentryTitle", () => {
  const exception = (value: Record<string, unknown>) => ({ exception: { values: [value] } });
  it.each<[string, unknown, string]>([
    ["type and value", exception({ type: "KeyError", value: "'id'" }), "KeyError: 'id'"],
    ["type only", exception({ type: "KeyError" }), "KeyError"],
    ["type with an empty value", exception({ type: "KeyError", value: "" }), "KeyError"],
    ["value only", exception({ value: "something broke" }), "something broke"],
    ["a numeric value", exception({ type: "Exit", value: 3 }), "Exit: 3"],
    ["the first line of the value", exception({ type: "E", value: "line 1\nline 2" }), "E: line 1"],
    ["a leading blank line", exception({ type: "E", value: "\n  line 2" }), "E: line 2"],
    [
      "a value cut at 100 characters",
      exception({ type: "E", value: "v".repeat(150) }),
      `E: ${"v".repeat(97)}...`,
    ],
    [
      "the last exception of a chain",
      {
        exception: {
          values: [
            { type: "Cause", value: "c" },
            { type: "Outer", value: "o" },
          ],
        },
      },
      "Outer: o",
    ],
    ["an exception array", { exception: [{ type: "A", value: "a" }] }, "A: a"],
    ["a single exception object", { exception: { type: "Crash", value: "boom" } }, "Crash: boom"],
    [
      "skipping exceptions without type and value",
      { exception: { values: [{ type: "Real", value: "r" }, { stacktrace: {} }] } },
      "Real: r",
    ],
    ["a message string", { message: "Page not found!" }, "Page not found!"],
    ["logentry.formatted first", { logentry: { formatted: "f", message: "m" } }, "f"],
    ["logentry.message with params", { logentry: { message: "Got %s", params: ["x"] } }, "Got x"],
    [
      "message object with named params",
      { message: { message: "Hi {who}", params: { who: "you" } } },
      "Hi you",
    ],
    ["logentry over message", { logentry: { message: "log" }, message: "msg" }, "log"],
    ["the first line of a message", { message: "  first\nsecond" }, "first"],
    ["a message cut at 100", { message: "m".repeat(101) }, `${"m".repeat(97)}...`],
    ["exception over message", { message: "m", exception: [{ type: "T" }] }, "T"],
    ["an empty message", { message: "" }, "<unlabeled event>"],
    ["nothing", {}, "<unlabeled event>"],
    ["empty exceptions", { exception: [] }, "<unlabeled event>"],
    ["not an object", "oops", "<unlabeled event>"],
    ["garbage fields", { exception: 5, logentry: [], message: { message: 7 } }, "7"],
  ])("%s", (_name, event, title) => {
    expect(sentryTitle(event)).toBe(title);
  });
});

describe("sentryCulprit", () => {
  const stack = (frames: unknown[], extra: Record<string, unknown> = {}) => ({
    exception: { values: [{ type: "E", stacktrace: { frames } }] },
    ...extra,
  });
  it.each<[string, unknown, string]>([
    ["an explicit culprit", stack([], { culprit: "c", transaction: "t" }), "c"],
    [
      "the transaction",
      stack([{ function: "f", module: "m", in_app: true }], { transaction: "/x" }),
      "/x",
    ],
    [
      "the innermost in-app frame",
      stack([
        { function: "a", module: "app.a", in_app: true },
        { function: "b", module: "app.b", in_app: true },
        { function: "lib", module: "lib", in_app: false },
      ]),
      "app.b in b",
    ],
    [
      "the innermost frame when none is in-app",
      stack([
        { function: "a", module: "x" },
        { function: "b", module: "y" },
      ]),
      "y in b",
    ],
    [
      "the filename without a module",
      stack([{ function: "f", filename: "app/x.rb", in_app: true }]),
      "app/x.rb in f",
    ],
    ["? for a missing function", stack([{ module: "m", in_app: true }]), "m in ?"],
    [
      "function(file) on javascript",
      stack([{ function: "f", filename: "https://x.io/static/app.js?v=1", in_app: true }], {
        platform: "javascript",
      }),
      "f(/static/app.js)",
    ],
    [
      "the frame's own platform",
      stack([{ function: "f", filename: "a.js", in_app: true, platform: "node" }], {
        platform: "python",
      }),
      "f(a.js)",
    ],
    [
      "the function on native",
      stack([{ function: "crash", filename: "a.c", in_app: true }], { platform: "native" }),
      "crash",
    ],
    [
      "nothing for a synthetic exception",
      {
        exception: { values: [{ type: "SIGSEGV", mechanism: { synthetic: true } }] },
        request: { url: "u" },
      },
      "",
    ],
    [
      "the request URL without frames",
      stack([], { request: { url: "http://x.io/a" } }),
      "http://x.io/a",
    ],
    [
      "a top-level stacktrace",
      { message: "m", stacktrace: { frames: [{ function: "f", module: "m" }] } },
      "m in f",
    ],
    ["a culprit cut at 200", { transaction: "t".repeat(300) }, `${"t".repeat(197)}...`],
    ["nothing", {}, ""],
    ["not an object", null, ""],
  ])("%s", (_name, event, culprit) => {
    expect(sentryCulprit(event)).toBe(culprit);
  });
});

describe("truncateChars", () => {
  it.each([
    ["short", 10, "short"],
    ["exactly ten", 11, "exactly ten"],
    ["a bit too long", 10, "a bit t..."],
    ["😀".repeat(10), 10, "😀".repeat(10)], // counts code points, as Python does
    ["😀".repeat(11), 10, `${"😀".repeat(7)}...`],
  ])("%j, %d → %j", (text, max, expected) => {
    expect(truncateChars(text, max)).toBe(expected);
  });
});
