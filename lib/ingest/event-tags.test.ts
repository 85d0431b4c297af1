import { describe, expect, it } from "vitest";
import { readJsonFixture } from "@/tests/support/fixtures";
import { withDerivedTags } from "./event-tags";
import { MAX_TAGS } from "./limits";
import { normalizeSentryEvent } from "./sentry-event";
import { parseUserAgent } from "./user-agent";

const fixture = (name: string) =>
  readJsonFixture(`sentry-events/${name}.json`) as Record<string, unknown>;
const tagsOf = (name: string) =>
  normalizeSentryEvent(fixture(name), { projectSlug: "p", now: new Date("2030-01-01") }).tags;

describe("tags derived from a Sentry event (as Sentry names them)", () => {
  it("a Django error: runtime context, browser and os from the User-Agent, server, url, transaction, mechanism", () => {
    expect(tagsOf("python_zero_division")).toMatchObject({
      runtime: "CPython 3.8.2",
      "runtime.name": "CPython",
      browser: "Firefox 75.0",
      "browser.name": "Firefox",
      os: "Ubuntu",
      "os.name": "Ubuntu",
      server_name: "2f96b0310f37",
      url: "http://localhost:8001/divide-zero/",
      transaction: "/divide-zero/",
      handled: "no",
      mechanism: "django",
    });
  });

  it("a browser error: the user by id, handled yes", () => {
    expect(tagsOf("js_error_with_context")).toMatchObject({
      user: "id:1",
      browser: "Firefox 80.0",
      handled: "yes",
      mechanism: "generic",
    });
  });

  it("the SDK's own tags stay and win; a context found by its type; a long version left out", () => {
    const dotnet = tagsOf("dotnet_error");
    expect(dotnet.TraceId).toBe("ca320d7c-4b7d78ddc6e8484d");
    expect(dotnet.runtime).toBe(".NET Core 3.1.3");
    const ruby = tagsOf("ruby_zero_division");
    expect(ruby.request_id).toBe("074df263-4b01-498d-8ce2-18eb56c28812");
    // The kernel build string is no version to filter by; the name stays.
    expect(ruby.os).toBe("Linux");
    expect(ruby["os.name"]).toBe("Linux");
    const own = withDerivedTags({ server_name: "web-1" }, { server_name: "mine" });
    expect(own.server_name).toBe("mine");
  });

  it("a user ip of {{auto}} says nothing; a username does", () => {
    expect(tagsOf("sentry_cli_send_event_no_level").user).toBe("username:user");
    expect(withDerivedTags({ user: { ip_address: "{{auto}}" } }, {}).user).toBeUndefined();
  });

  it("never more than MAX_TAGS, the SDK's own first", () => {
    const own = Object.fromEntries(
      Array.from({ length: MAX_TAGS - 1 }, (_, i) => [`k${i}`, "v"] as [string, string]),
    );
    const tags = withDerivedTags({ server_name: "a", transaction: "/t" }, own);
    expect(Object.keys(tags)).toHaveLength(MAX_TAGS);
    expect(tags.server_name).toBe("a");
    expect(tags.transaction).toBeUndefined();
  });

  it("odd shapes never throw: headers as pairs, a URL with a query, non-http URLs", () => {
    const tags = withDerivedTags(
      {
        request: {
          url: "https://shop.example/cart?id=42#top",
          headers: [
            ["user-agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0.1 Edg/120.0.2"],
          ],
        },
        contexts: { os: "not an object", browser: { name: 7 } },
        user: "someone",
        exception: "broken",
      },
      {},
    );
    expect(tags).toMatchObject({
      url: "https://shop.example/cart",
      browser: "Edge 120.0",
      os: "Windows 10",
    });
    expect(withDerivedTags({ request: { url: "file:///etc/passwd" } }, {}).url).toBeUndefined();
  });
});

describe("parseUserAgent", () => {
  it.each([
    [
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1",
      { browser: { name: "Safari", version: "17.1" }, os: { name: "iOS", version: "17.1" } },
    ],
    [
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
      { browser: { name: "Chrome", version: "126.0" }, os: { name: "macOS", version: "10.15" } },
    ],
    [
      "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36",
      { browser: { name: "Chrome", version: "126.0" }, os: { name: "Android", version: "14" } },
    ],
    ["curl/8.5.0", {}],
  ])("%s", (header, facts) => {
    expect(parseUserAgent(header)).toEqual(facts);
  });

  it("a megabyte of header is read only as far as its bound", () => {
    const started = performance.now();
    parseUserAgent(`${"Mozilla/5.0 ".repeat(100_000)}Firefox/1.0`);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
