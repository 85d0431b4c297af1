import { describe, expect, it } from "vitest";
import { toJsonParam } from "./sql";

describe("toJsonParam", () => {
  it("replaces NUL and lone surrogates in values and in keys, which PostgreSQL refuses", () => {
    const text = toJsonParam({ "a\ud800": "b\udc00", "\u0000": ["x\u0000"], ok: "😀" });
    expect(text).not.toMatch(/\\u0000|\\ud[89a-f]/i);
    expect(JSON.parse(text)).toEqual({ "a\ufffd": "b\ufffd", "\ufffd": ["x\ufffd"], ok: "😀" });
  });

  it("keeps a __proto__ key a plain key", () => {
    const value = JSON.parse('{"__proto__": {"x": 1}, "k\\ud800": 1}');
    expect(JSON.parse(toJsonParam(value))).toEqual(
      JSON.parse('{"__proto__": {"x": 1}, "k\\ufffd": 1}'),
    );
  });

  it("leaves clean JSON untouched", () => {
    expect(toJsonParam({ a: [1, "b"] })).toBe('{"a":[1,"b"]}');
  });
});
