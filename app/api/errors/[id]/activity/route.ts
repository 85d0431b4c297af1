import { json, withToken } from "@/lib/api";
import { getDb } from "@/lib/db";
import { listActivityOfError } from "@/lib/errors/activity";
import { parseId } from "@/lib/row-id";

export const GET = withToken<{ id: string }>(async (request, { auth, params }) => {
  const page = await listActivityOfError(await getDb(), {
    userId: auth.userId,
    errorId: parseId(params.id, "error"),
    params: new URL(request.url).searchParams,
  });
  return json(page);
});
