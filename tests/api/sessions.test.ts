import { describe, expect, it } from "vitest";
import { api, BASE_URL, signUp } from "../support/api";
import { signInCookie, signOutThroughAuthjs } from "../support/session";

/** A page request with the cookie: where it is redirected, or null when it is shown. */
async function pageWith(path: string, cookie: string) {
  const res = await fetch(`${BASE_URL}${path}`, { headers: { cookie }, redirect: "manual" });
  await res.arrayBuffer();
  return { status: res.status, location: res.headers.get("location") };
}

const sameOrigin = { origin: BASE_URL, "sec-fetch-site": "same-origin" };

function changePassword(cookie: string, body: unknown) {
  return api("/api/account/password", { json: body, headers: { cookie, ...sameOrigin } });
}

describe("signing out ends the session server-side", () => {
  it("a cookie saved before POST /api/auth/signout is refused afterwards", async () => {
    const account = await signUp();
    const cookie = await signInCookie(account);
    expect((await api("/api/projects", { headers: { cookie } })).status).toBe(200);
    expect(await pageWith("/errors", cookie)).toMatchObject({ status: 200 });

    const out = await signOutThroughAuthjs(cookie);
    expect(out.status).toBe(302);

    // The same cookie, replayed: the API refuses it and pages send it to the login page.
    const replay = await api("/api/projects", { headers: { cookie } });
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe("unauthorized");
    const page = await pageWith("/errors", cookie);
    expect(page.status).toBe(307);
    expect(page.location).toMatch(/\/login(\?|$)/);
    // No redirect loop: the login page itself is shown to the revoked cookie.
    expect(await pageWith("/login", cookie)).toMatchObject({ status: 200 });
    expect(await pageWith("/signup", cookie)).toMatchObject({ status: 200 });
  });

  it("signing out one browser leaves the user's other sessions alone", async () => {
    const account = await signUp();
    const first = await signInCookie(account);
    const second = await signInCookie(account);
    await signOutThroughAuthjs(first);
    expect((await api("/api/projects", { headers: { cookie: first } })).status).toBe(401);
    expect((await api("/api/projects", { headers: { cookie: second } })).status).toBe(200);
  });

  it("a live session on /login is still sent on to the errors", async () => {
    const account = await signUp();
    const cookie = await signInCookie(account);
    const page = await pageWith("/login", cookie);
    expect(page.status).toBe(307);
    expect(page.location).toMatch(/\/errors$/);
  });

  it("a forged or unsigned cookie is no session", async () => {
    const res = await api("/api/projects", {
      headers: { cookie: "authjs.session-token=eyJhbGciOiJub25lIn0.e30." },
    });
    expect(res.status).toBe(401);
  });
});

