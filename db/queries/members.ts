import { and, asc, count, eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../client";
import { noteIngestConfigChange } from "../ingest-config";
import { projectMembers, projects, users } from "../schema";
import { revokeIngestKeysOfMember } from "./keys";
import type { MemberRole } from "./projects";

export interface ProjectMemberSummary {
  userId: number;
  name: string;
  email: string;
  role: MemberRole;
  createdAt: Date;
}

const memberColumns = {
  userId: users.id,
  name: users.name,
  email: users.email,
  role: projectMembers.role,
  createdAt: projectMembers.createdAt,
};

/** Members in the order they joined. */
export function listMembers(
  db: DbOrTx,
  input: { projectId: number },
): Promise<ProjectMemberSummary[]> {
  return db
    .select(memberColumns)
    .from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .where(eq(projectMembers.projectId, input.projectId))
    .orderBy(asc(projectMembers.createdAt), asc(users.id));
}

export async function findMember(
  db: DbOrTx,
  input: { projectId: number; userId: number },
): Promise<ProjectMemberSummary | null> {
  const [row] = await db
    .select(memberColumns)
    .from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .where(
      and(eq(projectMembers.projectId, input.projectId), eq(projectMembers.userId, input.userId)),
    )
    .limit(1);
  return row ?? null;
}

/** Adds a user as a plain member; null when they already belong to the project. */
export async function addMember(
  db: DbOrTx,
  input: { projectId: number; userId: number },
): Promise<ProjectMemberSummary | null> {
  const [inserted] = await db
    .insert(projectMembers)
    .values({ projectId: input.projectId, userId: input.userId, role: "member" })
    .onConflictDoNothing()
    .returning({ userId: projectMembers.userId });
  if (!inserted) return null;
  // The user's personal tokens may now write to the project.
  noteIngestConfigChange();
  return findMember(db, input);
}

export type RemoveMemberResult = "removed" | "not_member" | "last_owner";

/**
 * Removes a membership and revokes the ingest keys that user held for the project: someone
 * outside a project must not keep writing to it. The project row is locked so that two owners
 * removing each other at once cannot leave it without an owner.
 */
export async function removeMember(
  db: Db,
  input: { projectId: number; userId: number },
): Promise<RemoveMemberResult> {
  const result = await db.transaction(async (tx): Promise<RemoveMemberResult> => {
    await tx
      .select({ id: projects.id })
      .from(projects)
      .where(eq(projects.id, input.projectId))
      .for("update");
    const [target] = await tx
      .select({ role: projectMembers.role })
      .from(projectMembers)
      .where(
        and(eq(projectMembers.projectId, input.projectId), eq(projectMembers.userId, input.userId)),
      );
    if (!target) return "not_member";
    if (target.role === "owner") {
      const [owners] = await tx
        .select({ n: count() })
        .from(projectMembers)
        .where(
          and(eq(projectMembers.projectId, input.projectId), eq(projectMembers.role, "owner")),
        );
      if ((owners?.n ?? 0) <= 1) return "last_owner";
    }
    await tx
      .delete(projectMembers)
      .where(
        and(eq(projectMembers.projectId, input.projectId), eq(projectMembers.userId, input.userId)),
      );
    await revokeIngestKeysOfMember(tx, input);
    await unassignErrorsOfMember(tx, input);
    return "removed";
  });
  // Committed: the user's personal tokens stop writing to the project (ingest's caches).
  if (result === "removed") noteIngestConfigChange();
  return result;
}

/**
 * An assignee is a member of the error's project: one who leaves (or is removed) gives their
 * errors there back to nobody, and each error's activity says why.
 */
async function unassignErrorsOfMember(tx: DbOrTx, input: { projectId: number; userId: number }) {
  await tx.execute(sql`
    WITH unassigned AS (
      UPDATE errors SET assignee_user_id = NULL
      WHERE project_id = ${input.projectId} AND assignee_user_id = ${input.userId}
      RETURNING id
    )
    INSERT INTO error_activity (error_id, actor_user_id, kind, detail)
    SELECT id, NULL, 'unassigned',
      jsonb_build_object('from', ${input.userId}::int, 'reason', 'left the project')
    FROM unassigned`);
}
