import type { DbOrTx } from "@/db/client";
import { findLastProjectId, rememberLastProject } from "@/db/queries/last-project";
import {
  findFirstProjectForMember,
  findProjectForMember,
  type ProjectAccess,
} from "@/db/queries/projects";
import { notFound } from "../domain-errors";
import { parseProjectRef } from "../ids";

/**
 * The project named by `project` (id or slug) if the user is a member of it. A project that
 * does not exist and one the user cannot see are the same NotFound, so ids reveal nothing.
 */
export async function requireProjectAccess(
  db: DbOrTx,
  input: { userId: number; project: string | number },
): Promise<ProjectAccess> {
  const ref = parseProjectRef(input.project);
  const access = ref && (await findProjectForMember(db, { userId: input.userId, ref }));
  if (!access) throw notFound("project");
  return access;
}

/**
 * Like requireProjectAccess, but without `project` it picks the user's first project (oldest
 * membership): what a personal token with a single project means.
 */
export async function resolveProjectForCaller(
  db: DbOrTx,
  input: { userId: number; project?: string | number },
): Promise<ProjectAccess> {
  if (input.project !== undefined) {
    return requireProjectAccess(db, { userId: input.userId, project: input.project });
  }
  const access = await findFirstProjectForMember(db, { userId: input.userId });
  if (!access) throw notFound("project");
  return access;
}

/**
 * The project a dashboard page shows. `project` (id or slug) is the user's choice: checked, and
 * remembered in their account so that the next page without one opens on it too. Without it,
 * the project they chose last, read back only while they still belong to it; else their first.
 */
export async function chooseProjectForPage(
  db: DbOrTx,
  input: { userId: number; project?: string },
): Promise<ProjectAccess> {
  if (input.project !== undefined) {
    const access = await requireProjectAccess(db, { userId: input.userId, project: input.project });
    await rememberLastProject(db, { userId: input.userId, projectId: access.project.id });
    return access;
  }
  const lastId = await findLastProjectId(db, input.userId);
  const last =
    lastId === null
      ? null
      : await findProjectForMember(db, { userId: input.userId, ref: { id: lastId } });
  return last ?? resolveProjectForCaller(db, { userId: input.userId });
}
