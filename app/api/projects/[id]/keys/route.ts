import { listIngestKeys } from "@/db/queries/keys";
import { json, readJson, withToken } from "@/lib/api";
import { getDb } from "@/lib/db";
import { requireProjectAccess } from "@/lib/projects/access";
import { createIngestKey } from "@/lib/projects/keys";
import { buildDsn, publicBaseUrl } from "@/lib/public-url";

export const GET = withToken<{ id: string }>(async (_request, { auth, params }) => {
  const db = await getDb();
  const { project } = await requireProjectAccess(db, { userId: auth.userId, project: params.id });
  return json({ items: await listIngestKeys(db, { projectId: project.id }) });
});

export const POST = withToken<{ id: string }>(async (request, { auth, params }) => {
  const { project, key } = await createIngestKey(await getDb(), {
    userId: auth.userId,
    project: params.id,
    readBody: () => readJson(request, 16 * 1024),
  });
  return json(
    {
      id: key.id,
      name: key.name,
      prefix: key.prefix,
      createdAt: key.createdAt,
      key: key.token,
      dsn: buildDsn(publicBaseUrl(request), key.token, project.id),
    },
    201,
  );
});
