import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { findLastProjectId } from "@/db/queries/last-project";
import { addMember, removeMember } from "@/db/queries/members";
import { createProject } from "@/db/queries/projects";
import { createAccount } from "@/db/queries/users";
import { NotFound } from "@/lib/domain-errors";
import { testDatabases } from "@/tests/support/databases";
import { chooseProjectForPage } from "./access";

const email = (label: string) => `${label}-${Math.random().toString(36).slice(2)}@example.test`;

describe.each(testDatabases())("chooseProjectForPage on $name", (database) => {
  let handle: DbHandle & { drop: () => Promise<void> };
  beforeAll(async () => {
    handle = await database.open();
  });
  afterAll(async () => {
    await handle?.drop();
  });

  it("remembers the project chosen, opens on it without one, and forgets it with the membership", async () => {
    const { db } = handle;
    const ada = await createAccount(db, {
      name: "Ada",
      email: email("ada"),
      password: "password-1",
    });
    const bob = await createAccount(db, {
      name: "Bob",
      email: email("bob"),
      password: "password-1",
    });
    const userId = ada.user.id;
    const second = (await createProject(db, { userId, name: "Second" })).project;

    // Nothing chosen yet: the first project (sign-up's).
    expect((await chooseProjectForPage(db, { userId })).project.id).toBe(ada.project.id);

    // Chosen by slug, then remembered: the next page without a choice opens on it.
    expect((await chooseProjectForPage(db, { userId, project: second.slug })).project.id).toBe(
      second.id,
    );
    expect(await findLastProjectId(db, userId)).toBe(second.id);
    expect((await chooseProjectForPage(db, { userId })).project.id).toBe(second.id);

    // A project that is not theirs is a NotFound, and the remembered choice stays.
    await expect(
      chooseProjectForPage(db, { userId, project: String(bob.project.id) }),
    ).rejects.toBeInstanceOf(NotFound);
    expect((await chooseProjectForPage(db, { userId })).project.id).toBe(second.id);

    // A membership the choice depended on ends: the choice is no longer read back.
    await addMember(db, { projectId: bob.project.id, userId });
    expect((await chooseProjectForPage(db, { userId, project: bob.project.slug })).project.id).toBe(
      bob.project.id,
    );
    expect((await chooseProjectForPage(db, { userId })).project.id).toBe(bob.project.id);
    expect(await removeMember(db, { projectId: bob.project.id, userId })).not.toBe("not_member");
    expect((await chooseProjectForPage(db, { userId })).project.id).toBe(ada.project.id);
  });
});
