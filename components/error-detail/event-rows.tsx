"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { LevelBadge, TagList } from "./badges";
import type { EventItem } from "./events-list";
import { useDetailWords } from "./facts";
import { DateTime } from "./time";

/**
 * A page of events, each a link to its own page. A client component so that the RSC payload
 * carries the events' data rather than twenty copies of the same markup; the repeated
 * classes are `ev-*` (app/components.css).
 */
export function EventRows({ errorId, events }: { errorId: number; events: EventItem[] }) {
  const t = useTranslations("EventRows");
  const words = useDetailWords();
  return (
    <ol className="divide-y divide-zinc-100 border-y border-zinc-100 dark:divide-zinc-800 dark:border-zinc-800">
      {events.map((event) => (
        <li key={event.id} data-testid="event">
          <Link href={`/errors/${errorId}/events/${event.id}`} className="ev">
            <span className="ev-when">
              <DateTime iso={event.occurredAt} seconds />
              <LevelBadge level={event.level} />
            </span>
            <span className="ev-body">
              <span className="ev-facts">
                <span>
                  <span className="sr-only">{t("origin")}</span>
                  {event.origin}
                </span>
                <span>
                  <span className="sr-only">{t("environment")}</span>
                  {words.environment(event.environment)}
                </span>
                {event.release ? (
                  <span className="font-mono text-xs leading-5">
                    <span className="sr-only">{t("release")}</span>
                    {event.release}
                  </span>
                ) : null}
              </span>
              <TagList tags={event.tags} limit={4} />
            </span>
            <span aria-hidden className="ev-go">
              ›
            </span>
          </Link>
        </li>
      ))}
    </ol>
  );
}
