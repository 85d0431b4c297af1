import { deleteErrors, setErrorStatus } from "@/db/queries/error-groups";
import { json, readJson, withToken } from "@/lib/api";
import { getDb } from "@/lib/db";
import { parseWith } from "@/lib/domain-errors";
import { bulkErrorsSchema } from "@/lib/schemas/errors";

export const POST = withToken(async (request, { auth }) => {
  const { ids, action } = parseWith(bulkErrorsSchema, await readJson(request));
  const db = await getDb();
  const errorIds = [...new Set(ids)];
  const affected =
    action === "delete"
      ? await deleteErrors(db, { userId: auth.userId, errorIds })
      : await setErrorStatus(db, {
          userId: auth.userId,
          errorIds,
          status: action === "archive" ? "archived" : "open",
        });
  // Only ids the caller may touch are reported; others are indistinguishable from missing ones.
  return json({ action, affected: affected.sort((a, b) => a - b) });
});
