import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { api, signUp, uniqueEmail } from "../support/api";

// Each test sends its own X-Forwarded-For address, so that parallel test files never share a
// per-address budget.
const address = () => `198.51.100.${1 + (randomBytes(1)[0]! % 250)}, 10.0.0.${randomBytes(1)[0]}`;

describe("failed login limits", () => {
  it("locks an email after 10 failures in 15 minutes, even with the right password", async () => {
    const account = await signUp();
    for (let i = 0; i < 10; i++) {
      const res = await api("/api/auth/token", {
        json: { email: account.email, password: "wrong password" },
        headers: { "x-forwarded-for": `203.0.113.${i + 1}` },
      });
      expect(res.status).toBe(401);
    }
    const locked = await api("/api/auth/token", {
      json: { email: account.email.toUpperCase(), password: account.password },
      headers: { "x-forwarded-for": "203.0.113.200" },
    });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(locked.body.error.code).toBe("too_many_attempts");
    // Other accounts are unaffected.
    const other = await signUp();
    expect(
      (await api("/api/auth/token", { json: { email: other.email, password: other.password } }))
        .status,
    ).toBe(200);
  });

  it("locks an address after 50 failures, whatever the emails", async () => {
    const ip = `192.0.2.${1 + ((randomBytes(1)[0] as number) % 250)}`;
    for (let i = 0; i < 50; i++) {
      const res = await api("/api/auth/token", {
        json: { email: uniqueEmail("spray"), password: "guess" },
        headers: { "x-forwarded-for": ip },
      });
      expect(res.status).toBe(401);
    }
    const account = await signUp();
    const res = await api("/api/auth/token", {
      json: { email: account.email, password: account.password },
      headers: { "x-forwarded-for": ip },
    });
    expect(res.status).toBe(429);
    const elsewhere = await api("/api/auth/token", {
      json: { email: account.email, password: account.password },
      headers: { "x-forwarded-for": address() },
    });
    expect(elsewhere.status).toBe(200);
  });
});
