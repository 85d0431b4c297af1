import { RelativeTime } from "./time";
import { ArchiveConditionText } from "./triage-text";
import type { ArchiveData, ReopenedData, ResolutionData, TriageData } from "./triage-types";

/** Every word of the banner, in one place. */
const TEXT = {
  regressed: "Regressed",
  escalating: "Escalating",
  resolved: "Resolved",
  archived: "Archived",
  resolvedBy: "resolved",
  archivedBy: "archived",
  by: "by",
  someone: "a former user",
  inNextRelease: (release: string | null) =>
    release ? `in next release after ${release}` : "in next release",
  now: "resolved now",
  reopenedByEvent: "reopened by event",
  fromRelease: "from release",
  withoutRelease: "without a release",
  timeIsUp: "the time is up",
  eventsSince: (n: number) =>
    `${n.toLocaleString("en-US")} ${n === 1 ? "event" : "events"} since archived`,
  resolvedNowNote: "Any new event reopens it as regressed.",
  resolvedInNextReleaseNote: (release: string | null) =>
    release
      ? `Events from ${release} or older do not reopen it; the first from a newer release does.`
      : "Only an event that names a release reopens it.",
  archivedNote: "It comes back as escalating when the condition is met.",
  archivedForeverNote: "It stays out of the main list until someone unarchives it.",
};

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
  return (
    <>
      {" "}
      {TEXT.by} <strong className="font-semibold">{person ? person.name : TEXT.someone}</strong>
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
  if (!eventId) return null;
  return (
    <>
      ; {TEXT.reopenedByEvent}{" "}
      <code className="font-mono text-[0.8125rem]" title={eventId}>
        {eventId.slice(0, 8)}
      </code>{" "}
      {release ? (
        <>
          {TEXT.fromRelease} <span className="font-mono text-[0.8125rem]">{release}</span>
        </>
      ) : (
        TEXT.withoutRelease
      )}
    </>
  );
}

/** "Regressed 5 minutes ago: resolved by Ana 2 days ago (in next release after 1.4.0); …" */
function Reopened({ reopened }: { reopened: ReopenedData }) {
  const regression = reopened.reason === "regression";
  return (
    <>
      <strong className="font-semibold">{regression ? TEXT.regressed : TEXT.escalating}</strong>
      <When iso={reopened.at} />:{" "}
      {regression ? (
        <>
          {TEXT.resolvedBy}
          <Who person={reopened.resolvedBy} />
          <When iso={reopened.resolvedAt} />
          {reopened.resolution === "inNextRelease" ? (
            <> ({TEXT.inNextRelease(reopened.resolvedInRelease)})</>
          ) : (
            <> ({TEXT.now})</>
          )}
        </>
      ) : (
        <>
          {TEXT.archivedBy}
          <Who person={reopened.archivedBy} />
          <When iso={reopened.archivedAt} /> <ArchiveConditionText condition={reopened.condition} />
          {reopened.condition?.until && !reopened.eventId ? <>; {TEXT.timeIsUp}</> : null}
          {reopened.eventsSinceArchived !== null && reopened.eventsSinceArchived > 0 ? (
            <>; {TEXT.eventsSince(reopened.eventsSinceArchived)}</>
          ) : null}
        </>
      )}
      <EventRef eventId={reopened.eventId} release={reopened.release} />.
    </>
  );
}

function Resolved({ resolution }: { resolution: ResolutionData }) {
  return (
    <>
      <strong className="font-semibold">{TEXT.resolved}</strong>
      <Who person={resolution.resolvedBy} />
      <When iso={resolution.resolvedAt} />
      {resolution.kind === "inNextRelease" ? (
        <> ({TEXT.inNextRelease(resolution.inRelease)})</>
      ) : null}
      .{" "}
      {resolution.kind === "inNextRelease"
        ? TEXT.resolvedInNextReleaseNote(resolution.inRelease)
        : TEXT.resolvedNowNote}
    </>
  );
}

function Archived({ archive }: { archive: ArchiveData }) {
  const forever = !archive.until && !archive.untilEvents && !archive.untilRate;
  return (
    <>
      <strong className="font-semibold">{TEXT.archived}</strong>
      <Who person={archive.archivedBy} />
      <When iso={archive.archivedAt} /> <ArchiveConditionText condition={archive} />;{" "}
      <span data-testid="events-since-archived">
        {TEXT.eventsSince(archive.eventsSinceArchived)}
      </span>
      . {forever ? TEXT.archivedForeverNote : TEXT.archivedNote}
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
