import Link from "next/link";
import { environmentLabel } from "@/lib/ingest/environments";
import type { Level } from "@/lib/ingest/levels";
import { LevelBadge, TagList } from "./badges";
import { Section } from "./section";
import { DateTime } from "./time";

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
  const base = `/errors/${errorId}`;
  return (
    <Section
      id="events"
      title={`Events (${total.toLocaleString("en-US")})`}
      actions={
        <span className="text-sm text-zinc-500 dark:text-zinc-400">
          {paged ? "Older events" : "Newest first"}
        </span>
      }
    >
      {events.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">
          {paged ? "No older events." : "No events."}
        </p>
      ) : (
        <ol className="divide-y divide-zinc-100 border-y border-zinc-100 dark:divide-zinc-800 dark:border-zinc-800">
          {events.map((event) => (
            <li key={event.id} data-testid="event">
              <EventRow errorId={errorId} event={event} />
            </li>
          ))}
        </ol>
      )}
      {paged || nextCursor ? (
        <nav aria-label="Events pages" className="mt-3 flex flex-wrap justify-between gap-2">
          {paged ? (
            <Link href={`${base}#events`} className={linkClass}>
              ← Newest events
            </Link>
          ) : (
            <span />
          )}
          {nextCursor ? (
            <Link
              href={`${base}?events_cursor=${encodeURIComponent(nextCursor)}#events`}
              className={linkClass}
            >
              Older events →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </Section>
  );
}

/** One event as a link to its own page, where it is shown in full. */
function EventRow({ errorId, event }: { errorId: number; event: EventItem }) {
  return (
    <Link
      href={`/errors/${errorId}/events/${event.id}`}
      className="group/event flex flex-col gap-1.5 rounded-md px-1 py-2.5 hover:bg-zinc-50 sm:flex-row sm:items-start sm:gap-3 dark:hover:bg-zinc-800/50"
    >
      <span className="flex shrink-0 items-center gap-2">
        <DateTime
          iso={event.occurredAt}
          seconds
          className="text-sm font-medium text-indigo-700 tabular-nums group-hover/event:underline dark:text-indigo-300"
        />
        <LevelBadge level={event.level} />
      </span>
      <span className="flex min-w-0 flex-1 flex-col gap-1.5">
        <span className="flex flex-wrap gap-x-3 gap-y-0.5 text-sm text-zinc-600 dark:text-zinc-300">
          <span className="min-w-0 wrap-break-word">
            <span className="sr-only">Origin: </span>
            {event.origin}
          </span>
          <span>
            <span className="sr-only">Environment: </span>
            {environmentLabel(event.environment)}
          </span>
          {event.release ? (
            <span className="min-w-0 font-mono text-xs leading-5 wrap-break-word">
              <span className="sr-only">Release: </span>
              {event.release}
            </span>
          ) : null}
        </span>
        <TagList tags={event.tags} limit={4} />
      </span>
      <span aria-hidden className="hidden self-center text-zinc-400 sm:block">
        ›
      </span>
    </Link>
  );
}
