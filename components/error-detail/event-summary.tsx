import Link from "next/link";
import { useTranslations } from "next-intl";
import type { Level } from "@/lib/ingest/levels";
import { LevelBadge } from "./badges";
import { Breakable } from "./breakable";
import { EventNav, type EventNavData } from "./event-nav";
import { CollectedByFact, Fact, FactList, useDetailWords } from "./facts";
import { DateTime } from "./time";

export interface EventSummaryData {
  id: number;
  eventId: string;
  title: string;
  level: Level;
  origin: string;
  environment: string;
  release: string | null;
  occurredAt: string;
  receivedAt: string;
  collectedBy: { name: string | null; email: string | null; tokenName: string | null } | null;
}

/** The top of an event's page: back to its error, what happened where and when, navigation. */
export function EventHeader({
  error,
  event,
  navigation,
}: {
  error: { id: number; title: string; count: number };
  event: EventSummaryData;
  navigation: EventNavData;
}) {
  const t = useTranslations("EventSummary");
  const words = useDetailWords();
  return (
    <header className="space-y-3">
      <Link
        href={`/errors/${error.id}`}
        className="inline-flex max-w-full items-center gap-1 rounded text-sm font-medium text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-white"
      >
        <span aria-hidden>←</span>
        <span className="truncate">
          <span className="sr-only">{t("back")}</span>
          {error.title}
        </span>
      </Link>
      <div className="min-w-0 space-y-2">
        <h1 className="text-sm font-medium text-zinc-600 wrap-break-word dark:text-zinc-300">
          {t.rich("heading", {
            level: words.level(event.level),
            origin: event.origin,
            b: (chunks) => (
              <span className="font-semibold text-zinc-900 dark:text-zinc-100">{chunks}</span>
            ),
            when: () => <DateTime iso={event.occurredAt} seconds />,
          })}
        </h1>
        <p
          className="text-xl leading-snug font-semibold tracking-tight wrap-break-word sm:text-2xl"
          data-testid="event-title"
        >
          {event.title}
        </p>
        <p className="text-sm text-zinc-500 dark:text-zinc-400">
          {t("oneOf", { count: error.count })}
        </p>
      </div>
      <EventNav errorId={error.id} eventId={event.id} navigation={navigation} />
    </header>
  );
}

/** The event at a glance, like the error's summary: four columns, two on a phone. */
export function EventFacts({ event }: { event: EventSummaryData }) {
  const t = useTranslations("EventSummary");
  const words = useDetailWords();
  const by = event.collectedBy;
  return (
    <FactList label={t("facts")}>
      <Fact label={t("level")}>
        <LevelBadge level={event.level} />
      </Fact>
      <Fact label={t("environment")}>{words.environment(event.environment)}</Fact>
      <Fact label={t("release")}>
        {event.release ? (
          <span className="font-mono text-xs" data-testid="event-release">
            <Breakable text={event.release} />
          </span>
        ) : (
          <span className="text-zinc-500 dark:text-zinc-400">{t("none")}</span>
        )}
      </Fact>
      <Fact label={t("origin")}>
        <Breakable text={event.origin} />
      </Fact>
      <Fact label={t("occurred")}>
        <DateTime iso={event.occurredAt} seconds />
      </Fact>
      <Fact label={t("received")}>
        <DateTime iso={event.receivedAt} seconds />
      </Fact>
      <Fact label={t("eventId")} wide>
        <span className="font-mono text-xs" data-testid="client-event-id">
          <Breakable text={event.eventId} />
        </span>
      </Fact>
      <CollectedByFact by={by} />
    </FactList>
  );
}
