import { json, withToken } from "@/lib/api";
import { getDb } from "@/lib/db";
import { readLiveError } from "@/lib/errors/live";
import { parseId } from "@/lib/row-id";

type Params = { id: string };

export const GET = withToken<Params>(async (_request, { auth, params }) => {
  const db = await getDb();
  const live = await readLiveError(db, {
    userId: auth.userId,
    errorId: parseId(params.id, "error"),
  });
  return json(live, { headers: { "cache-control": "no-store" } });
});
