import { json, withToken } from "@/lib/api";
import { getDb } from "@/lib/db";
import { findTagsOfError } from "@/lib/errors/tags";
import { parseId } from "@/lib/row-id";

export const GET = withToken<{ id: string }>(async (request, { auth, params }) => {
  const tags = await findTagsOfError(await getDb(), {
    userId: auth.userId,
    errorId: parseId(params.id, "error"),
    params: new URL(request.url).searchParams,
  });
  return json(tags);
});
