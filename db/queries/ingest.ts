import { asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { projectMembers, projects } from "../schema";

export interface IngestProject {
  id: number;
  slug: string;
  eventsPerMinute: number | null;
  /**
   * Whether the project has enabled alert rules that the ingest write decides (new errors,
   * frequencies). Without them the write runs a statement without the alert decisions.
   */
  alertRules: boolean;
}

const ingestProjectFields = {
  id: projects.id,
  slug: projects.slug,
  eventsPerMinute: projects.eventsPerMinute,
  // Spelled out: drizzle renders a column of the selected table without its table's name,
  // which inside this subquery would name alert_rules' own id.
  alertRules: sql<boolean>`EXISTS (SELECT 1 FROM alert_rules r WHERE r.project_id = projects.id
    AND alert_rule_decided_at_ingest(r))`,
};

/** The projects a user may send events to, oldest membership first (the default). */
export function listIngestProjectsForUser(db: DbOrTx, userId: number): Promise<IngestProject[]> {
  return db
    .select(ingestProjectFields)
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
    .select(ingestProjectFields)
    .from(projects)
    .where(eq(projects.id, projectId))
    .limit(1);
  return row ?? null;
}
