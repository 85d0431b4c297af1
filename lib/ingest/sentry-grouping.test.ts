import { describe, expect, it } from "vitest";
import { readJsonFixture } from "@/tests/support/fixtures";
import { hashFingerprint } from "./fingerprint";
import { normalizeSentryEvent } from "./sentry-event";
import { sentryDefaultKey } from "./sentry-grouping";

const ctx = { projectSlug: "my-app", now: new Date("2024-06-01T00:00:00Z") };
const fixture = (name: string) =>
  readJsonFixture(`sentry-events/${name}.json`) as Record<string, unknown>;
const normalize = (payload: unknown) => normalizeSentryEvent(payload, ctx);
const clone = <T>(value: T): T => structuredClone(value);

describe("grouping of SDK events", () => {
  const zero = fixture("python_zero_division");
  const fingerprint = (payload: unknown) => normalize(payload).fingerprint;
  const lastException = (payload: Record<string, unknown>) =>
    (payload.exception as { values: Record<string, unknown>[] }).values.at(-1) as Record<
      string,
      unknown
    >;

  it("keys an exception by its type and in-app frames", () => {
    expect(sentryDefaultKey(fixture("ruby_zero_division"))).toEqual([
      "exception",
      "ZeroDivisionError",
      "articles_controller.rb index",
      "articles_controller.rb /",
    ]);
    expect(sentryDefaultKey(fixture("dotnet_error"))).toEqual([
      "exception",
      "System.NullReferenceException",
      "myWebApp.Pages.IndexModel OnGet",
    ]);
  });

  it("uses every frame when none is in-app", () => {
    expect(sentryDefaultKey(fixture("django_template_error"))).toHaveLength(2 + 6);
  });

  it("tells anonymous minified functions apart by position", () => {
    expect(sentryDefaultKey(fixture("small_js_error"))).toEqual([
      "exception",
      "Error",
      "bundle.js ?:2:74008",
      "bundle.js ?:2:74004",
      "bundle.js ?:2:73977",
    ]);
  });

  it("groups occurrences that differ in value, line numbers, time and ids", () => {
    const other = clone(zero);
    const exception = lastException(other);
    exception.value = "float division by zero";
    for (const frame of (exception.stacktrace as { frames: Record<string, unknown>[] }).frames) {
      frame.lineno = 999;
      frame.vars = {};
    }
    other.event_id = "00000000000000000000000000000001";
    other.timestamp = 1_700_000_000;
    other.server_name = "another-host";
    expect(fingerprint(other)).toBe(fingerprint(zero));
  });

  it("splits by exception type and by in-app frames", () => {
    const renamed = clone(zero);
    lastException(renamed).type = "ValueError";
    expect(fingerprint(renamed)).not.toBe(fingerprint(zero));

    const moved = clone(zero);
    const frames = (lastException(moved).stacktrace as { frames: Record<string, unknown>[] })
      .frames;
    (frames.at(-1) as Record<string, unknown>).function = "post";
    expect(fingerprint(moved)).not.toBe(fingerprint(zero));
  });

  it("uses the parameterized value when there are no frames", () => {
    const a = { exception: [{ type: "Timeout", value: "after 3000 ms for order 81723" }] };
    const b = { exception: [{ type: "Timeout", value: "after 5000 ms for order 1" }] };
    const c = { exception: [{ type: "Timeout", value: "connection reset" }] };
    expect(sentryDefaultKey(a)).toEqual(["exception", "Timeout", "after <int> ms for order <int>"]);
    expect(fingerprint(a)).toBe(fingerprint(b));
    expect(fingerprint(a)).not.toBe(fingerprint(c));
  });

  it("groups log messages by their template", () => {
    const a = { logentry: { message: "User %s logged in", params: ["alice"] } };
    const b = { logentry: { message: "User %s logged in", params: ["bob"] } };
    const c = { message: "User 42 logged in" };
    const d = { message: "User 7 logged in" };
    expect(fingerprint(a)).toBe(fingerprint(b));
    expect(fingerprint(c)).toBe(fingerprint(d));
    expect(sentryDefaultKey(c)).toEqual(["message", "User <int> logged in"]);
  });

  it("groups unlabeled events together", () => {
    expect(sentryDefaultKey(fixture("very_small_event"))).toEqual(["unlabeled"]);
  });

  it.each<[string, unknown, string[]]>([
    ["an explicit fingerprint", ["payments", "declined"], ["payments", "declined"]],
    ["{{ default }} plus a part", ["{{ default }}", "eu"], ["exception", "E", "m f", "eu"]],
    ["an empty array (Ruby sends [])", [], ["exception", "E", "m f"]],
    ["an invalid fingerprint", "custom", ["exception", "E", "m f"]],
  ])("honours %s", (_name, sdkFingerprint, parts) => {
    const payload = {
      exception: [
        { type: "E", value: "v", stacktrace: { frames: [{ module: "m", function: "f" }] } },
      ],
      fingerprint: sdkFingerprint,
    };
    expect(fingerprint(payload)).toBe(hashFingerprint(parts));
  });
});
