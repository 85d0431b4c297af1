import { describe, expect, it } from "vitest";
import { api, signUp, uniqueEmail } from "../support/api";

describe("GET /api/health", () => {
  it("reports the database as reachable", async () => {
    const res = await api("/api/health");
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("ok");
    expect(res.body.database.status).toBe("ok");
    expect(["pglite", "postgres"]).toContain(res.body.database.kind);
  });
});

describe("POST /api/auth/signup", () => {
  it("creates the user, a first project with an ingest key, and a personal token", async () => {
    const email = uniqueEmail("signup");
    const res = await api("/api/auth/signup", {
      json: {
        name: "  Ada Lovelace ",
        email: `  ${email.toUpperCase()} `,
        password: "s3cret-password",
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ name: "Ada Lovelace", email });
    expect(Object.keys(res.body.user).sort()).toEqual(["createdAt", "email", "id", "name"]);
    expect(res.text).not.toMatch(/argon2|passwordHash|tokenHash/i);
    expect(res.body.token).toMatch(/^ecp_[A-Za-z0-9_-]{43}$/);
    const { project } = res.body;
    expect(project).toMatchObject({ name: "Ada's project" });
    expect(project.ingestKey.key).toMatch(/^[0-9a-f]{32}$/);
    expect(project.dsn).toMatch(
      new RegExp(`^http://${project.ingestKey.key}@[^/]+/${project.id}$`),
    );

    const projects = await api("/api/projects", { token: res.body.token });
    expect(projects.status).toBe(200);
    expect(projects.body.items).toEqual([
      expect.objectContaining({ id: project.id, role: "owner" }),
    ]);
  });

  it("names each invalid field", async () => {
    const res = await api("/api/auth/signup", {
      json: { name: "", email: "not-an-email", password: "short" },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("validation_failed");
    const paths = res.body.error.issues.map((issue: { path: string[] }) => issue.path.join("."));
    expect(paths.sort()).toEqual(["email", "name", "password"]);
    const byPath = Object.fromEntries(
      res.body.error.issues.map((i: { path: string[]; message: string }) => [i.path[0], i.message]),
    );
    expect(byPath.password).toMatch(/at least 8/);
    expect(byPath.email).toMatch(/valid email/);
  });

  it.each([
    ["a missing name", { email: uniqueEmail(), password: "long enough" }, "name", /required/i],
    [
      "a name over 50 characters",
      { name: "n".repeat(51), email: uniqueEmail(), password: "long enough" },
      "name",
      /50/,
    ],
    [
      "an email over 254 characters",
      { name: "N", email: `${"e".repeat(250)}@x.io`, password: "long enough" },
      "email",
      /254/,
    ],
    [
      "a password over 256 characters",
      { name: "N", email: uniqueEmail(), password: "p".repeat(257) },
      "password",
      /256/,
    ],
    ["a number as name", { name: 42, email: uniqueEmail(), password: "long enough" }, "name", /./],
  ])("rejects %s with 422", async (_label, input, field, message) => {
    const res = await api("/api/auth/signup", { json: input });
    expect(res.status).toBe(422);
    const issue = res.body.error.issues.find((i: { path: string[] }) => i.path[0] === field);
    expect(issue?.message).toMatch(message);
  });

  it("refuses a taken email, ignoring case, without creating anything", async () => {
    const first = await signUp();
    const res = await api("/api/auth/signup", {
      json: { name: "Impostor", email: first.email.toUpperCase(), password: "another password" },
    });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/already exists/);
    // The original account is intact and the impostor's password does not work.
    const good = await api("/api/auth/token", {
      json: { email: first.email, password: first.password },
    });
    expect(good.status).toBe(200);
    const bad = await api("/api/auth/token", {
      json: { email: first.email, password: "another password" },
    });
    expect(bad.status).toBe(401);
  });

  it("answers malformed JSON with 400, a wrong content type with 415, a huge body with 413", async () => {
    const malformed = await api("/api/auth/signup", {
      body: '{"name": "x",',
      headers: { "content-type": "application/json" },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toMatch(/JSON/);

    const form = await api("/api/auth/signup", {
      body: "name=x",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(form.status).toBe(415);

    const huge = await api("/api/auth/signup", {
      json: { name: "x", email: uniqueEmail(), password: "p".repeat(100_000) },
    });
    expect(huge.status).toBe(413);

    for (const body of ["[]", "null", '"text"', "42"]) {
      const res = await api("/api/auth/signup", {
        body,
        headers: { "content-type": "application/json" },
      });
      expect(res.status, body).toBe(422);
    }
  });
});

describe("POST /api/auth/token", () => {
  it("issues a new personal token for a correct pair", async () => {
    const account = await signUp();
    const res = await api("/api/auth/token", {
      json: { email: account.email.toUpperCase(), password: account.password, name: "CI" },
    });
    expect(res.status).toBe(200);
    expect(res.body.token).toMatch(/^ecp_/);
    expect(res.body.token).not.toBe(account.token);
    expect(res.body.user).toMatchObject({ id: account.userId, email: account.email });
    expect((await api("/api/projects", { token: res.body.token })).status).toBe(200);
  });

  it("gives one answer for an unknown email and for a wrong password", async () => {
    const account = await signUp();
    const wrong = await api("/api/auth/token", {
      json: { email: account.email, password: "wrong password" },
    });
    const unknown = await api("/api/auth/token", {
      json: { email: uniqueEmail("nobody"), password: "wrong password" },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.message).toBe("Invalid email or password.");
  });

  it("validates its input", async () => {
    const res = await api("/api/auth/token", { json: { email: "" } });
    expect(res.status).toBe(422);
    const paths = res.body.error.issues.map((i: { path: string[] }) => i.path[0]).sort();
    expect(paths).toEqual(["email", "password"]);
  });
});

describe("token authentication", () => {
  it("answers 401 with a Bearer challenge for a missing, malformed, unknown or revoked token", async () => {
    const missing = await api("/api/projects");
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(missing.body.error.code).toBe("unauthorized");

    const malformed = await api("/api/projects", { headers: { authorization: "Token abc" } });
    expect(malformed.status).toBe(401);
    expect(malformed.headers.get("www-authenticate")).toMatch(/invalid_token/);

    const unknown = await api("/api/projects", { token: `ecp_${"A".repeat(43)}` });
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get("www-authenticate")).toMatch(/invalid_token/);

    const account = await signUp();
    const created = await api("/api/tokens", { token: account.token, json: { name: "to revoke" } });
    expect(created.status).toBe(201);
    expect((await api("/api/projects", { token: created.body.token })).status).toBe(200);
    const revoke = await api(`/api/tokens/${created.body.id}`, {
      method: "DELETE",
      token: account.token,
    });
    expect(revoke.status).toBe(204);
    const revoked = await api("/api/projects", { token: created.body.token });
    expect(revoked.status).toBe(401);
    expect(revoked.headers.get("www-authenticate")).toMatch(/invalid_token/);
    // The token that did the revoking still works.
    expect((await api("/api/projects", { token: account.token })).status).toBe(200);
  });

  it("lists tokens by prefix only, and another user cannot revoke them", async () => {
    const owner = await signUp();
    const other = await signUp();
    const list = await api("/api/tokens", { token: owner.token });
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0].prefix).toBe(owner.token.slice(0, 10));
    expect(list.text).not.toContain(owner.token);
    const id = list.body.items[0].id;
    const res = await api(`/api/tokens/${id}`, { method: "DELETE", token: other.token });
    expect(res.status).toBe(404);
    expect(
      (await api(`/api/tokens/not-a-uuid`, { method: "DELETE", token: owner.token })).status,
    ).toBe(404);
    expect((await api("/api/projects", { token: owner.token })).status).toBe(200);
  });

  it("refuses an ingest key on routes that read (403)", async () => {
    const account = await signUp();
    const res = await api("/api/projects", { token: account.project.ingestKey.key });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/ingest key/);
  });
});
