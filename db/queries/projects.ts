import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { projectMembers, projects } from "../schema";

export interface ProjectSummary {
  id: number;
  name: string;
  slug: string;
  role: "owner" | "member";
  createdAt: Date;
}

/** The caller's projects, oldest first: the first one is the default. */
export function listProjectsForUser(db: DbOrTx, userId: number): Promise<ProjectSummary[]> {
  return db
    .select({
      id: projects.id,
      name: projects.name,
      slug: projects.slug,
      role: projectMembers.role,
      createdAt: projects.createdAt,
    })
    .from(projectMembers)
    .innerJoin(projects, eq(projects.id, projectMembers.projectId))
    .where(eq(projectMembers.userId, userId))
    .orderBy(asc(projects.createdAt), asc(projects.id));
}
