/**
 * The project Settings opens on without `?project=`: the one the user last opened there (while
 * they still belong to it), else their own first project (the first they own, by creation),
 * else the first they belong to. An invitation accepted never takes over Settings by itself.
 */
export function pickSettingsProject<T extends { id: number; role: "owner" | "member" }>(
  projects: readonly T[],
  lastProjectId: number | null,
): T | null {
  return (
    (lastProjectId !== null ? projects.find((p) => p.id === lastProjectId) : undefined) ??
    projects.find((p) => p.role === "owner") ??
    projects[0] ??
    null
  );
}
