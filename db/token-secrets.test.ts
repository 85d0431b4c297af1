import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateToken, hashToken, looksLikeToken, tokenPrefix } from "./token-secrets";

describe("tokens", () => {
  it("makes personal tokens with 256 random bits", () => {
    const token = generateToken("personal");
    expect(token).toMatch(/^ecp_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token.slice(4), "base64url")).toHaveLength(32);
  });

  it("makes ingest keys shaped like a Sentry public key (128 bits of hex)", () => {
    expect(generateToken("ingest")).toMatch(/^[0-9a-f]{32}$/);
  });

  it("never repeats", () => {
    const seen = new Set(Array.from({ length: 1000 }, () => generateToken("personal")));
    expect(seen.size).toBe(1000);
  });

  it("stores SHA-256 hex, not the token", () => {
    const token = generateToken("personal");
    expect(hashToken(token)).toBe(createHash("sha256").update(token).digest("hex"));
    expect(hashToken(token)).toHaveLength(64);
  });

  it("keeps only a short prefix for display", () => {
    const personal = generateToken("personal");
    expect(tokenPrefix(personal)).toBe(personal.slice(0, 10));
    const ingest = generateToken("ingest");
    expect(tokenPrefix(ingest)).toBe(ingest.slice(0, 8));
  });

  it.each([
    ["", false],
    ["ecp_short", false],
    [`ecp_${"a".repeat(43)}`, true],
    ["0123456789abcdef0123456789abcdef", true],
    ["0123456789ABCDEF0123456789ABCDEF", false],
    [`${"a".repeat(32)} `, false],
  ])("shape check %j → %s", (value, expected) => {
    expect(looksLikeToken(value)).toBe(expected);
  });
});
