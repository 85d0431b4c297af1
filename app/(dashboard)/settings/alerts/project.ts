import type { Db } from "@/db/client";
import { findLastProjectId, rememberLastProject } from "@/db/queries/last-project";
import { listProjectsForUser } from "@/db/queries/projects";
import { pickSettingsProject } from "@/lib/projects/settings-project";

/**
 * The project Settings → Alerts shows: `?project=` (a slug or id among the user's projects,
 * remembered as Settings does), else the one Settings would open on.
 */
export async function alertsProject(db: Db, userId: number, wanted: string | undefined) {
  const [projects, lastProjectId] = await Promise.all([
    listProjectsForUser(db, userId),
    findLastProjectId(db, userId),
  ]);
  const match = wanted
    ? projects.find((p) => p.slug === wanted.toLowerCase() || String(p.id) === wanted)
    : undefined;
  if (match) await rememberLastProject(db, { userId, projectId: match.id });
  const selected = match ?? pickSettingsProject(projects, lastProjectId);
  return { projects, selected, unknown: Boolean(wanted && !match) };
}
