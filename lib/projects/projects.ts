import type { Db } from "@/db/client";
import {
  createProject as insertProjectWithKey,
  type MemberRole,
  type ProjectInfo,
  renameProject,
} from "@/db/queries/projects";
import { forbidden, notFound, parseWith } from "@/lib/domain-errors";
import { message } from "@/lib/i18n/server-messages";
import { requireProjectAccess } from "@/lib/projects/access";
import { createProjectSchema, patchProjectSchema } from "@/lib/schemas/projects";

/**
 * Creates a project from `{ name }` with the caller as its owner and a default ingest key:
 * the one rule for POST /api/projects and the Settings form. Throws a 422 naming the field.
 */
export function createProject(db: Db, input: { userId: number; body: unknown }) {
  const { name } = parseWith(createProjectSchema, input.body);
  return insertProjectWithKey(db, { userId: input.userId, name });
}

/**
 * Changes a project (owners only): a new name, an ingest quota, or both. The role is checked
 * before the body is read, so a member is refused (403) whatever they send.
 */
export async function updateProject(
  db: Db,
  input: { userId: number; project: string | number; readBody: () => Promise<unknown> },
): Promise<ProjectInfo & { role: MemberRole }> {
  const { project, role } = await requireProjectAccess(db, input);
  if (role !== "owner") throw forbidden(message("ServerProjects.ownersChange"));
  const changes = parseWith(patchProjectSchema, await input.readBody());
  const updated = await renameProject(db, { projectId: project.id, ...changes });
  if (!updated) throw notFound("project");
  return { ...updated, role };
}
