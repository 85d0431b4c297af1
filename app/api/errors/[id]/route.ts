import { countEventsOverTime, findLatestEvent } from "@/db/queries/error-events";
import { deleteErrors, findErrorForUser, setErrorStatus } from "@/db/queries/error-groups";
import { json, readJson, withToken } from "@/lib/api";
import { getDb } from "@/lib/db";
import { notFound, parseWith } from "@/lib/domain-errors";
import { parseId } from "@/lib/ids";
import { errorStatusUpdateSchema } from "@/lib/schemas/errors";

type Params = { id: string };

export const GET = withToken<Params>(async (_request, { auth, params }) => {
  const db = await getDb();
  const error = await findErrorForUser(db, {
    userId: auth.userId,
    errorId: parseId(params.id, "Error"),
  });
  if (!error) throw notFound("Error");
  const [latest, counts] = await Promise.all([
    findLatestEvent(db, error.id),
    countEventsOverTime(db, error.id),
  ]);
  return json({
    ...error,
    details: latest?.details ?? "",
    collectedBy: latest?.collectedBy ?? null,
    latestEvent: latest,
    counts,
  });
});

export const PATCH = withToken<Params>(async (request, { auth, params }) => {
  const errorId = parseId(params.id, "Error");
  const { status } = parseWith(errorStatusUpdateSchema, await readJson(request));
  const db = await getDb();
  const [updated] = await setErrorStatus(db, { userId: auth.userId, errorIds: [errorId], status });
  if (!updated) throw notFound("Error");
  const error = await findErrorForUser(db, { userId: auth.userId, errorId });
  if (!error) throw notFound("Error");
  return json(error);
});

export const DELETE = withToken<Params>(async (_request, { auth, params }) => {
  const errorId = parseId(params.id, "Error");
  const [deleted] = await deleteErrors(await getDb(), { userId: auth.userId, errorIds: [errorId] });
  if (!deleted) throw notFound("Error");
  return new Response(null, { status: 204 });
});
