/** Every word these badges show, in one place (the Portuguese translation starts here). */
export const TRIAGE_BADGE_TEXT = {
  open: "Open",
  resolved: "Resolved",
  archived: "Archived",
  archivedSince: (n: number) => `Archived (${n.toLocaleString("en-US")} since)`,
  sinceArchived: (n: number) =>
    `${n.toLocaleString("en-US")} ${n === 1 ? "event" : "events"} since archived`,
  regressed: "Regressed",
  escalating: "Escalating",
} as const;

export type TriageStatus = "open" | "resolved" | "archived";
export type TriageSubstatus = "regressed" | "escalating";

/** Each tone is a class of app/components.css. */
type Tone = "open" | "resolved" | "archived" | "regressed" | "escalating";

function Badge({ tone, children }: { tone: Tone; children: React.ReactNode }) {
  return (
    <span className={`tb tb-${tone}`} data-badge={tone}>
      {children}
    </span>
  );
}

/** Open, Resolved or Archived: the detail page's status. */
export function StatusBadge({ status }: { status: TriageStatus }) {
  return <Badge tone={status}>{TRIAGE_BADGE_TEXT[status]}</Badge>;
}

/** Regressed or Escalating: why an open error came back by itself. */
export function SubstatusBadge({ substatus }: { substatus: TriageSubstatus }) {
  return (
    <Badge tone={substatus}>
      <span aria-hidden>{substatus === "regressed" ? "↺" : "↑"}</span>
      <span>{TRIAGE_BADGE_TEXT[substatus]}</span>
    </Badge>
  );
}

/**
 * The marks of a row of the list: "Resolved", "Archived (N since)", "Regressed", "Escalating".
 * `view` is the status the list shows: a view of archived errors does not mark each as archived
 * (but still counts the events since).
 */
export function TriageBadges({
  status,
  substatus,
  eventsSinceStatus,
  view,
}: {
  status: TriageStatus;
  substatus: TriageSubstatus | null;
  eventsSinceStatus: number;
  view: TriageStatus | "all" | null;
}) {
  if (status === "open") return substatus ? <SubstatusBadge substatus={substatus} /> : null;
  if (status === "resolved")
    return view === "resolved" ? null : <Badge tone="resolved">{TRIAGE_BADGE_TEXT.resolved}</Badge>;
  if (view === "archived")
    return eventsSinceStatus > 0 ? (
      <Badge tone="archived">{TRIAGE_BADGE_TEXT.sinceArchived(eventsSinceStatus)}</Badge>
    ) : null;
  return (
    <Badge tone="archived">
      {eventsSinceStatus > 0
        ? TRIAGE_BADGE_TEXT.archivedSince(eventsSinceStatus)
        : TRIAGE_BADGE_TEXT.archived}
    </Badge>
  );
}
