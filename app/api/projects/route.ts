import { listProjectsForUser } from "@/db/queries/projects";
import { json, readJson, withToken } from "@/lib/api";
import { getDb } from "@/lib/db";
import { createProject } from "@/lib/projects/projects";
import { buildDsn, publicBaseUrl } from "@/lib/public-url";

export const GET = withToken(async (_request, { auth }) => {
  const items = await listProjectsForUser(await getDb(), auth.userId);
  return json({ items });
});

export const POST = withToken(async (request, { auth }) => {
  const body = await readJson(request, 16 * 1024);
  const { project, ingestKey } = await createProject(await getDb(), { userId: auth.userId, body });
  return json(
    {
      project,
      ingestKey: {
        id: ingestKey.id,
        name: ingestKey.name,
        key: ingestKey.token,
        prefix: ingestKey.prefix,
        dsn: buildDsn(publicBaseUrl(request), ingestKey.token, project.id),
      },
    },
    201,
  );
});
