import type { Person } from "@/components/ui/assign-menu";
import { Avatar } from "@/components/ui/avatar";
import { Section } from "./section";
import { DateTime, RelativeTime } from "./time";
import { type ArchiveConditionData, ArchiveConditionText } from "./triage-text";
import type { ActivityData } from "./triage-types";

/** Every word of the activity, in one place. */
const TEXT = {
  title: "Activity",
  newestFirst: "Newest first",
  empty: "Nothing yet: resolving, archiving, assigning and regressions are recorded here.",
  errorCentral: "Error Central",
  formerUser: "A former user",
  someone: "someone no longer in the project",
  resolved: "resolved it",
  inNextRelease: (release: string | null) =>
    release ? `in the next release (after ${release})` : "in the next release",
  archived: "archived it",
  unarchived: "unarchived it",
  reopened: "reopened it",
  assigned: "assigned it to",
  themselves: "themselves",
  unassigned: "unassigned",
  unassignedIt: "removed the assignee",
  regression: "reopened it as regressed:",
  escalation: "reopened it as escalating:",
  event: "event",
  anEvent: "an event",
  fromRelease: "from release",
  arrivedAfterResolve: (resolution: unknown) =>
    resolution === "inNextRelease"
      ? "arrived after it was resolved in the next release"
      : "arrived after it was resolved",
  condition: "the condition",
  wasMet: "was met",
  eventsSince: (n: number) =>
    `(${n.toLocaleString("en-US")} ${n === 1 ? "event" : "events"} since archived)`,
  shown: (n: number) => `The latest ${n} changes.`,
};

const text = (value: unknown) => (typeof value === "string" ? value : null);
const integer = (value: unknown) =>
  typeof value === "number" && Number.isSafeInteger(value) ? value : null;

function condition(value: unknown): ArchiveConditionData | null {
  if (!value || typeof value !== "object") return null;
  const raw = value as Record<string, unknown>;
  const rate = raw.untilRate as Record<string, unknown> | undefined;
  const count = integer(rate?.count);
  const minutes = integer(rate?.minutes);
  return {
    until: text(raw.until),
    untilEvents: integer(raw.untilEvents),
    untilRate: count !== null && minutes !== null ? { count, minutes } : null,
  };
}

function Mono({ children, title }: { children: React.ReactNode; title?: string }) {
  return (
    <code className="font-mono text-[0.8125rem]" title={title}>
      {children}
    </code>
  );
}

/** "event 1a2b3c4d from release 1.5.0", or "an event" when the reason names none. */
function EventPart({ detail }: { detail: Record<string, unknown> }) {
  const eventId = text(detail.eventId);
  if (!eventId) return <>{TEXT.anEvent}</>;
  const release = text(detail.release);
  return (
    <>
      {TEXT.event} <Mono title={eventId}>{eventId.slice(0, 8)}</Mono>
      {release ? (
        <>
          {" "}
          {TEXT.fromRelease} <Mono>{release}</Mono>
        </>
      ) : null}
    </>
  );
}

/** What happened, after the actor's name: "resolved it in the next release (after 1.4.0)". */
function What({ item, name }: { item: ActivityData; name: (id: unknown) => string }) {
  const { detail } = item;
  switch (item.kind) {
    case "resolved":
      return (
        <>
          {TEXT.resolved}
          {detail.resolution === "inNextRelease" ? (
            <> {TEXT.inNextRelease(text(detail.inRelease))}</>
          ) : null}
        </>
      );
    case "archived": {
      const raw = detail.condition as Record<string, unknown> | undefined;
      return (
        <>
          {TEXT.archived} <ArchiveConditionText condition={raw?.forever ? null : condition(raw)} />
        </>
      );
    }
    case "reopened":
      return <>{detail.from === "archived" ? TEXT.unarchived : TEXT.reopened}</>;
    case "assigned":
      return (
        <>
          {TEXT.assigned}{" "}
          <strong className="font-medium">
            {item.actor && detail.to === item.actor.id ? TEXT.themselves : name(detail.to)}
          </strong>
        </>
      );
    case "unassigned":
      return integer(detail.from) !== null ? (
        <>
          {TEXT.unassigned} <strong className="font-medium">{name(detail.from)}</strong>
        </>
      ) : (
        TEXT.unassignedIt
      );
    case "regression": {
      const release = text(detail.resolvedInRelease);
      return (
        <>
          {TEXT.regression} <EventPart detail={detail} />{" "}
          {TEXT.arrivedAfterResolve(detail.resolution)}
          {detail.resolution === "inNextRelease" && release ? (
            <>
              {" "}
              (after <Mono>{release}</Mono>)
            </>
          ) : null}
        </>
      );
    }
    case "escalation": {
      const since = integer(detail.eventsSinceArchived);
      return (
        <>
          {TEXT.escalation} {TEXT.condition} “
          <ArchiveConditionText condition={condition(detail.condition)} />” {TEXT.wasMet}
          {since !== null ? <> {TEXT.eventsSince(since)}</> : null}
        </>
      );
    }
  }
}

/**
 * Who changed what and when, newest first: status, resolution, assignee, and what Error Central
 * did by itself (regressions, escalations) with why. `people` names the users the entries
 * refer to by id (assignees).
 */
export function ActivitySection({
  items,
  people,
  limit,
}: {
  items: ActivityData[];
  people: Person[];
  /** The most the page reads: when that many are shown, there may be more. */
  limit: number;
}) {
  const names = new Map(people.map((person) => [person.id, person.name]));
  const name = (id: unknown) => {
    const value = integer(id);
    return (value !== null && names.get(value)) || TEXT.someone;
  };
  return (
    <Section
      title={TEXT.title}
      id="activity"
      actions={
        items.length > 1 ? (
          <span className="text-sm text-zinc-500 dark:text-zinc-400">{TEXT.newestFirst}</span>
        ) : null
      }
    >
      {items.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">{TEXT.empty}</p>
      ) : (
        <ol className="space-y-3" data-testid="activity">
          {items.map((item) => {
            const automatic = item.kind === "regression" || item.kind === "escalation";
            return (
              <li key={item.id} className="flex items-start gap-3 text-sm" data-kind={item.kind}>
                {item.actor ? (
                  <Avatar id={item.actor.id} name={item.actor.name} />
                ) : (
                  <span
                    aria-hidden
                    className={`inline-flex size-6 shrink-0 items-center justify-center rounded-full text-xs ${
                      automatic
                        ? "bg-indigo-600 text-white dark:bg-indigo-500"
                        : "bg-zinc-200 text-zinc-600 dark:bg-zinc-700 dark:text-zinc-300"
                    }`}
                  >
                    {automatic ? "↻" : "?"}
                  </span>
                )}
                <p className="min-w-0 flex-1 leading-6 wrap-break-word">
                  <strong className="font-semibold">
                    {item.actor ? item.actor.name : automatic ? TEXT.errorCentral : TEXT.formerUser}
                  </strong>{" "}
                  <What item={item} name={name} />
                  <span className="block text-xs text-zinc-500 dark:text-zinc-400">
                    <RelativeTime iso={item.at} /> · <DateTime iso={item.at} />
                  </span>
                </p>
              </li>
            );
          })}
        </ol>
      )}
      {items.length >= limit ? (
        <p className="mt-3 text-xs text-zinc-500 dark:text-zinc-400">{TEXT.shown(items.length)}</p>
      ) : null}
    </Section>
  );
}
