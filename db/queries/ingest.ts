import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { projectMembers, projects } from "../schema";

export interface IngestProject {
  id: number;
  slug: string;
  eventsPerMinute: number | null;
}

/** The projects a user may send events to, oldest membership first (the default). */
export function listIngestProjectsForUser(db: DbOrTx, userId: number): Promise<IngestProject[]> {
  return db
    .select({ id: projects.id, slug: projects.slug, eventsPerMinute: projects.eventsPerMinute })
    .from(projectMembers)
    .innerJoin(projects, eq(projects.id, projectMembers.projectId))
    .where(eq(projectMembers.userId, userId))
    .orderBy(asc(projectMembers.createdAt), asc(projects.id));
}

export async function findIngestProject(
  db: DbOrTx,
  projectId: number,
): Promise<IngestProject | null> {
  const [row] = await db
    .select({ id: projects.id, slug: projects.slug, eventsPerMinute: projects.eventsPerMinute })
    .from(projects)
    .where(eq(projects.id, projectId))
    .limit(1);
  return row ?? null;
}
