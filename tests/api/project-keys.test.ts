import { describe, expect, it } from "vitest";
import { createdIngestKeySchema, ingestKeyListSchema } from "@/lib/schemas/projects";
import { addMember, api, createProject, signUp } from "../support/api";

const keysPath = (project: number | string) => `/api/projects/${project}/keys`;

describe("ingest keys", () => {
  it("lists keys by prefix with their creator and last use, never the key or its hash", async () => {
    const account = await signUp({ name: "Key Lister" });
    const res = await api(keysPath(account.project.slug), { token: account.token });
    expect(res.status).toBe(200);
    const { items } = ingestKeyListSchema.parse(res.body);
    expect(items).toEqual([
      {
        id: account.project.ingestKey.id,
        name: "Default ingest key",
        prefix: account.project.ingestKey.key.slice(0, 8),
        createdAt: expect.any(String),
        lastUsedAt: null,
        revokedAt: null,
        createdBy: { id: account.userId, name: "Key Lister" },
      },
    ]);
    expect(res.text).not.toContain(account.project.ingestKey.key);
    expect(res.text).not.toMatch(/hash/i);
  });

  it("creates a key shown once, which works as an ingest key, and revokes it", async () => {
    const account = await signUp();
    const created = await api(keysPath(account.project.id), {
      token: account.token,
      json: { name: "  Checkout service " },
    });
    expect(created.status).toBe(201);
    const key = createdIngestKeySchema.parse(created.body);
    expect(key.name).toBe("Checkout service");
    expect(key.key).toMatch(/^[0-9a-f]{32}$/);
    expect(key.prefix).toBe(key.key.slice(0, 8));
    expect(key.dsn).toMatch(new RegExp(`^http://${key.key}@[^/]+/${account.project.id}$`));

    const asKey = await api("/api/projects", { token: key.key });
    expect(asKey.status).toBe(403);
    expect(asKey.body.error.message).toMatch(/ingest key/);

    const list = await api(keysPath(account.project.id), { token: account.token });
    expect(list.body.items.map((k: { id: string }) => k.id)).toEqual([
      key.id,
      account.project.ingestKey.id,
    ]);
    expect(list.text).not.toContain(key.key);

    const revoke = await api(`${keysPath(account.project.id)}/${key.id}`, {
      method: "DELETE",
      token: account.token,
    });
    expect(revoke.status).toBe(204);
    expect(revoke.text).toBe("");
    const revoked = await api("/api/projects", { token: key.key });
    expect(revoked.status).toBe(401);

    const twice = await api(`${keysPath(account.project.id)}/${key.id}`, {
      method: "DELETE",
      token: account.token,
    });
    expect(twice.status).toBe(404);

    const after = await api(keysPath(account.project.id), { token: account.token });
    const listed = after.body.items.find((k: { id: string }) => k.id === key.id);
    expect(listed.revokedAt).toEqual(expect.any(String));
    // The other key is untouched.
    expect((await api("/api/projects", { token: account.project.ingestKey.key })).status).toBe(403);
  });

  it("validates a new key's name", async () => {
    const account = await signUp();
    for (const name of ["", "   ", "k".repeat(101), 12, undefined]) {
      const res = await api(keysPath(account.project.id), {
        token: account.token,
        json: { name },
      });
      expect(res.status, String(name)).toBe(422);
      expect(res.body.error.issues.map((i: { path: string[] }) => i.path.join("."))).toEqual([
        "name",
      ]);
    }
    const malformed = await api(keysPath(account.project.id), {
      token: account.token,
      body: "{name: 1}",
      headers: { "content-type": "application/json" },
    });
    expect(malformed.status).toBe(400);
  });

  it("answers 404 for a malformed key id, an unknown one, and another project's key", async () => {
    const account = await signUp();
    const other = await createProject(account.token, "Other");
    const base = keysPath(account.project.id);
    for (const keyId of [
      "not-a-uuid",
      "123",
      "00000000-0000-4000-8000-000000000000",
      other.ingestKey.id,
    ]) {
      const res = await api(`${base}/${keyId}`, { method: "DELETE", token: account.token });
      expect(res.status, keyId).toBe(404);
      expect(res.body.error.message).toBe("Ingest key not found.");
    }
    // The other project's key was not revoked through the wrong project.
    const keys = await api(keysPath(other.project.id), { token: account.token });
    expect(keys.body.items[0].revokedAt).toBeNull();
  });

  it("lets members create keys and revoke their own; only owners revoke others'", async () => {
    const owner = await signUp();
    const member = await signUp({ name: "Member" });
    const base = keysPath(owner.project.id);
    await addMember(owner.token, owner.project.id, member);

    const listed = await api(base, { token: member.token });
    expect(listed.status).toBe(200);
    const mine = await api(base, { token: member.token, json: { name: "Member key" } });
    expect(mine.status).toBe(201);
    const again = await api(base, { token: member.token });
    expect(again.body.items[0]).toMatchObject({
      id: mine.body.id,
      createdBy: { id: member.userId, name: "Member" },
    });

    const ownersKey = await api(`${base}/${owner.project.ingestKey.id}`, {
      method: "DELETE",
      token: member.token,
    });
    expect(ownersKey.status).toBe(403);
    expect((await api("/api/projects", { token: owner.project.ingestKey.key })).status).toBe(403);

    const own = await api(`${base}/${mine.body.id}`, { method: "DELETE", token: member.token });
    expect(own.status).toBe(204);

    const another = await api(base, { token: member.token, json: { name: "Second" } });
    const byOwner = await api(`${base}/${another.body.id}`, {
      method: "DELETE",
      token: owner.token,
    });
    expect(byOwner.status).toBe(204);
    expect((await api("/api/projects", { token: another.body.key })).status).toBe(401);
  });
});
