import { describe, expect, it } from "vitest";
import { hashFingerprint, nativeDefaultKey, parameterize, resolveFingerprint } from "./fingerprint";

describe("parameterize", () => {
  it.each([
    // numbers
    ["Timeout after 3000 ms for order 81723", "Timeout after <int> ms for order <int>"],
    ["took 3.5 s", "took <num> s"],
    ["Timeout after 3000ms", "Timeout after <int>ms"], // a unit suffix stays
    ["offset -12", "offset -<int>"],
    ["order #42.", "order #<int>."],
    ["at file.py:123", "at file.py:<int>"],
    ["id=123456789012", "id=<int>"], // pure digit runs are numbers, whatever their length
    // words with digits are identifiers, kept as they are
    ["utf8 http2 v2 ERR_42 x86_64 sha256 E11000", "utf8 http2 v2 ERR_42 x86_64 sha256 E11000"],
    ["upgrade to v2.3.1", "upgrade to v2.3.1"],
    ["user123 failed", "user123 failed"],
    ["A Generic Error 9371d7", "A Generic Error <int>d7"],
    // urls
    ["GET https://api.example.com/v2/users/42?x=1 failed", "GET <url> failed"],
    ["see http://x.io/a.", "see <url>."],
    ["(ws://localhost:3000/socket)", "(<url>)"],
    // emails
    ["user bob.smith+tag@example.co.uk not found", "user <email> not found"],
    // uuids
    ["order 123e4567-E89B-12d3-a456-426614174000 missing", "order <uuid> missing"],
    // quoted strings
    ["Reverse for 'nope' not found.", "Reverse for <str> not found."],
    ['key "user_id" missing', "key <str> missing"],
    ["template `x + y` failed", "template <str> failed"],
    ["Can't find user 'bob'", "Can't find user <str>"],
    ["don't won't", "don't won't"],
    ["escaped 'it\\'s' here", "escaped <str> here"],
    ['empty "" string', "empty <str> string"],
    // dates
    ["at 2024-01-15T10:20:30.123Z and 2024-01-15", "at <date> and <date>"],
    ["since 2024-01-15 10:20:30+02:00", "since <date>"],
    // ips
    ["connect 192.168.0.1:8080 refused", "connect <ip>:<int> refused"],
    ["from ::1 and fe80::1ff:fe23:4567:890a", "from <ip> and <ip>"],
    ["2001:db8:85a3:0:0:8a2e:370:7334 down", "<ip> down"],
    ["std::vector and Foo::Bar", "std::vector and Foo::Bar"],
    ["999.1.1.1", "<num>"],
    // hex ids
    ["ptr 0xDEADBEEF", "ptr <hex>"],
    ["commit 9fceb02d0ae598e95dc970b74767f19372d61af8", "commit <hex>"],
    ["request req-1a2b3c4d5e", "request req-<hex>"],
    ["deadbeef accessed", "deadbeef accessed"], // no digit: a word, not an id
    // whitespace
    ["  too   many\n spaces ", "too many spaces"],
    ["", ""],
  ])("%j → %j", (input, expected) => {
    expect(parameterize(input)).toBe(expected);
  });

  it.each([
    ["Timeout after 3000 ms for order 81723", "Timeout after 5000 ms for order 1"],
    ["User 42 not found", "User 1234567890 not found"],
    ["Payment 3f2a-… for a@b.com", "Payment 3f2a-… for c.d@example.org"],
    ["Lookup of 'alice' failed", 'Lookup of "bob" failed'],
    ["row 0x1F locked", "row 0xABCDEF01 locked"],
  ])("%j and %j parameterize identically", (a, b) => {
    expect(parameterize(a)).toBe(parameterize(b));
  });

  it("stays fast on long hostile input", () => {
    const hostile = `${"a".repeat(100_000)}@${"1.".repeat(50_000)}'${"\\'".repeat(10_000)}`;
    const started = performance.now();
    parameterize(hostile);
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe("nativeDefaultKey", () => {
  it("is level, parameterized title and origin", () => {
    expect(
      nativeDefaultKey({ level: "error", title: "Order 12 failed", origin: "billing-api" }),
    ).toEqual(["error", "Order <int> failed", "billing-api"]);
  });
});

describe("resolveFingerprint", () => {
  const key = ["error", "Order <int> failed", "billing-api"];
  it.each([
    [undefined, key],
    [null, key],
    ["custom", key],
    [[], key],
    [{ 0: "a" }, key],
    [["a", {}], key],
    [["a", null], key],
    [
      ["checkout", "timeout"],
      ["checkout", "timeout"],
    ],
    [["{{ default }}"], key],
    [
      ["{{default}}", "db"],
      [...key, "db"],
    ],
    [
      ["db", " {{ DEFAULT }} "],
      ["db", ...key],
    ],
    [
      ["{{ default }}", "{{ default }}"],
      [...key, ...key],
    ],
    [["{{ transaction }}"], ["{{ transaction }}"]],
    [
      ["code", 500, true],
      ["code", "500", "true"],
    ],
    [[""], [""]],
  ])("%j → %j", (explicit, expected) => {
    expect(resolveFingerprint(explicit, key)).toEqual(expected);
  });

  it("does not hand out the default key array itself", () => {
    const resolved = resolveFingerprint(undefined, key);
    resolved.push("x");
    expect(key).toHaveLength(3);
  });
});

describe("hashFingerprint", () => {
  it("is a stable sha256 hex of the JSON-encoded parts", () => {
    // Pinned values: a change here regroups every stored error (bump GROUPING_VERSION).
    expect(hashFingerprint(["a", "b"])).toBe(
      "0473ef2dc0d324ab659d3580c1134e9d812035905c4781fdd6d529b0c6860e13",
    );
    expect(hashFingerprint(["error", "Order <int> failed", "billing-api"])).toBe(
      "9948d7f980b20b86ecb038514af32c0f48f97ac499f853694ac1f0d35805d384",
    );
  });

  it.each([
    [["a b"], ["a", "b"]],
    [["a,b"], ["a", "b"]],
    [["ab"], ["a", "b"]],
    [['a","b'], ["a", "b"]],
    [[], [""]],
  ])("%j and %j hash differently", (a, b) => {
    expect(hashFingerprint(a)).not.toBe(hashFingerprint(b));
  });
});
