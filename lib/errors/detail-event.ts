import type { DbOrTx } from "@/db/client";
import { type EventRecord, findEventOfError } from "@/db/queries/error-events";
import { findErrorForUser } from "@/db/queries/error-groups";
import {
  type EventNavigation,
  findEventIdByClientId,
  findEventNavigation,
} from "@/db/queries/event-navigation";
import { parseRowId } from "./detail-format";

/**
 * How a URL names one event of an error (`/errors/:id/events/:eventId`, and the API's
 * `/api/errors/:id/events/:eventId`). The canonical name is the event's row id (`id` in the
 * API, always digits). Any other segment is read as the client's event id (Sentry's
 * `event_id`, the native `eventId`) and answered by a redirect to the row id's URL, so a
 * Sentry event id from a log line opens the event. A segment of digits only is always a row id.
 */
export type EventRef = { id: number } | { clientId: string };

const CLIENT_EVENT_ID_MAX = 64;

export function parseEventRef(raw: string): EventRef | null {
  if (/^\d+$/.test(raw)) {
    const id = parseRowId(raw);
    return id === null ? null : { id };
  }
  if (raw.length === 0 || raw.length > CLIENT_EVENT_ID_MAX) return null;
  return { clientId: raw };
}

export type ErrorEventLookup =
  | { kind: "event"; event: EventRecord; navigation: EventNavigation }
  /** Named by its client event id: the row id to redirect to. */
  | { kind: "moved"; eventId: number };

/**
 * One event of an error with the ids to browse its neighbours, for the event page and
 * `GET /api/errors/:id/events/:eventId`. Null (a 404) when the error is not in the caller's
 * projects, the event does not exist, or it belongs to another error.
 */
export async function findErrorEvent(
  db: DbOrTx,
  input: { userId: number; errorId: number; eventRef: string },
): Promise<ErrorEventLookup | null> {
  const ref = parseEventRef(input.eventRef);
  if (!ref) return null;
  const error = await findErrorForUser(db, { userId: input.userId, errorId: input.errorId });
  if (!error) return null;
  if ("clientId" in ref) {
    const id = await findEventIdByClientId(db, {
      projectId: error.project.id,
      errorId: error.id,
      clientEventId: ref.clientId,
    });
    return id === null ? null : { kind: "moved", eventId: id };
  }
  const [event, navigation] = await Promise.all([
    findEventOfError(db, { errorId: error.id, eventId: ref.id }),
    findEventNavigation(db, { errorId: error.id, eventId: ref.id }),
  ]);
  return event ? { kind: "event", event, navigation } : null;
}
