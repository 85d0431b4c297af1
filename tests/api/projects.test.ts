import { describe, expect, it } from "vitest";
import { createdProjectSchema, projectListSchema, projectSchema } from "@/lib/schemas/projects";
import { addMember, api, signUp } from "../support/api";

const issuePaths = (body: any) =>
  body.error.issues.map((issue: { path: (string | number)[] }) => issue.path.join("."));

describe("POST /api/projects", () => {
  it("creates a project owned by the caller, with a default ingest key shown once", async () => {
    const account = await signUp();
    const res = await api("/api/projects", {
      token: account.token,
      json: { name: "  Billing API  " },
    });
    expect(res.status).toBe(201);
    const { project, ingestKey } = createdProjectSchema.parse(res.body);
    expect(project).toMatchObject({ name: "Billing API", role: "owner" });
    expect(project.slug).toMatch(/^billing-api-[0-9a-f]{6}$/);
    expect(ingestKey.name).toBe("Default ingest key");
    expect(ingestKey.key).toMatch(/^[0-9a-f]{32}$/);
    expect(ingestKey.prefix).toBe(ingestKey.key.slice(0, 8));
    expect(ingestKey.dsn).toMatch(new RegExp(`^http://${ingestKey.key}@[^/]+/${project.id}$`));

    const list = await api("/api/projects", { token: account.token });
    expect(list.status).toBe(200);
    expect(projectListSchema.parse(list.body).items.map((p) => [p.id, p.role])).toEqual([
      [account.project.id, "owner"],
      [project.id, "owner"],
    ]);

    // The key is an ingest key: it may not read the API.
    const asKey = await api("/api/projects", { token: ingestKey.key });
    expect(asKey.status).toBe(403);
    expect(asKey.body.error.message).toMatch(/ingest key/);
  });

  it.each([
    ["an empty name", { name: "" }, /required/],
    ["a blank name", { name: "   " }, /required/],
    ["a missing name", {}, /required/],
    ["a number as name", { name: 7 }, /required/],
    ["a name over 100 characters", { name: "n".repeat(101) }, /100/],
  ])("refuses %s with 422", async (_label, input, message) => {
    const account = await signUp();
    const res = await api("/api/projects", { token: account.token, json: input });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("validation_failed");
    expect(issuePaths(res.body)).toEqual(["name"]);
    expect(res.body.error.issues[0].message).toMatch(message);
    const list = await api("/api/projects", { token: account.token });
    expect(list.body.items).toHaveLength(1);
  });

  it("answers malformed JSON with 400 and a non-object with 422", async () => {
    const account = await signUp();
    const malformed = await api("/api/projects", {
      token: account.token,
      body: '{"name": ',
      headers: { "content-type": "application/json" },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toMatch(/JSON/);
    const array = await api("/api/projects", { token: account.token, json: ["x"] });
    expect(array.status).toBe(422);
  });

  it("needs authentication", async () => {
    expect((await api("/api/projects", { json: { name: "x" } })).status).toBe(401);
  });
});

describe("GET and PATCH /api/projects/:id", () => {
  it("returns one project with the caller's role, by id or by slug", async () => {
    const account = await signUp();
    const { id, slug } = account.project;
    for (const ref of [String(id), slug, slug.toUpperCase()]) {
      const res = await api(`/api/projects/${ref}`, { token: account.token });
      expect(res.status, ref).toBe(200);
      expect(projectSchema.parse(res.body)).toMatchObject({ id, slug, role: "owner" });
    }
  });

  it("lets an owner rename the project; the slug stays", async () => {
    const account = await signUp();
    const { id, slug } = account.project;
    const res = await api(`/api/projects/${slug}`, {
      method: "PATCH",
      token: account.token,
      json: { name: " Renamed " },
    });
    expect(res.status).toBe(200);
    expect(projectSchema.parse(res.body)).toMatchObject({ id, slug, name: "Renamed" });
    const again = await api(`/api/projects/${id}`, { token: account.token });
    expect(again.body.name).toBe("Renamed");
  });

  it("validates a rename: 422 with the path, 400 for malformed JSON", async () => {
    const account = await signUp();
    const path = `/api/projects/${account.project.id}`;
    const empty = await api(path, { method: "PATCH", token: account.token, json: { name: "" } });
    expect(empty.status).toBe(422);
    expect(issuePaths(empty.body)).toEqual(["name"]);
    const long = await api(path, {
      method: "PATCH",
      token: account.token,
      json: { name: "n".repeat(101) },
    });
    expect(long.status).toBe(422);
    expect(long.body.error.issues[0].message).toMatch(/100/);
    const malformed = await api(path, {
      method: "PATCH",
      token: account.token,
      body: "{",
      headers: { "content-type": "application/json" },
    });
    expect(malformed.status).toBe(400);
  });

  it("refuses a rename by a plain member with 403", async () => {
    const owner = await signUp();
    const member = await signUp();
    await addMember(owner.token, owner.project.id, member);
    const seen = await api(`/api/projects/${owner.project.id}`, { token: member.token });
    expect(seen.status).toBe(200);
    expect(seen.body.role).toBe("member");
    const res = await api(`/api/projects/${owner.project.id}`, {
      method: "PATCH",
      token: member.token,
      json: { name: "Mine now" },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/owners/);
  });
});

describe("project scoping", () => {
  it("answers 404 for every route of someone else's project, by id and by slug", async () => {
    const owner = await signUp();
    const stranger = await signUp();
    const keyId = owner.project.ingestKey.id;
    const missing = await api("/api/projects/2147483647", { token: stranger.token });
    expect(missing.status).toBe(404);

    for (const ref of [String(owner.project.id), owner.project.slug]) {
      const base = `/api/projects/${ref}`;
      const attempts: [string, Parameters<typeof api>[1]][] = [
        [base, {}],
        [base, { method: "PATCH", json: { name: "Taken" } }],
        [`${base}/keys`, {}],
        [`${base}/keys`, { json: { name: "Sneaky" } }],
        [`${base}/keys/${keyId}`, { method: "DELETE" }],
        [`${base}/members`, {}],
        [`${base}/members`, { json: { email: stranger.email } }],
        [`${base}/members/${owner.userId}`, { method: "DELETE" }],
        [`${base}/members/${stranger.userId}`, { method: "DELETE" }],
      ];
      for (const [path, options] of attempts) {
        const res = await api(path, { ...options, token: stranger.token });
        expect(res.status, `${options?.method ?? "GET/POST"} ${path}`).toBe(404);
        // The same answer as for a project that does not exist: nothing is revealed.
        expect(res.body).toEqual(missing.body);
      }
    }

    // Nothing changed: the owner's project, key and membership are intact.
    const project = await api(`/api/projects/${owner.project.id}`, { token: owner.token });
    expect(project.body.name).toBe(owner.project.name);
    const keys = await api(`/api/projects/${owner.project.id}/keys`, { token: owner.token });
    expect(keys.body.items).toHaveLength(1);
    expect(keys.body.items[0].revokedAt).toBeNull();
    const members = await api(`/api/projects/${owner.project.id}/members`, { token: owner.token });
    expect(members.body.items).toHaveLength(1);
  });

  it("answers 404, never 500, for ids and slugs that cannot exist", async () => {
    const account = await signUp();
    for (const ref of [
      "0",
      "99999999999999999999",
      "-1",
      "1.5",
      "no%20such",
      "%00",
      "a%2Fb",
      "x".repeat(300),
    ]) {
      const res = await api(`/api/projects/${ref}`, { token: account.token });
      expect(res.status, ref).toBe(404);
      const keys = await api(`/api/projects/${ref}/keys`, { token: account.token });
      expect(keys.status, ref).toBe(404);
    }
  });
});
