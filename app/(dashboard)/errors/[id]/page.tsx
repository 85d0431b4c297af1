import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { ActivitySection } from "@/components/error-detail/activity-section";
import { AlertsTriggered } from "@/components/error-detail/alerts-triggered";
import { TagList } from "@/components/error-detail/badges";
import {
  ErrorFacts,
  ErrorHeader,
  type ErrorSummaryData,
} from "@/components/error-detail/error-summary";
import { EventsChart } from "@/components/error-detail/events-chart";
import { type EventItem, EventsList } from "@/components/error-detail/events-list";
import { LiveErrorProvider, NewEventsBar } from "@/components/error-detail/live-error";
import { ReleasesSection } from "@/components/error-detail/releases-section";
import { SdkContextSections, SdkExceptionSection } from "@/components/error-detail/sdk-event";
import { Section, TextBox } from "@/components/error-detail/section";
import { TagsSection } from "@/components/error-detail/tags-section";
import { TimeProvider } from "@/components/error-detail/time";
import { TriageBanner } from "@/components/error-detail/triage-banner";
import type { ActivityData, TriageData } from "@/components/error-detail/triage-types";
import { listErrorActivity } from "@/db/queries/error-activity";
import {
  countEventsOverTime,
  type EventRecord,
  findLatestEvent,
  listEventsOfError,
} from "@/db/queries/error-events";
import { listMembers } from "@/db/queries/members";
import { findUserNames } from "@/db/queries/users";
import { listAlertsOfError } from "@/lib/alerts/delivery-log";
import { currentUser, requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { DEFAULT_ACTIVITY_LIMIT } from "@/lib/errors/activity";
import { DETAIL_RELEASES, type ErrorView, findErrorView } from "@/lib/errors/detail";
import { parseEventsCursor, parseRowId } from "@/lib/errors/detail-format";
import { findTagsOfError } from "@/lib/errors/tags";
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
  const t = await getTranslations("ErrorPage");
  const errorId = parseRowId((await params).id);
  const user = await currentUser();
  if (!errorId || !user) return { title: t("metaNotFound") };
  const error = await loadError(user.id, errorId);
  return { title: error ? error.title.slice(0, 80) : t("metaNotFound") };
}

function toEventItem(event: EventRecord): EventItem {
  return {
    id: event.id,
    level: event.level,
    origin: event.origin,
    environment: event.environment,
    release: event.release,
    occurredAt: event.occurredAt.toISOString(),
    tags: readEntries(event.tags),
  };
}

