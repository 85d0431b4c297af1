import { json, withToken } from "@/lib/api";
import { getDb } from "@/lib/db";
import { listProjectReleases } from "@/lib/releases/releases";

export const GET = withToken<{ id: string }>(async (request, { auth, params }) => {
  const page = await listProjectReleases(await getDb(), {
    userId: auth.userId,
    project: params.id,
    params: new URL(request.url).searchParams,
  });
  return json(page);
});
