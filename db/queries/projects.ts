import { and, asc, eq } from "drizzle-orm";
import type { Db, DbOrTx } from "../client";
import { noteIngestConfigChange } from "../ingest-config";
import { type MEMBER_ROLE_VALUES, projectMembers, projects } from "../schema";
import { uniqueSlug } from "../slug";
import { type CreatedToken, createToken } from "./tokens";

export type MemberRole = (typeof MEMBER_ROLE_VALUES)[number];

/** A project named by its numeric id or its slug. */
export type ProjectRef = { id: number } | { slug: string };

export interface ProjectInfo {
  id: number;
  name: string;
  slug: string;
  /** Ingest quota; null: INGEST_QUOTA_PER_MINUTE, or no limit. */
  eventsPerMinute: number | null;
  createdAt: Date;
}

export interface ProjectSummary extends ProjectInfo {
  role: MemberRole;
}

/** A project the caller is a member of, and their role in it. */
export interface ProjectAccess {
  project: ProjectInfo;
  role: MemberRole;
}

const projectColumns = {
  id: projects.id,
  name: projects.name,
  slug: projects.slug,
  eventsPerMinute: projects.eventsPerMinute,
  createdAt: projects.createdAt,
};

const summaryColumns = { ...projectColumns, role: projectMembers.role };

export const DEFAULT_INGEST_KEY_NAME = "Default ingest key";

/** The caller's projects, oldest first: the first one is the default. */
export function listProjectsForUser(db: DbOrTx, userId: number): Promise<ProjectSummary[]> {
  return db
    .select(summaryColumns)
    .from(projectMembers)
    .innerJoin(projects, eq(projects.id, projectMembers.projectId))
    .where(eq(projectMembers.userId, userId))
    .orderBy(asc(projects.createdAt), asc(projects.id));
}

/**
 * Inserts a project under a slug no other project has. Slugs are global and end in a short
 * random suffix, so two projects of the same name can draw the same one (24 bits: likely once
 * a name has a few thousand projects); such a draw is skipped with ON CONFLICT, which leaves
 * the transaction usable, and another is drawn.
 */
export async function insertProject(
  tx: DbOrTx,
  input: { name: string },
  drawSlug: (name: string) => string = uniqueSlug,
) {
  for (let attempt = 0; attempt < 8; attempt++) {
    const [project] = await tx
      .insert(projects)
      .values({ name: input.name, slug: drawSlug(input.name) })
      .onConflictDoNothing({ target: projects.slug })
      .returning(projectColumns);
    if (project) return project;
  }
  throw new Error("no free project slug after 8 draws");
}

/** The project with its owner membership and a first ingest key: all or nothing. */
export async function createProject(
  db: Db,
  input: { userId: number; name: string },
): Promise<{ project: ProjectSummary; ingestKey: CreatedToken }> {
  const created = await db.transaction(async (tx) => {
    const project = await insertProject(tx, { name: input.name });
    await tx
      .insert(projectMembers)
      .values({ projectId: project.id, userId: input.userId, role: "owner" });
    const ingestKey = await createToken(tx, {
      userId: input.userId,
      name: DEFAULT_INGEST_KEY_NAME,
      kind: "ingest",
      projectId: project.id,
    });
    return { project: { ...project, role: "owner" as const }, ingestKey };
  });
  // Committed: the owner's personal tokens may write to the new project (ingest's caches).
  noteIngestConfigChange();
  return created;
}

export async function renameProject(
  db: DbOrTx,
  input: { projectId: number; name?: string; eventsPerMinute?: number | null },
): Promise<ProjectInfo | null> {
  const [row] = await db
    .update(projects)
    .set({
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.eventsPerMinute !== undefined ? { eventsPerMinute: input.eventsPerMinute } : {}),
    })
    .where(eq(projects.id, input.projectId))
    .returning(projectColumns);
  if (input.eventsPerMinute !== undefined) noteIngestConfigChange();
  return row ?? null;
}

/** One project by id or slug, only when the user is a member of it. */
export async function findProjectForMember(
  db: DbOrTx,
  input: { userId: number; ref: ProjectRef },
): Promise<ProjectAccess | null> {
  const [row] = await db
    .select(summaryColumns)
    .from(projectMembers)
    .innerJoin(projects, eq(projects.id, projectMembers.projectId))
    .where(
      and(
        eq(projectMembers.userId, input.userId),
        "id" in input.ref ? eq(projects.id, input.ref.id) : eq(projects.slug, input.ref.slug),
      ),
    )
    .limit(1);
  if (!row) return null;
  const { role, ...project } = row;
  return { project, role };
}

/** The user's first project (oldest membership); null when they have none. */
export async function findFirstProjectForMember(
  db: DbOrTx,
  input: { userId: number },
): Promise<ProjectAccess | null> {
  const [row] = await db
    .select(summaryColumns)
    .from(projectMembers)
    .innerJoin(projects, eq(projects.id, projectMembers.projectId))
    .where(eq(projectMembers.userId, input.userId))
    .orderBy(asc(projectMembers.createdAt), asc(projectMembers.projectId))
    .limit(1);
  if (!row) return null;
  const { role, ...project } = row;
  return { project, role };
}