export default async function ErrorDetailPage({ params, searchParams }: Props) {
  const userId = await sessionUserId();
  const errorId = parseRowId((await params).id);
  if (!errorId) notFound();
  const t = await getTranslations("ErrorPage");
  const error = await loadError(userId, errorId);
  if (!error) notFound();

  const before = parseEventsCursor((await searchParams).events_cursor);
  const db = await getDb();
  const alerts = await listAlertsOfError(db, {
    userId,
    errorId: error.id,
    locale: await getLocale(),
  });
  const now = new Date();
  const [latest, counts, events, memberRows, activity, tagBreakdown] = await Promise.all([
    findLatestEvent(db, error.id),
    countEventsOverTime(db, error.id, now),
    listEventsOfError(db, { errorId: error.id, cursor: before, limit: EVENTS_PER_PAGE }),
    listMembers(db, { projectId: error.project.id }),
    listErrorActivity(db, { errorId: error.id, before: null, limit: DEFAULT_ACTIVITY_LIMIT }),
    findTagsOfError(db, { userId, errorId: error.id }),
  ]);
  const members = memberRows.map((member) => ({ id: member.userId, name: member.name }));
  // The activity names assignees by id; those no longer in the project are looked up too.
  const named = new Set(members.map((member) => member.id));
  const formerIds = activity.items
    .flatMap((item) => [item.detail.to, item.detail.from])
    .filter((id): id is number => typeof id === "number" && !named.has(id));
  const formerNames = await findUserNames(db, formerIds);
  const people = [...members, ...[...formerNames].map(([id, name]) => ({ id, name }))];

  const summary: ErrorSummaryData = {
    id: error.id,
    title: error.title,
    level: error.level,
    origin: error.origin,
    environment: error.environment,
    culprit: error.culprit,
    status: error.status,
    substatus: error.substatus,
    assignee: error.assignee,
    lastRelease: error.lastRelease,
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
      <LiveErrorProvider
        errorId={error.id}
        initial={{
          count: error.count,
          lastSeen: summary.lastSeen,
          status: error.status,
          substatus: error.substatus,
          latestEventId: latest?.id ?? null,
        }}
      >
        <article className="space-y-6">
          <NewEventsBar />
          <ErrorHeader error={summary} members={members} currentUserId={userId} />
          <TriageBanner triage={triageData(error)} />
          <ErrorFacts error={summary} />

          <Section
            title={t("details")}
            actions={
              latest ? (
                <Link
                  href={`/errors/${error.id}/events/${latest.id}`}
                  className="rounded-md px-2 py-1 text-sm font-medium text-indigo-700 hover:bg-indigo-50 hover:underline dark:text-indigo-300 dark:hover:bg-indigo-950/60"
                >
                  {t("latestEventLink")}
                </Link>
              ) : null
            }
          >
            {details ? (
              <TextBox
                label={t("detailsLabel")}
                testId="error-details"
                className="max-h-96 sm:[&>pre]:text-sm sm:[&>pre]:leading-6"
              >
                {details}
              </TextBox>
            ) : (
              <p className="text-sm text-zinc-500 dark:text-zinc-400">{t("noDetails")}</p>
            )}
          </Section>

          {latest?.payload ? <SdkExceptionSection payload={latest.payload} /> : null}

          <Section title={t("frequency")}>
            <div className="grid gap-6 md:grid-cols-2">
              <EventsChart title={t("chartHourly")} buckets={counts.hourly} unit="hour" />
              <EventsChart title={t("chartDaily")} buckets={counts.daily} unit="day" />
            </div>
          </Section>

          <TagsSection
            keys={tagBreakdown.keys.map(({ key, total, distinct, top, otherValues }) => ({
              key,
              total,
              distinct,
              otherValues,
              top: top.map(({ value, count }) => ({ value, count })),
            }))}
          />

          <div className="grid items-start gap-6 xl:grid-cols-2">
            <ReleasesSection
              firstRelease={error.firstRelease}
              lastRelease={error.lastRelease}
              releases={error.releases.map((release) => ({
                name: release.name,
                count: release.count,
                firstSeen: release.firstSeen.toISOString(),
                lastSeen: release.lastSeen.toISOString(),
              }))}
              limit={DETAIL_RELEASES}
            />
            <ActivitySection
              items={activity.items.map(
                (item): ActivityData => ({ ...item, at: item.at.toISOString() }),
              )}
              people={people}
              limit={DEFAULT_ACTIVITY_LIMIT}
            />
          </div>

          {tags.length > 0 ? (
            <Section title={t("latestTags")}>
              <TagList tags={tags} />
            </Section>
          ) : null}

          {latest?.payload ? <SdkContextSections payload={latest.payload} /> : null}

          <AlertsTriggered alerts={alerts} projectSlug={error.project.slug} errorId={error.id} />

          <EventsList
            errorId={error.id}
            total={error.count}
            events={events.items.map(toEventItem)}
            nextCursor={events.nextCursor}
            paged={before !== null}
          />
        </article>
      </LiveErrorProvider>
    </TimeProvider>
  );
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** The error's triage state as the banner takes it: plain data, times as ISO strings. */
function triageData(error: ErrorView): TriageData {
  const { resolution, archive, reopened } = error;
  return {
    status: error.status,
    substatus: error.substatus,
    resolution: resolution && {
      ...resolution,
      resolvedAt: iso(resolution.resolvedAt),
    },
    archive: archive && {
      ...archive,
      archivedAt: iso(archive.archivedAt),
      until: iso(archive.until),
    },
    reopened: reopened && {
      reason: reopened.reason,
      at: iso(reopened.at),
      resolution: reopened.resolution,
      resolvedAt: iso(reopened.resolvedAt),
      resolvedBy: reopened.resolvedBy,
      resolvedInRelease: reopened.resolvedInRelease,
      archivedAt: iso(reopened.archivedAt),
      archivedBy: reopened.archivedBy,
      condition: reopened.condition && {
        ...reopened.condition,
        until: iso(reopened.condition.until),
      },
      eventsSinceArchived: reopened.eventsSinceArchived,
      eventId: reopened.eventId,
      release: reopened.release,
    },
  };
}
