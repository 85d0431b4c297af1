import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NotFound } from "@/lib/domain-errors";
import { requireProjectAccess, resolveProjectForCaller } from "@/lib/projects/access";
import { testDatabases } from "@/tests/support/databases";
import type { DbHandle } from "../client";
import { projectMembers } from "../schema";
import { findActiveIngestKey, listIngestKeys } from "./keys";
import { addMember, listMembers, removeMember } from "./members";
import { createProject, insertProject } from "./projects";
import { createToken, findActiveToken } from "./tokens";
import { createAccount } from "./users";

describe.each(testDatabases())("projects on $name", (database) => {
  let handle: DbHandle & { drop: () => Promise<void> };
  beforeAll(async () => {
    handle = await database.open();
  });
  afterAll(async () => {
    await handle?.drop();
  });

  const account = (name: string) =>
    createAccount(handle.db, {
      name,
      email: `${name}-${Math.random().toString(36).slice(2)}@example.test`,
      password: "password-123",
    });

  it("draws another slug when the drawn one is taken, inside the same transaction", async () => {
    const { user } = await account("Twin");
    const { project: first } = await createProject(handle.db, { userId: user.id, name: "Twin" });
    // The next draws repeat the taken slug twice, then give a free one.
    const draws = [first.slug, first.slug, "twin-free01"];
    const second = await handle.db.transaction(async (tx) => {
      const project = await insertProject(tx, { name: "Twin" }, () => draws.shift() ?? "");
      // The clashes did not abort the transaction: it can go on writing.
      await tx.insert(projectMembers).values({ projectId: project.id, userId: user.id });
      return project;
    });
    expect(second.slug).toBe("twin-free01");
    expect(draws).toEqual([]);
    await expect(insertProject(handle.db, { name: "Twin" }, () => first.slug)).rejects.toThrow(
      /no free project slug/,
    );
  });

  it("creates a project with its owner and a default ingest key", async () => {
    const { user } = await account("Owner");
    const { project, ingestKey } = await createProject(handle.db, {
      userId: user.id,
      name: "Billing API",
    });
    expect(project).toMatchObject({ name: "Billing API", role: "owner" });
    expect(project.slug).toMatch(/^billing-api-[0-9a-f]{6}$/);
    expect(await findActiveToken(handle.db, ingestKey.token)).toMatchObject({
      kind: "ingest",
      projectId: project.id,
      userId: user.id,
    });
    const keys = await listIngestKeys(handle.db, { projectId: project.id });
    expect(keys).toEqual([
      expect.objectContaining({
        name: "Default ingest key",
        createdBy: { id: user.id, name: "Owner" },
      }),
    ]);
  });

  it("finds a project by id or slug only for its members, and picks the first one by default", async () => {
    const owner = await account("First");
    const stranger = await account("Stranger");
    const second = await createProject(handle.db, { userId: owner.user.id, name: "Second" });

    const byDefault = await resolveProjectForCaller(handle.db, { userId: owner.user.id });
    expect(byDefault).toMatchObject({ project: { id: owner.project.id }, role: "owner" });
    for (const ref of [second.project.id, String(second.project.id), second.project.slug]) {
      const access = await requireProjectAccess(handle.db, { userId: owner.user.id, project: ref });
      expect(access.project.id).toBe(second.project.id);
    }
    for (const ref of [second.project.id, second.project.slug, "999999999", "nope", "x\u0000"]) {
      const attempt = requireProjectAccess(handle.db, { userId: stranger.user.id, project: ref });
      await expect(attempt).rejects.toBeInstanceOf(NotFound);
      await expect(attempt).rejects.toMatchObject({
        kind: "not_found",
        message: "Project not found.",
      });
    }
    await expect(
      resolveProjectForCaller(handle.db, { userId: stranger.user.id, project: second.project.id }),
    ).rejects.toMatchObject({ kind: "not_found" });
  });

  it("keeps the last owner and revokes a removed member's keys", async () => {
    const owner = await account("Keeper");
    const member = await account("Leaver");
    const projectId = owner.project.id;
    expect(await addMember(handle.db, { projectId, userId: member.user.id })).toMatchObject({
      userId: member.user.id,
      role: "member",
    });
    expect(await addMember(handle.db, { projectId, userId: member.user.id })).toBeNull();
    const key = await createToken(handle.db, {
      userId: member.user.id,
      name: "Leaver's key",
      kind: "ingest",
      projectId,
    });

    expect(await removeMember(handle.db, { projectId, userId: owner.user.id })).toBe("last_owner");
    expect(await removeMember(handle.db, { projectId, userId: member.user.id })).toBe("removed");
    expect(await removeMember(handle.db, { projectId, userId: member.user.id })).toBe("not_member");
    expect(await findActiveIngestKey(handle.db, { projectId, keyId: key.id })).toBeNull();
    expect(await findActiveToken(handle.db, owner.ingestKey.token)).not.toBeNull();
    expect((await listMembers(handle.db, { projectId })).map((m) => m.userId)).toEqual([
      owner.user.id,
    ]);
  });
});
