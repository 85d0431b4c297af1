import { listIngestKeys } from "@/db/queries/keys";
import { createToken } from "@/db/queries/tokens";
import { json, readJson, withToken } from "@/lib/api";
import { getDb } from "@/lib/db";
import { parseWith } from "@/lib/domain-errors";
import { requireProjectAccess } from "@/lib/projects/access";
import { buildDsn, publicBaseUrl } from "@/lib/public-url";
import { createIngestKeySchema } from "@/lib/schemas/projects";

export const GET = withToken<{ id: string }>(async (_request, { auth, params }) => {
  const db = await getDb();
  const { project } = await requireProjectAccess(db, { userId: auth.userId, project: params.id });
  return json({ items: await listIngestKeys(db, { projectId: project.id }) });
});

/** Any member may create a key; it is theirs, so events it sends are collected by them. */
export const POST = withToken<{ id: string }>(async (request, { auth, params }) => {
  const db = await getDb();
  const { project } = await requireProjectAccess(db, { userId: auth.userId, project: params.id });
  const { name } = parseWith(createIngestKeySchema, await readJson(request, 16 * 1024));
  const created = await createToken(db, {
    userId: auth.userId,
    name,
    kind: "ingest",
    projectId: project.id,
  });
  return json(
    {
      id: created.id,
      name: created.name,
      prefix: created.prefix,
      createdAt: created.createdAt,
      key: created.token,
      dsn: buildDsn(publicBaseUrl(request), created.token, project.id),
    },
    201,
  );
});
