import { describe, expect, it } from "vitest";
import { api, BASE_URL, signUp, type TestAccount } from "../support/api";

/** Logs in through Auth.js's credentials flow, as the login form does; returns the cookie header. */
async function sessionCookie(account: TestAccount): Promise<{ cookie: string; setCookie: string }> {
  const csrf = await fetch(`${BASE_URL}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const res = await fetch(`${BASE_URL}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email: account.email, password: account.password }),
  });
  const session = res.headers.getSetCookie().find((c) => c.startsWith("authjs.session-token="));
  if (!session) throw new Error(`no session cookie (status ${res.status})`);
  return { cookie: session.split(";")[0] as string, setCookie: session };
}

describe("browser sessions on the API", () => {
  it("issue an httpOnly, SameSite session cookie that the API accepts", async () => {
    const account = await signUp();
    const { cookie, setCookie } = await sessionCookie(account);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const res = await api("/api/projects", { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.body.items[0].id).toBe(account.project.id);
  });

  it("refuse cookie-authenticated writes from another site", async () => {
    const account = await signUp();
    const ingest = await api("/api/events", {
      token: account.project.ingestKey.key,
      json: { title: "CSRF target" },
    });
    const errorId = ingest.body.events[0].errorId;
    const { cookie } = await sessionCookie(account);
    const body = { ids: [errorId], action: "archive" };

    const fromEvil = await api("/api/errors/bulk", {
      json: body,
      headers: { cookie, origin: "https://evil.example" },
    });
    expect(fromEvil.status).toBe(403);
    const crossSite = await api("/api/errors/bulk", {
      json: body,
      headers: { cookie, "sec-fetch-site": "cross-site" },
    });
    expect(crossSite.status).toBe(403);
    const detail = await api(`/api/errors/${errorId}`, { headers: { cookie } });
    expect(detail.body.status).toBe("open");

    const sameOrigin = await api("/api/errors/bulk", {
      json: body,
      headers: { cookie, origin: BASE_URL, "sec-fetch-site": "same-origin" },
    });
    expect(sameOrigin.status).toBe(200);
    expect(sameOrigin.body.affected).toEqual([errorId]);
  });
});

describe("a cookie-authenticated write with a null or malformed Origin", () => {
  it("is refused with 403, not a 500", async () => {
    const account = await signUp();
    const ingest = await api("/api/events", {
      token: account.project.ingestKey.key,
      json: { title: "Origin target" },
    });
    const errorId = ingest.body.events[0].errorId;
    const { cookie } = await sessionCookie(account);
    for (const origin of [
      "null",
      "not a url",
      "http://",
      "https://[bad",
      "file:///etc/passwd",
      "",
    ]) {
      const res = await api("/api/errors/bulk", {
        json: { ids: [errorId], action: "archive" },
        headers: { cookie, origin },
      });
      expect({ origin, status: res.status }).toEqual({ origin, status: 403 });
      expect(res.body.error.code).toBe("forbidden");
    }
    const detail = await api(`/api/errors/${errorId}`, { headers: { cookie } });
    expect(detail.body.status).toBe("open");
  });
});

describe("security headers", () => {
  it("are sent with pages", async () => {
    const res = await fetch(`${BASE_URL}/login`);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain("unsafe-eval");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("x-powered-by")).toBeNull();
  });
});
