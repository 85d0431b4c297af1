import { describe, expect, it } from "vitest";
import { BodyError, parseJsonBody } from "./body";

describe("parseJsonBody", () => {
  const encode = (text: string) => new TextEncoder().encode(text);
  it.each<[string, Uint8Array, unknown]>([
    ["an object", encode('{"a":[1,"ç"]}'), { a: [1, "ç"] }],
    ["an array", encode("[1,2]"), [1, 2]],
    ["a byte order mark", new Uint8Array([0xef, 0xbb, 0xbf, ...encode("{}")]), {}],
    ["surrounding whitespace", encode(" \n{}\n "), {}],
    ["128 nested arrays", encode(`${"[".repeat(128)}${"]".repeat(128)}`), expect.any(Array)],
  ])("parses %s", (_name, bytes, expected) => {
    expect(parseJsonBody(bytes)).toEqual(expected);
  });

  it.each<[string, Uint8Array, RegExp]>([
    ["an empty body", encode(""), /^invalid JSON: /],
    ["broken JSON", encode('{"a":'), /^invalid JSON: /],
    ["trailing garbage", encode("{} x"), /^invalid JSON: /],
    [
      "invalid UTF-8",
      new Uint8Array([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
      /^invalid JSON: body is not valid UTF-8$/,
    ],
    ["a lone surrogate in UTF-8", new Uint8Array([0x22, 0xed, 0xa0, 0x80, 0x22]), /UTF-8/],
    ["10,000 nested arrays", encode(`${"[".repeat(10_000)}${"]".repeat(10_000)}`), /128 levels/],
    ["129 nested objects", encode(`${'{"a":'.repeat(129)}1${"}".repeat(129)}`), /128 levels/],
  ])("rejects %s with 400", (_name, bytes, message) => {
    let caught: unknown;
    try {
      parseJsonBody(bytes);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(BodyError);
    expect(caught).toMatchObject({ status: 400, code: "invalid_json" });
    expect((caught as BodyError).message).toMatch(message);
  });
});
