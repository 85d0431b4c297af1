import { describe, expect, it } from "vitest";
import { isUuid, parseIntegerId, parseProjectRef } from "./ids";

describe("parseIntegerId", () => {
  it.each([
    ["1", 1],
    ["42", 42],
    ["2147483647", 2147483647],
    [7, 7],
  ])("reads %j", (value, expected) => {
    expect(parseIntegerId(value)).toBe(expected);
  });

  it.each(["0", "-1", "1.5", "1e3", " 1", "0x10", "", "2147483648", "99999999999999999999", "abc"])(
    "refuses %j",
    (value) => {
      expect(parseIntegerId(value)).toBeNull();
    },
  );

  it.each([0, -3, 1.5, Number.NaN, 2 ** 31])("refuses the number %j", (value) => {
    expect(parseIntegerId(value)).toBeNull();
  });
});

describe("isUuid", () => {
  it("accepts UUIDs in either case and nothing else", () => {
    expect(isUuid("0b5e3c1a-8f1e-4d2a-9c3b-1a2b3c4d5e6f")).toBe(true);
    expect(isUuid("0B5E3C1A-8F1E-4D2A-9C3B-1A2B3C4D5E6F")).toBe(true);
    expect(isUuid("0b5e3c1a8f1e4d2a9c3b1a2b3c4d5e6f")).toBe(false);
    expect(isUuid("not-a-uuid")).toBe(false);
    expect(isUuid("123")).toBe(false);
  });
});

describe("parseProjectRef", () => {
  it("reads all digits as an id", () => {
    expect(parseProjectRef("12")).toEqual({ id: 12 });
    expect(parseProjectRef(12)).toEqual({ id: 12 });
  });

  it("reads anything slug-shaped as a slug, lower-cased", () => {
    expect(parseProjectRef("ada-s-project-1a2b3c")).toEqual({ slug: "ada-s-project-1a2b3c" });
    expect(parseProjectRef("Billing-API-00ff00")).toEqual({ slug: "billing-api-00ff00" });
  });

  it.each([
    "",
    "0",
    "2147483648",
    "-leading-hyphen",
    "with space",
    "nul\u0000byte",
    "slash/path",
    "é-accent",
    "x".repeat(101),
  ])("refuses %j", (value) => {
    expect(parseProjectRef(value)).toBeNull();
  });
});
