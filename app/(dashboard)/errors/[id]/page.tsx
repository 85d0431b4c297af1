import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { TagList } from "@/components/error-detail/badges";
import {
  ErrorFacts,
  ErrorHeader,
  type ErrorSummaryData,
} from "@/components/error-detail/error-summary";
import { EventsChart } from "@/components/error-detail/events-chart";
import { type EventItem, EventsList } from "@/components/error-detail/events-list";
import { SdkContextSections, SdkExceptionSection } from "@/components/error-detail/sdk-event";
import { Section, TextBox } from "@/components/error-detail/section";
import { TimeProvider } from "@/components/error-detail/time";
import {
  countEventsOverTime,
  type EventRecord,
  findLatestEvent,
  listEventsOfError,
} from "@/db/queries/error-events";
import { listMembers } from "@/db/queries/members";
import { currentUser, requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { findErrorView } from "@/lib/errors/detail";
import { parseEventsCursor, parseRowId } from "@/lib/errors/detail-format";
import { mergeTags, readEntries } from "@/lib/sentry-payload";

const EVENTS_PER_PAGE = 20;

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// The layout redirects too, but a page renders in parallel with its layout.
async function sessionUserId(): Promise<number> {
  return (await requireUser()).id;
}

// One query per request, shared by the metadata and the page.
const loadError = cache(async (userId: number, errorId: number) =>
  findErrorView(await getDb(), { userId, errorId }),
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const errorId = parseRowId((await params).id);
  const user = await currentUser();
  if (!errorId || !user) return { title: "Error not found" };
  const error = await loadError(user.id, errorId);
  return { title: error ? error.title.slice(0, 80) : "Error not found" };
}

function collectedByText(event: EventRecord): string | null {
  const by = event.collectedBy;
  if (!by) return null;
  return `${by.name} <${by.email}>${by.tokenName ? ` · key “${by.tokenName}”` : ""}`;
}

function toEventItem(event: EventRecord): EventItem {
  return {
    id: event.id,
    eventId: event.eventId,
    title: event.title,
    details: event.details,
    level: event.level,
    origin: event.origin,
    environment: event.environment,
    release: event.release,
    occurredAt: event.occurredAt.toISOString(),
    receivedAt: event.receivedAt.toISOString(),
    tags: readEntries(event.tags),
    collectedBy: collectedByText(event),
  };
}

export default async function ErrorDetailPage({ params, searchParams }: Props) {
  const userId = await sessionUserId();
  const errorId = parseRowId((await params).id);
  if (!errorId) notFound();
  const error = await loadError(userId, errorId);
  if (!error) notFound();

  const before = parseEventsCursor((await searchParams).events_cursor);
  const db = await getDb();
  const now = new Date();
  const [latest, counts, events, members] = await Promise.all([
    findLatestEvent(db, error.id),
    countEventsOverTime(db, error.id, now),
    listEventsOfError(db, { errorId: error.id, cursor: before, limit: EVENTS_PER_PAGE }),
    listMembers(db, { projectId: error.project.id }),
  ]);

  const summary: ErrorSummaryData = {
    id: error.id,
    title: error.title,
    level: error.level,
    origin: error.origin,
    environment: error.environment,
    culprit: error.culprit,
    status: error.status,
    substatus: null,
    assignee: null,
    lastRelease: latest?.release ?? null,
    count: error.count,
    firstSeen: error.firstSeen.toISOString(),
    lastSeen: error.lastSeen.toISOString(),
    project: { name: error.project.name },
    release: latest?.release ?? null,
    collectedBy: latest?.collectedBy ?? null,
  };
  const details = latest?.details ?? "";
  const tags = latest ? mergeTags(latest.payload, latest.tags) : [];

  return (
    <TimeProvider serverNow={now.getTime()}>
      <article className="space-y-6">
        <ErrorHeader
          error={summary}
          members={members.map((member) => ({ id: member.userId, name: member.name }))}
          currentUserId={userId}
        />
        <ErrorFacts error={summary} />

        <Section title="Details">
          {details ? (
            <TextBox
              label="Details of the latest event"
              testId="error-details"
              className="max-h-96 sm:[&>pre]:text-sm sm:[&>pre]:leading-6"
            >
              {details}
            </TextBox>
          ) : (
            <p className="text-sm text-zinc-500 dark:text-zinc-400">No details were sent.</p>
          )}
        </Section>

        {latest?.payload ? <SdkExceptionSection payload={latest.payload} /> : null}

        <Section title="Frequency">
          <div className="grid gap-6 md:grid-cols-2">
            <EventsChart
              title="Events per hour, last 24 hours"
              buckets={counts.hourly}
              unit="hour"
            />
            <EventsChart title="Events per day, last 14 days" buckets={counts.daily} unit="day" />
          </div>
        </Section>

        {tags.length > 0 ? (
          <Section title="Tags">
            <TagList tags={tags} />
          </Section>
        ) : null}

        {latest?.payload ? <SdkContextSections payload={latest.payload} /> : null}

        <EventsList
          errorId={error.id}
          total={error.count}
          events={events.items.map(toEventItem)}
          nextCursor={events.nextCursor}
          paged={before !== null}
        />
      </article>
    </TimeProvider>
  );
}
