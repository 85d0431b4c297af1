import { useTranslations } from "next-intl";
import { RelativeTime } from "./time";
import { ArchiveConditionText } from "./triage-text";
import type { ArchiveData, ReopenedData, ResolutionData, TriageData } from "./triage-types";

const TONES = {
  regressed:
    "border-orange-200 bg-orange-50 text-orange-950 dark:border-orange-900 dark:bg-orange-950/50 dark:text-orange-100",
  escalating:
    "border-fuchsia-200 bg-fuchsia-50 text-fuchsia-950 dark:border-fuchsia-900 dark:bg-fuchsia-950/50 dark:text-fuchsia-100",
  resolved:
    "border-sky-200 bg-sky-50 text-sky-950 dark:border-sky-900 dark:bg-sky-950/50 dark:text-sky-100",
  archived:
    "border-zinc-200 bg-zinc-50 text-zinc-800 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200",
};

function Who({ person }: { person: { name: string } | null }) {
  const t = useTranslations("TriageBanner");
  return (
    <>
      {" "}
      {t("by")} <strong className="font-semibold">{person ? person.name : t("someone")}</strong>
    </>
  );
}

function When({ iso }: { iso: string | null }) {
  return iso ? (
    <>
      {" "}
      <RelativeTime iso={iso} />
    </>
  ) : null;
}

function EventRef({ eventId, release }: { eventId: string | null; release: string | null }) {
  const t = useTranslations("TriageBanner");
  if (!eventId) return null;
  return (
    <>
      ; {t("reopenedByEvent")}{" "}
      <code className="font-mono text-[0.8125rem]" title={eventId}>
        {eventId.slice(0, 8)}
      </code>{" "}
      {release ? (
        <>
          {t("fromRelease")} <span className="font-mono text-[0.8125rem]">{release}</span>
        </>
      ) : (
        t("withoutRelease")
      )}
    </>
  );
}

/** "Regressed 5 minutes ago: resolved by Ana 2 days ago (in next release after 1.4.0); …" */
/** "in next release after 1.4.0", or without a name when the release is unknown. */
function useInNextRelease() {
  const t = useTranslations("TriageBanner");
  return (release: string | null) =>
    release ? t("inNextRelease", { release }) : t("inNextReleaseNoName");
}

function Reopened({ reopened }: { reopened: ReopenedData }) {
  const t = useTranslations("TriageBanner");
  const inNextRelease = useInNextRelease();
  const regression = reopened.reason === "regression";
  return (
    <>
      <strong className="font-semibold">{regression ? t("regressed") : t("escalating")}</strong>
      <When iso={reopened.at} />:{" "}
      {regression ? (
        <>
          {t("resolvedBy")}
          <Who person={reopened.resolvedBy} />
          <When iso={reopened.resolvedAt} />
          {reopened.resolution === "inNextRelease" ? (
            <> ({inNextRelease(reopened.resolvedInRelease)})</>
          ) : (
            <> ({t("now")})</>
          )}
        </>
      ) : (
        <>
          {t("archivedBy")}
          <Who person={reopened.archivedBy} />
          <When iso={reopened.archivedAt} /> <ArchiveConditionText condition={reopened.condition} />
          {reopened.condition?.until && !reopened.eventId ? <>; {t("timeIsUp")}</> : null}
          {reopened.eventsSinceArchived !== null && reopened.eventsSinceArchived > 0 ? (
            <>; {t("eventsSince", { count: reopened.eventsSinceArchived })}</>
          ) : null}
        </>
      )}
      <EventRef eventId={reopened.eventId} release={reopened.release} />.
    </>
  );
}

function Resolved({ resolution }: { resolution: ResolutionData }) {
  const t = useTranslations("TriageBanner");
  const inNextRelease = useInNextRelease();
  const release = resolution.inRelease;
  return (
    <>
      <strong className="font-semibold">{t("resolved")}</strong>
      <Who person={resolution.resolvedBy} />
      <When iso={resolution.resolvedAt} />
      {resolution.kind === "inNextRelease" ? <> ({inNextRelease(release)})</> : null}.{" "}
      {resolution.kind !== "inNextRelease"
        ? t("resolvedNowNote")
        : release
          ? t("resolvedInNextReleaseNote", { release })
          : t("resolvedInNextReleaseNoNameNote")}
    </>
  );
}

function Archived({ archive }: { archive: ArchiveData }) {
  const t = useTranslations("TriageBanner");
  const forever = !archive.until && !archive.untilEvents && !archive.untilRate;
  return (
    <>
      <strong className="font-semibold">{t("archived")}</strong>
      <Who person={archive.archivedBy} />
      <When iso={archive.archivedAt} /> <ArchiveConditionText condition={archive} />;{" "}
      <span data-testid="events-since-archived">
        {t("eventsSince", { count: archive.eventsSinceArchived })}
      </span>
      . {forever ? t("archivedForeverNote") : t("archivedNote")}
    </>
  );
}

/**
 * Why the error is in its state, under its title: regressed or escalating (and what reopened
 * it), resolved (how, by whom) or archived (until when, and the events since). Nothing for a
 * plain open error.
 */
export function TriageBanner({ triage }: { triage: TriageData }) {
  let tone: keyof typeof TONES;
  let content: React.ReactNode;
  if (triage.status === "open" && triage.substatus && triage.reopened) {
    tone = triage.substatus;
    content = <Reopened reopened={triage.reopened} />;
  } else if (triage.status === "resolved" && triage.resolution) {
    tone = "resolved";
    content = <Resolved resolution={triage.resolution} />;
  } else if (triage.status === "archived" && triage.archive) {
    tone = "archived";
    content = <Archived archive={triage.archive} />;
  } else return null;
  return (
    <p
      data-testid="triage-banner"
      className={`rounded-xl border px-4 py-3 text-sm leading-6 wrap-break-word ${TONES[tone]}`}
    >
      {content}
    </p>
  );
}
