import { findEventForUser } from "@/db/queries/error-events";
import { json, withToken } from "@/lib/api";
import { getDb } from "@/lib/db";
import { notFound } from "@/lib/domain-errors";
import { deleteEvent } from "@/lib/errors/triage";
import { parseId } from "@/lib/row-id";

type Params = { id: string };

export const GET = withToken<Params>(async (_request, { auth, params }) => {
  const event = await findEventForUser(await getDb(), {
    userId: auth.userId,
    eventId: parseId(params.id, "event"),
  });
  if (!event) throw notFound("event");
  return json(event);
});

export const DELETE = withToken<Params>(async (_request, { auth, params }) => {
  const eventId = parseId(params.id, "event");
  await deleteEvent(await getDb(), { userId: auth.userId, eventId });
  return new Response(null, { status: 204 });
});
