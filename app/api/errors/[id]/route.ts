import { countEventsOverTime, findLatestEvent } from "@/db/queries/error-events";
import { json, readJson, withToken } from "@/lib/api";
import { getDb } from "@/lib/db";
import { notFound } from "@/lib/domain-errors";
import { findErrorView } from "@/lib/errors/detail";
import { changeErrorStatus, deleteError } from "@/lib/errors/triage";
import { parseId } from "@/lib/row-id";

type Params = { id: string };

export const GET = withToken<Params>(async (_request, { auth, params }) => {
  const db = await getDb();
  const error = await findErrorView(db, {
    userId: auth.userId,
    errorId: parseId(params.id, "error"),
  });
  if (!error) throw notFound("error");
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
  const errorId = parseId(params.id, "error");
  const body = await readJson(request);
  const db = await getDb();
  await changeErrorStatus(db, { userId: auth.userId, errorId, body });
  const error = await findErrorView(db, { userId: auth.userId, errorId });
  if (!error) throw notFound("error");
  return json(error);
});

export const DELETE = withToken<Params>(async (_request, { auth, params }) => {
  const errorId = parseId(params.id, "error");
  await deleteError(await getDb(), { userId: auth.userId, errorId });
  return new Response(null, { status: 204 });
});
