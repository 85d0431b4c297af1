import { json, withToken } from "@/lib/api";
import { getDb } from "@/lib/db";
import { readLiveList } from "@/lib/errors/live";

export const GET = withToken(async (request, { auth }) => {
  const db = await getDb();
  const live = await readLiveList(db, {
    userId: auth.userId,
    params: new URL(request.url).searchParams,
  });
  return json(live, { headers: { "cache-control": "no-store" } });
});
