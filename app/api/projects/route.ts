import { createProject, listProjectsForUser } from "@/db/queries/projects";
import { json, readJson, withToken } from "@/lib/api";
import { getDb } from "@/lib/db";
import { parseWith } from "@/lib/domain-errors";
import { buildDsn, publicBaseUrl } from "@/lib/public-url";
import { createProjectSchema } from "@/lib/schemas/projects";

export const GET = withToken(async (_request, { auth }) => {
  const items = await listProjectsForUser(await getDb(), auth.userId);
  return json({ items });
});

export const POST = withToken(async (request, { auth }) => {
  const { name } = parseWith(createProjectSchema, await readJson(request, 16 * 1024));
  const { project, ingestKey } = await createProject(await getDb(), { userId: auth.userId, name });
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
