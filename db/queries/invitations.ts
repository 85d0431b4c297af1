import { and, asc, count, eq, gt, lte, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../client";
import { noteIngestConfigChange } from "../ingest-config";
import { projectInvitations, projectMembers, projects, users } from "../schema";
import { resultRows } from "../sql";

/** What the inviter gets back: the same shape whether or not the address has an account. */
export interface InvitationReceipt {
  id: string;
  email: string;
  expiresAt: Date;
}

/** A pending invitation as a project's owners see it. */
export interface ProjectInvitationSummary {
  id: string;
  email: string;
  createdAt: Date;
  expiresAt: Date;
  invitedBy: { id: number; name: string } | null;
}

/** A pending invitation as its invitee sees it. */
export interface MyInvitation {
  id: string;
  email: string;
  project: { id: number; name: string };
  invitedBy: { id: number; name: string } | null;
  createdAt: Date;
  expiresAt: Date;
}

/**
 * Creates the invitation, or renews it (new token, new expiry, new inviter) when the address
 * is already invited: an address is invited to a project at most once. Expired invitations of
 * the project are deleted on the way, and `null` is returned (nothing written) when the
 * project already has `maxPending` live invitations.
 */
export async function upsertInvitation(
  db: Db,
  input: {
    projectId: number;
    email: string;
    invitedByUserId: number;
    tokenHash: string;
    expiresAt: Date;
    maxPending: number;
  },
): Promise<InvitationReceipt | null> {
  return db.transaction(async (tx) => {
    // Serialises invitations to one project, so the cap holds under concurrency.
    await tx
      .select({ id: projects.id })
      .from(projects)
      .where(eq(projects.id, input.projectId))
      .for("update");
    await tx
      .delete(projectInvitations)
      .where(
        and(
          eq(projectInvitations.projectId, input.projectId),
          lte(projectInvitations.expiresAt, sql`now()`),
        ),
      );
    const [pending] = await tx
      .select({ n: count() })
      .from(projectInvitations)
      .where(
        and(
          eq(projectInvitations.projectId, input.projectId),
          sql`lower(${projectInvitations.email}) <> ${input.email}`,
        ),
      );
    if ((pending?.n ?? 0) >= input.maxPending) return null;
    const result = await tx.execute(sql`
      INSERT INTO project_invitations (project_id, email, invited_by_user_id, token_hash, expires_at)
      VALUES (${input.projectId}, ${input.email}, ${input.invitedByUserId}, ${input.tokenHash},
              ${input.expiresAt.toISOString()})
      ON CONFLICT (project_id, lower(email)) DO UPDATE
        SET token_hash = EXCLUDED.token_hash,
            expires_at = EXCLUDED.expires_at,
            invited_by_user_id = EXCLUDED.invited_by_user_id
      RETURNING id, email, expires_at`);
    const [row] = resultRows<{ id: string; email: string; expires_at: string | Date }>(result);
    if (!row) throw new Error("invitation upsert returned no row");
    return { id: row.id, email: row.email, expiresAt: new Date(row.expires_at) };
  });
}

const live = () => gt(projectInvitations.expiresAt, sql`now()`);

/** A project's live invitations, oldest first. */
export async function listProjectInvitations(
  db: DbOrTx,
  input: { projectId: number },
): Promise<ProjectInvitationSummary[]> {
  const rows = await db
    .select({
      id: projectInvitations.id,
      email: projectInvitations.email,
      createdAt: projectInvitations.createdAt,
      expiresAt: projectInvitations.expiresAt,
      inviterId: users.id,
      inviterName: users.name,
    })
    .from(projectInvitations)
    .leftJoin(users, eq(users.id, projectInvitations.invitedByUserId))
    .where(and(eq(projectInvitations.projectId, input.projectId), live()))
    .orderBy(asc(projectInvitations.createdAt), asc(projectInvitations.id));
  return rows.map(({ inviterId, inviterName, ...row }) => ({
    ...row,
    invitedBy:
      inviterId !== null && inviterName !== null ? { id: inviterId, name: inviterName } : null,
  }));
}

/** Deletes one invitation of the project (live or expired); false when there is none. */
export async function deleteProjectInvitation(
  db: DbOrTx,
  input: { projectId: number; invitationId: string },
): Promise<boolean> {
  const deleted = await db
    .delete(projectInvitations)
    .where(
      and(
        eq(projectInvitations.projectId, input.projectId),
        eq(projectInvitations.id, input.invitationId),
      ),
    )
    .returning({ id: projectInvitations.id });
  return deleted.length > 0;
}

const myInvitationColumns = {
  id: projectInvitations.id,
  email: projectInvitations.email,
  projectId: projects.id,
  projectName: projects.name,
  inviterId: users.id,
  inviterName: users.name,
  createdAt: projectInvitations.createdAt,
  expiresAt: projectInvitations.expiresAt,
};

type MyInvitationRow = {
  id: string;
  email: string;
  projectId: number;
  projectName: string;
  inviterId: number | null;
  inviterName: string | null;
  createdAt: Date;
  expiresAt: Date;
};

function toMyInvitation(row: MyInvitationRow): MyInvitation {
  return {
    id: row.id,
    email: row.email,
    project: { id: row.projectId, name: row.projectName },
    invitedBy:
      row.inviterId !== null && row.inviterName !== null
        ? { id: row.inviterId, name: row.inviterName }
        : null,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
  };
}

/** Live invitations sent to an address (lower-cased), oldest first. */
export async function listInvitationsForEmail(
  db: DbOrTx,
  input: { email: string },
): Promise<MyInvitation[]> {
  const rows = await db
    .select(myInvitationColumns)
    .from(projectInvitations)
    .innerJoin(projects, eq(projects.id, projectInvitations.projectId))
    .leftJoin(users, eq(users.id, projectInvitations.invitedByUserId))
    .where(and(sql`lower(${projectInvitations.email}) = ${input.email}`, live()))
    .orderBy(asc(projectInvitations.createdAt), asc(projectInvitations.id));
  return rows.map(toMyInvitation);
}

/** The live invitation whose emailed token hashes to `tokenHash`, whoever it was sent to. */
export async function findLiveInvitationByTokenHash(
  db: DbOrTx,
  input: { tokenHash: string },
): Promise<MyInvitation | null> {
  const [row] = await db
    .select(myInvitationColumns)
    .from(projectInvitations)
    .innerJoin(projects, eq(projects.id, projectInvitations.projectId))
    .leftJoin(users, eq(users.id, projectInvitations.invitedByUserId))
    .where(and(eq(projectInvitations.tokenHash, input.tokenHash), live()))
    .limit(1);
  return row ? toMyInvitation(row) : null;
}

/**
 * Accepts a live invitation sent to `email`: the user becomes a plain member (an owner or
 * member already stays as they are) and the invitation is deleted, in one transaction.
 * Deleting first makes two concurrent accepts safe: only one finds the row. Null when there is
 * no such live invitation for that address.
 */
export async function acceptInvitation(
  db: Db,
  input: { invitationId: string; userId: number; email: string },
): Promise<{ projectId: number } | null> {
  const accepted = await db.transaction(async (tx) => {
    const [invitation] = await tx
      .delete(projectInvitations)
      .where(
        and(
          eq(projectInvitations.id, input.invitationId),
          sql`lower(${projectInvitations.email}) = ${input.email}`,
          live(),
        ),
      )
      .returning({ projectId: projectInvitations.projectId });
    if (!invitation) return null;
    await tx
      .insert(projectMembers)
      .values({ projectId: invitation.projectId, userId: input.userId, role: "member" })
      .onConflictDoNothing();
    return invitation;
  });
  // Committed: the new member's personal tokens may write to the project (ingest's caches).
  if (accepted) noteIngestConfigChange();
  return accepted;
}

/** Deletes a live invitation sent to `email`; false when there is none. */
export async function declineInvitation(
  db: DbOrTx,
  input: { invitationId: string; email: string },
): Promise<boolean> {
  const deleted = await db
    .delete(projectInvitations)
    .where(
      and(
        eq(projectInvitations.id, input.invitationId),
        sql`lower(${projectInvitations.email}) = ${input.email}`,
        live(),
      ),
    )
    .returning({ id: projectInvitations.id });
  return deleted.length > 0;
}
