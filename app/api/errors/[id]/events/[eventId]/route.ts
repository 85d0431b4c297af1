import { json, withToken } from "@/lib/api";
import { getDb } from "@/lib/db";
import { notFound } from "@/lib/domain-errors";
import { findErrorEvent } from "@/lib/errors/detail-event";
import { parseId } from "@/lib/row-id";

type Params = { id: string; eventId: string };

export const GET = withToken<Params>(async (_request, { auth, params }) => {
  const errorId = parseId(params.id, "error");
  const found = await findErrorEvent(await getDb(), {
    userId: auth.userId,
    errorId,
    eventRef: params.eventId,
  });
  if (!found) throw notFound("event");
  if (found.kind === "moved") {
    // The canonical URL names the event by its row id; a client event id is redirected there.
    const location = `/api/errors/${errorId}/events/${found.eventId}`;
    return new Response(null, { status: 307, headers: { location } });
  }
  return json({ ...found.event, navigation: found.navigation });
});
