import { describe, expect, it } from "vitest";
import { hashPassword, verifyDummyPassword, verifyPassword } from "./password-hash";

describe("password hashing", () => {
  it("hashes with argon2id and a fresh salt each time", async () => {
    const a = await hashPassword("correct horse");
    const b = await hashPassword("correct horse");
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain("correct horse");
  });

  it("verifies the right password and refuses others", async () => {
    const stored = await hashPassword("correct horse");
    expect(await verifyPassword(stored, "correct horse")).toBe(true);
    expect(await verifyPassword(stored, "correct horsE")).toBe(false);
    expect(await verifyPassword(stored, "")).toBe(false);
  });

  it("treats a malformed stored hash as a failed check", async () => {
    expect(await verifyPassword("not-a-hash", "anything")).toBe(false);
  });

  it("spends real argon2 work on the dummy check", async () => {
    await verifyDummyPassword("warm-up");
    const stored = await hashPassword("x");
    const time = async (fn: () => Promise<unknown>) => {
      const samples: number[] = [];
      for (let i = 0; i < 5; i++) {
        const start = performance.now();
        await fn();
        samples.push(performance.now() - start);
      }
      return samples.sort((x, y) => x - y)[2] ?? 0;
    };
    const real = await time(() => verifyPassword(stored, "wrong"));
    const dummy = await time(() => verifyDummyPassword("wrong"));
    // Same algorithm and cost: the two medians are of one order, never "instant" for unknown emails.
    expect(dummy).toBeGreaterThan(real * 0.5);
    expect(dummy).toBeLessThan(real * 2);
  });
});
