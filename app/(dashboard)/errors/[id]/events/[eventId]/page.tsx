import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { EventContent } from "@/components/error-detail/event-content";
import { EventFacts, EventHeader } from "@/components/error-detail/event-summary";
import { TimeProvider } from "@/components/error-detail/time";
import { currentUser, requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { findErrorView } from "@/lib/errors/detail";
import { findErrorEvent } from "@/lib/errors/detail-event";
import { parseRowId } from "@/lib/errors/detail-format";
import { mergeTags } from "@/lib/sentry-payload";

type Props = { params: Promise<{ id: string; eventId: string }> };

// One lookup per request, shared by the metadata and the page.
const loadEvent = cache(async (userId: number, errorId: number, eventRef: string) =>
  findErrorEvent(await getDb(), { userId, errorId, eventRef }),
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations("EventPage");
  const { id, eventId } = await params;
  const errorId = parseRowId(id);
  const user = await currentUser();
  if (!errorId || !user) return { title: t("metaNotFound") };
  const found = await loadEvent(user.id, errorId, eventId);
  return {
    title:
      found?.kind === "event"
        ? t("metaTitle", { title: found.event.title.slice(0, 72) })
        : t("metaNotFound"),
  };
}

/**
 * One event of an error in full, at /errors/:id/events/:eventId (the event's row id; a client
 * event id redirects there), with newest / newer / older / oldest navigation and a copyable link.
 */
export default async function ErrorEventPage({ params }: Props) {
  // The layout redirects too, but a page renders in parallel with its layout.
  const userId = (await requireUser()).id;
  const { id, eventId } = await params;
  const errorId = parseRowId(id);
  if (!errorId) notFound();
  const db = await getDb();
  const [error, found] = await Promise.all([
    findErrorView(db, { userId, errorId }),
    loadEvent(userId, errorId, eventId),
  ]);
  if (!error || !found) notFound();
  if (found.kind === "moved") redirect(`/errors/${errorId}/events/${found.eventId}`);

  const { event, navigation } = found;
  const summary = {
    id: event.id,
    eventId: event.eventId,
    title: event.title,
    level: event.level,
    origin: event.origin,
    environment: event.environment,
    release: event.release,
    occurredAt: event.occurredAt.toISOString(),
    receivedAt: event.receivedAt.toISOString(),
    collectedBy: event.collectedBy,
  };
  return (
    <TimeProvider serverNow={Date.now()}>
      <article className="space-y-6">
        <EventHeader
          error={{ id: error.id, title: error.title, count: error.count }}
          event={summary}
          navigation={navigation}
        />
        <EventFacts event={summary} />
        <EventContent
          details={event.details}
          payload={event.payload}
          tags={mergeTags(event.payload, event.tags)}
        />
      </article>
    </TimeProvider>
  );
}