describe("POST /api/account/password", () => {
  it("changes the password: other sessions end, this one stays, only the new password logs in", async () => {
    const account = await signUp();
    const here = await signInCookie(account);
    const elsewhere = await signInCookie(account);
    const newPassword = "a brand new password";

    const res = await changePassword(here, { currentPassword: account.password, newPassword });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ changed: true, endedSessions: 1 });

    expect((await api("/api/projects", { headers: { cookie: elsewhere } })).status).toBe(401);
    expect(await pageWith("/settings", elsewhere)).toMatchObject({ status: 307 });
    expect((await api("/api/projects", { headers: { cookie: here } })).status).toBe(200);
    expect(await pageWith("/settings", here)).toMatchObject({ status: 200 });
    // The personal token of sign-up keeps working.
    expect((await api("/api/projects", { token: account.token })).status).toBe(200);

    const oldLogin = await api("/api/auth/token", {
      json: { email: account.email, password: account.password },
    });
    expect(oldLogin.status).toBe(401);
    const newLogin = await api("/api/auth/token", {
      json: { email: account.email, password: newPassword },
    });
    expect(newLogin.status).toBe(200);
    await expect(signInCookie({ email: account.email, password: newPassword })).resolves.toMatch(
      /^authjs\.session-token=/,
    );
  });

  it("refuses a wrong current password with a 422 naming currentPassword, and changes nothing", async () => {
    const account = await signUp();
    const here = await signInCookie(account);
    const elsewhere = await signInCookie(account);
    const res = await changePassword(here, {
      currentPassword: "not the password",
      newPassword: "another new password",
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("validation_failed");
    expect(res.body.error.issues).toEqual([
      { path: ["currentPassword"], message: "The current password is wrong." },
    ]);
    expect((await api("/api/projects", { headers: { cookie: elsewhere } })).status).toBe(200);
    const login = await api("/api/auth/token", {
      json: { email: account.email, password: account.password },
    });
    expect(login.status).toBe(200);
  });

  it("stops a stolen token from guessing the current password: 10 wrong, then 429", async () => {
    const account = await signUp();
    const guesses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        api("/api/account/password", {
          token: account.token,
          json: { currentPassword: `guess number ${i}`, newPassword: "attacker password" },
        }),
      ),
    );
    const statuses = guesses.map((g) => g.status);
    // Counted before the check, atomically: parallel guesses cannot slip past the limit.
    expect(statuses.filter((s) => s === 422)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20);
    expect(guesses.find((g) => g.status === 429)?.headers.get("retry-after")).toMatch(/^\d+$/);
    // Even the right password waits now, and the password is unchanged.
    const right = await api("/api/account/password", {
      token: account.token,
      json: { currentPassword: account.password, newPassword: "attacker password" },
    });
    expect(right.status).toBe(429);
    const login = await api("/api/auth/token", {
      json: { email: account.email, password: account.password },
    });
    expect(login.status).toBe(200);
  });

  it("names a new password that breaks the sign-up rules, and a missing current one", async () => {
    const account = await signUp();
    const short = await api("/api/account/password", {
      token: account.token,
      json: { currentPassword: account.password, newPassword: "short" },
    });
    expect(short.status).toBe(422);
    expect(short.body.error.issues[0].path).toEqual(["newPassword"]);
    expect(short.body.error.issues[0].message).toMatch(/at least 8/);
    const missing = await api("/api/account/password", {
      token: account.token,
      json: { newPassword: "long enough password" },
    });
    expect(missing.status).toBe(422);
    expect(missing.body.error.issues[0].path).toEqual(["currentPassword"]);
  });

  it("with a personal token, every browser session ends", async () => {
    const account = await signUp();
    const browser = await signInCookie(account);
    const res = await api("/api/account/password", {
      token: account.token,
      json: { currentPassword: account.password, newPassword: "changed by a script" },
    });
    expect(res.status).toBe(200);
    expect(res.body.endedSessions).toBe(1);
    expect((await api("/api/projects", { headers: { cookie: browser } })).status).toBe(401);
  });

  it("needs authentication, and a signed-out cookie is not enough", async () => {
    const account = await signUp();
    const cookie = await signInCookie(account);
    await signOutThroughAuthjs(cookie);
    const res = await changePassword(cookie, {
      currentPassword: account.password,
      newPassword: "attacker password",
    });
    expect(res.status).toBe(401);
    const anonymous = await api("/api/account/password", {
      json: { currentPassword: account.password, newPassword: "attacker password" },
    });
    expect(anonymous.status).toBe(401);
  });
});

describe("personal token expiry", () => {
  it("POST /api/tokens with expiresInDays: the token works, and the list shows its expiry", async () => {
    const account = await signUp();
    const created = await api("/api/tokens", {
      token: account.token,
      json: { name: "one week", expiresInDays: 7 },
    });
    expect(created.status).toBe(201);
    const inDays = (Date.parse(created.body.expiresAt) - Date.now()) / 86_400_000;
    expect(inDays).toBeGreaterThan(6.99);
    expect(inDays).toBeLessThan(7.01);
    expect((await api("/api/projects", { token: created.body.token })).status).toBe(200);

    const forever = await api("/api/tokens", { token: account.token, json: { name: "forever" } });
    expect(forever.status).toBe(201);
    expect(forever.body.expiresAt).toBeNull();

    const list = await api("/api/tokens", { token: account.token });
    const byId = Object.fromEntries(
      list.body.items.map((t: { id: string; expiresAt: string | null }) => [t.id, t.expiresAt]),
    );
    expect(byId[created.body.id]).toBe(created.body.expiresAt);
    expect(byId[forever.body.id]).toBeNull();
  });

  it.each([
    [0, /at least 1/],
    [366, /at most 365/],
    [1.5, /whole number/],
    ["7", /./],
    [-3, /at least 1/],
  ])("refuses expiresInDays %j with a 422 naming it", async (expiresInDays, message) => {
    const account = await signUp();
    const res = await api("/api/tokens", {
      token: account.token,
      json: { name: "bad expiry", expiresInDays },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.issues[0].path).toEqual(["expiresInDays"]);
    expect(res.body.error.issues[0].message).toMatch(message);
  });
});
