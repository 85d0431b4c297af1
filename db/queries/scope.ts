import { eq, inArray, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../client";
import { projectMembers } from "../schema";

/** `column IN (the user's projects)`: the one tenant filter every read and write goes through. */
export function inUserProjects(db: DbOrTx, column: AnyPgColumn, userId: number): SQL {
  return inArray(
    column,
    db
      .select({ id: projectMembers.projectId })
      .from(projectMembers)
      .where(eq(projectMembers.userId, userId)),
  );
}
