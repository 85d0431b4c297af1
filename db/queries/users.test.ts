import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabases } from "@/tests/support/databases";
import type { DbHandle } from "../client";
import { apiTokens, projectMembers, projects, users } from "../schema";
import { findActiveToken } from "./tokens";
import { createAccount, EmailTakenError, verifyCredentials } from "./users";

describe.each(testDatabases())("accounts on $name", (database) => {
  let handle: DbHandle & { drop: () => Promise<void> };
  beforeAll(async () => {
    handle = await database.open();
  });
  afterAll(async () => {
    await handle?.drop();
  });

  const email = (label: string) => `${label}-${Math.random().toString(36).slice(2)}@example.test`;

  it("creates user, project, owner membership, ingest key and personal token together", async () => {
    const account = await createAccount(handle.db, {
      name: "Grace Hopper",
      email: email("Grace"),
      password: "cobol-1959",
    });
    expect(account.user.email).toMatch(/^grace-/);
    expect(account.project.name).toBe("Grace's project");
    const [membership] = await handle.db
      .select()
      .from(projectMembers)
      .where(eq(projectMembers.userId, account.user.id));
    expect(membership).toMatchObject({ projectId: account.project.id, role: "owner" });

    const ingest = await findActiveToken(handle.db, account.ingestKey.token);
    expect(ingest).toMatchObject({
      kind: "ingest",
      projectId: account.project.id,
      userId: account.user.id,
    });
    const personal = await findActiveToken(handle.db, account.personalToken.token);
    expect(personal).toMatchObject({ kind: "personal", projectId: null });

    const stored = await handle.db
      .select({ hash: apiTokens.tokenHash })
      .from(apiTokens)
      .where(eq(apiTokens.userId, account.user.id));
    expect(stored.map((row) => row.hash)).not.toContain(account.personalToken.token);
    const [user] = await handle.db.select().from(users).where(eq(users.id, account.user.id));
    expect(user?.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("refuses a taken email in any case and leaves nothing half-created", async () => {
    const taken = email("taken");
    await createAccount(handle.db, { name: "First", email: taken, password: "password-1" });
    const before = await handle.db.select({ n: count() }).from(projects);
    await expect(
      createAccount(handle.db, {
        name: "Second",
        email: taken.toUpperCase(),
        password: "password-2",
      }),
    ).rejects.toBeInstanceOf(EmailTakenError);
    const after = await handle.db.select({ n: count() }).from(projects);
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it("verifies credentials ignoring email case", async () => {
    const address = email("login");
    const created = await createAccount(handle.db, {
      name: "Login",
      email: address,
      password: "right-password",
    });
    expect(
      await verifyCredentials(handle.db, {
        email: address.toUpperCase(),
        password: "right-password",
      }),
    ).toEqual(created.user);
    expect(
      await verifyCredentials(handle.db, { email: address, password: "wrong-password" }),
    ).toBeNull();
    expect(
      await verifyCredentials(handle.db, { email: email("nobody"), password: "right-password" }),
    ).toBeNull();
  });
});
