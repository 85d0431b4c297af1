import { useTranslations } from "next-intl";
import type { Person } from "@/components/ui/assign-menu";
import { Avatar } from "@/components/ui/avatar";
import { Section } from "./section";
import { DateTime, RelativeTime } from "./time";
import { type ArchiveConditionData, ArchiveConditionText } from "./triage-text";
import type { ActivityData } from "./triage-types";

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

/** "in the next release (after 1.4.0)", or without a name when the release is unknown. */
function inNextRelease(t: ReturnType<typeof useTranslations<"Activity">>, inRelease: unknown) {
  const release = text(inRelease);
  return release ? t("inNextRelease", { release }) : t("inNextReleaseNoName");
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
  const t = useTranslations("Activity");
  const eventId = text(detail.eventId);
  if (!eventId) return <>{t("anEvent")}</>;
  const release = text(detail.release);
  return (
    <>
      {t("event")} <Mono title={eventId}>{eventId.slice(0, 8)}</Mono>
      {release ? (
        <>
          {" "}
          {t("fromRelease")} <Mono>{release}</Mono>
        </>
      ) : null}
    </>
  );
}

/** What happened, after the actor's name: "resolved it in the next release (after 1.4.0)". */
function What({ item, name }: { item: ActivityData; name: (id: unknown) => string }) {
  const t = useTranslations("Activity");
  const strong = (chunks: React.ReactNode) => <strong className="font-medium">{chunks}</strong>;
  const { detail } = item;
  switch (item.kind) {
    case "resolved":
      return (
        <>
          {t("resolved")}
          {detail.resolution === "inNextRelease" ? (
            <> {inNextRelease(t, detail.inRelease)}</>
          ) : null}
        </>
      );
    case "archived": {
      const raw = detail.condition as Record<string, unknown> | undefined;
      return (
        <>
          {t("archived")} <ArchiveConditionText condition={raw?.forever ? null : condition(raw)} />
        </>
      );
    }
    case "reopened":
      return <>{detail.from === "archived" ? t("unarchived") : t("reopened")}</>;
    case "assigned":
      return (
        <>
          {item.actor && detail.to === item.actor.id
            ? t.rich("assignedSelf", { strong })
            : t.rich("assigned", { strong, name: name(detail.to) })}
        </>
      );
    case "unassigned":
      return (
        <>
          {integer(detail.from) !== null
            ? t.rich("unassigned", { strong, name: name(detail.from) })
            : t("unassignedIt")}
        </>
      );
    case "regression": {
      const release = text(detail.resolvedInRelease);
      return (
        <>
          {t("regression")} <EventPart detail={detail} />{" "}
          {detail.resolution === "inNextRelease"
            ? t("arrivedAfterResolveInNext")
            : t("arrivedAfterResolve")}
          {detail.resolution === "inNextRelease" && release ? (
            <> {t.rich("afterRelease", { release, mono: (chunks) => <Mono>{chunks}</Mono> })}</>
          ) : null}
        </>
      );
    }
    case "escalation": {
      const since = integer(detail.eventsSinceArchived);
      return (
        <>
          {t("escalation")}{" "}
          {t.rich("condition", {
            condition: () => <ArchiveConditionText condition={condition(detail.condition)} />,
          })}
          {since !== null ? <> {t("eventsSince", { count: since })}</> : null}
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
  const t = useTranslations("Activity");
  const names = new Map(people.map((person) => [person.id, person.name]));
  const name = (id: unknown) => {
    const value = integer(id);
    return (value !== null && names.get(value)) || t("someone");
  };
  return (
    <Section
      title={t("title")}
      id="activity"
      actions={
        items.length > 1 ? (
          <span className="text-sm text-zinc-500 dark:text-zinc-400">{t("newestFirst")}</span>
        ) : null
      }
    >
      {items.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">{t("empty")}</p>
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
                    {item.actor ? item.actor.name : automatic ? t("errorCentral") : t("formerUser")}
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
        <p className="mt-3 text-xs text-zinc-500 dark:text-zinc-400">
          {t("shown", { count: items.length })}
        </p>
      ) : null}
    </Section>
  );
}
