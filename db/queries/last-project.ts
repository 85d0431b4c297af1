import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { projectMembers, users } from "../schema";

/** The project the user last chose (Settings, the error list), while they still belong to it; else null. */
export async function findLastProjectId(db: DbOrTx, userId: number): Promise<number | null> {
  const [row] = await db
    .select({ projectId: projectMembers.projectId })
    .from(users)
    .innerJoin(
      projectMembers,
      and(eq(projectMembers.projectId, users.lastProjectId), eq(projectMembers.userId, users.id)),
    )
    .where(eq(users.id, userId))
    .limit(1);
  return row?.projectId ?? null;
}

/** Remembers the project the user chose (Settings, the error list); writes only when it changed. */
export async function rememberLastProject(
  db: DbOrTx,
  input: { userId: number; projectId: number },
): Promise<void> {
  await db
    .update(users)
    .set({ lastProjectId: input.projectId })
    .where(
      and(
        eq(users.id, input.userId),
        sql`${users.lastProjectId} IS DISTINCT FROM ${input.projectId}`,
      ),
    );
}
