import { randomBytes } from "node:crypto";
import { request as httpRequest } from "node:http";
import { describe, expect, it } from "vitest";
import { api, BASE_URL, signUp, uniqueEmail } from "../support/api";

// The API suite's server trusts 127.0.0.1 as a proxy (scripts/test/test.ts sets
// TRUSTED_PROXIES=127.0.0.1,::1), so each test picks its client address by sending
// X-Forwarded-For as a proxy would; parallel test files never share a per-address budget.
const byte = () => randomBytes(1)[0] as number;
const address = () => `198.51.${byte()}.${1 + (byte() % 250)}`;
const from = (ip: string) => ({ "x-forwarded-for": ip });

const token = (email: string, password: string, ip: string) =>
  api("/api/auth/token", { json: { email, password }, headers: from(ip) });

/**
 * POST /api/auth/token from a client that is NOT a trusted proxy: the connection comes from
 * another loopback address (127.x.y.z, not 127.0.0.1), with forged forwarding headers.
 */
function untrustedToken(
  localAddress: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<number> {
  const url = new URL("/api/auth/token", BASE_URL);
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        method: "POST",
        localAddress,
        headers: {
          ...headers,
          "content-type": "application/json",
          "content-length": String(Buffer.byteLength(payload)),
        },
      },
      (res) => {
        res.resume();
        res.once("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.once("error", reject);
    req.end(payload);
  });
}

describe("failed login limits", () => {
  it("100 parallel wrong guesses: only the limit (10) reach the password check", {
    timeout: 60_000,
  }, async () => {
    const account = await signUp();
    const ip = address();
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => token(account.email, "wrong password", ip)),
    );
    const statuses = answers.map((res) => res.status);
    const checked = statuses.filter((status) => status === 401).length;
    const refused = statuses.filter((status) => status === 429).length;
    expect({ checked, refused }).toEqual({ checked: 10, refused: 90 });
    // Locked for this email from this address, even with the right password.
    const locked = await token(account.email, account.password, ip);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(locked.body.error.code).toBe("too_many_attempts");
  });

  it("ten wrong passwords from one address do not lock the owner out from another", async () => {
    const victim = await signUp();
    const attacker = address();
    for (let i = 0; i < 10; i++)
      expect((await token(victim.email, "wrong password", attacker)).status).toBe(401);
    expect((await token(victim.email.toUpperCase(), victim.password, attacker)).status).toBe(429);
    // The victim, from their own address, is not locked out.
    expect((await token(victim.email, victim.password, address())).status).toBe(200);
  });

  it("a successful login clears its own email-and-address count", async () => {
    const account = await signUp();
    const ip = address();
    for (let i = 0; i < 9; i++) expect((await token(account.email, "typo", ip)).status).toBe(401);
    expect((await token(account.email, account.password, ip)).status).toBe(200);
    for (let i = 0; i < 9; i++)
      expect((await token(account.email, "typo again", ip)).status).toBe(401);
    expect((await token(account.email, account.password, ip)).status).toBe(200);
  });

  it("locks an address after 50 failures, whatever the emails", { timeout: 60_000 }, async () => {
    const ip = address();
    for (let i = 0; i < 50; i++)
      expect((await token(uniqueEmail("spray"), "guess", ip)).status).toBe(401);
    const account = await signUp();
    expect((await token(account.email, account.password, ip)).status).toBe(429);
    expect((await token(account.email, account.password, address())).status).toBe(200);
  });

  it("a forged X-Forwarded-For from an untrusted client does not change its address", {
    timeout: 60_000,
  }, async () => {
    // A loopback address other than the trusted 127.0.0.1: the server sees it on the socket.
    const socketAddress = `127.${byte()}.${byte()}.${1 + (byte() % 250)}`;
    const forged = () => ({
      "x-forwarded-for": address(),
      "x-real-ip": address(),
      "x-error-central-client-address": address(),
    });
    for (let i = 0; i < 50; i++) {
      const status = await untrustedToken(
        socketAddress,
        { email: uniqueEmail("forged"), password: "guess" },
        forged(),
      );
      expect(status).toBe(401);
    }
    // Yet another forged address changes nothing: the socket's address is over its limit.
    const account = await signUp();
    expect(
      await untrustedToken(
        socketAddress,
        { email: account.email, password: account.password },
        forged(),
      ),
    ).toBe(429);
    expect((await token(account.email, account.password, address())).status).toBe(200);
  });
});

/** A login through Auth.js's credentials callback (the login form's way in); its status. */
async function formLogin(email: string, password: string, ip: string): Promise<number> {
  const csrf = await fetch(`${BASE_URL}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const res = await fetch(`${BASE_URL}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, ...from(ip) },
    body: new URLSearchParams({ csrfToken, email, password }),
  });
  await res.arrayBuffer();
  return res.headers.getSetCookie().some((c) => c.startsWith("authjs.session-token=")) ? 200 : 401;
}

describe("the login form", () => {
  it("counts by the same client address as the token route", { timeout: 60_000 }, async () => {
    const victim = await signUp();
    const attacker = address();
    for (let i = 0; i < 10; i++)
      expect(await formLogin(victim.email, "wrong password", attacker)).toBe(401);
    // Had Auth.js's authorize seen another address, this pair would not be locked.
    expect((await token(victim.email, victim.password, attacker)).status).toBe(429);
    expect(await formLogin(victim.email, victim.password, address())).toBe(200);
  });
});

describe("sign-up limits", () => {
  it("allow 20 sign-ups an hour from one address", { timeout: 60_000 }, async () => {
    const ip = address();
    const signup = (who: string) =>
      api("/api/auth/signup", {
        json: { name: "Many", email: uniqueEmail(who), password: "correct horse battery" },
        headers: from(ip),
      });
    for (let i = 0; i < 20; i++) expect((await signup("many")).status).toBe(201);
    const refused = await signup("one-too-many");
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe("too_many_signups");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another address is unaffected.
    const elsewhere = await api("/api/auth/signup", {
      json: { name: "Other", email: uniqueEmail("other"), password: "correct horse battery" },
      headers: from(address()),
    });
    expect(elsewhere.status).toBe(201);
  });
});
