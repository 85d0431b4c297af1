import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { formatNumber } from "@/lib/i18n/format";
import type { Level } from "@/lib/ingest/levels";
import { EventRows } from "./event-rows";
import { Section } from "./section";

export interface EventItem {
  id: number;
  level: Level;
  origin: string;
  environment: string;
  release: string | null;
  occurredAt: string;
  tags: [string, string][];
}

const linkClass =
  "rounded-md px-2 py-1 text-sm font-medium text-indigo-700 hover:bg-indigo-50 hover:underline dark:text-indigo-300 dark:hover:bg-indigo-950/60";

/** One page of an error's events, newest first; each links to its own page. */
export function EventsList({
  errorId,
  total,
  events,
  nextCursor,
  paged,
}: {
  errorId: number;
  total: number;
  events: EventItem[];
  nextCursor: string | null;
  /** True when this is not the first page. */
  paged: boolean;
}) {
  const t = useTranslations("EventsList");
  const locale = useLocale();
  const base = `/errors/${errorId}`;
  return (
    <Section
      id="events"
      title={t("title", { count: formatNumber(total, locale) })}
      actions={
        <span className="text-sm text-zinc-500 dark:text-zinc-400">
          {paged ? t("olderEvents") : t("newestFirst")}
        </span>
      }
    >
      {events.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">
          {paged ? t("noOlder") : t("none")}
        </p>
      ) : (
        <EventRows errorId={errorId} events={events} />
      )}
      {paged || nextCursor ? (
        <nav aria-label={t("pages")} className="mt-3 flex flex-wrap justify-between gap-2">
          {paged ? (
            <Link href={`${base}#events`} className={linkClass}>
              {t("newestLink")}
            </Link>
          ) : (
            <span />
          )}
          {nextCursor ? (
            <Link
              href={`${base}?events_cursor=${encodeURIComponent(nextCursor)}#events`}
              className={linkClass}
            >
              {t("olderLink")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </Section>
  );
}
