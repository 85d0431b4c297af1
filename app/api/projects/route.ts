import { getDb } from "@/db";
import { listProjectsForUser } from "@/db/queries/projects";
import { json, withToken } from "@/lib/api";

export const GET = withToken(async (_request, { auth }) => {
  const items = await listProjectsForUser(await getDb(), auth.userId);
  return json({ items });
});
