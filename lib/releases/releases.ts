import type { DbOrTx } from "@/db/client";
import { listReleases, type ReleaseSummary } from "@/db/queries/releases";
import { parseIdPage } from "../pagination";
import { requireProjectAccess } from "../projects/access";

export const DEFAULT_RELEASES_LIMIT = 25;

export type ReleaseItem = Omit<ReleaseSummary, "id">;

type Params = { get(name: string): string | null };

/**
 * A project's releases (`GET /api/projects/:id/releases`), newest first in the order the
 * project first saw them, with their events, first and last seen, and the errors first seen
 * in each. `cursor` is the previous page's nextCursor; `limit` 1 to 100 (default 25). A
 * project that is not the caller's is a 404, as a missing one.
 */
export async function listProjectReleases(
  db: DbOrTx,
  input: { userId: number; project: string; params: Params },
): Promise<{ items: ReleaseItem[]; nextCursor: string | null }> {
  const page = parseIdPage(input.params, { defaultLimit: DEFAULT_RELEASES_LIMIT });
  const { project } = await requireProjectAccess(db, {
    userId: input.userId,
    project: input.project,
  });
  const { items, more } = await listReleases(db, { projectId: project.id, ...page });
  const last = items[items.length - 1];
  return {
    items: items.map(({ id: _id, ...item }) => item),
    nextCursor: more && last ? String(last.id) : null,
  };
}
