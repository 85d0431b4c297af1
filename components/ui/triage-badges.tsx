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

const BADGE =
  "inline-flex shrink-0 items-center gap-1 rounded-md px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset";

const TONES = {
  open: "bg-emerald-50 text-emerald-800 ring-emerald-200 dark:bg-emerald-950/60 dark:text-emerald-200 dark:ring-emerald-800",
  resolved:
    "bg-sky-50 text-sky-800 ring-sky-200 dark:bg-sky-950/60 dark:text-sky-200 dark:ring-sky-800",
  archived:
    "bg-zinc-100 text-zinc-700 ring-zinc-300 dark:bg-zinc-800 dark:text-zinc-300 dark:ring-zinc-600",
  regressed:
    "bg-orange-50 text-orange-800 ring-orange-200 dark:bg-orange-950/60 dark:text-orange-200 dark:ring-orange-800",
  escalating:
    "bg-fuchsia-50 text-fuchsia-800 ring-fuchsia-200 dark:bg-fuchsia-950/60 dark:text-fuchsia-200 dark:ring-fuchsia-800",
} as const;

function Badge({ tone, children }: { tone: keyof typeof TONES; children: React.ReactNode }) {
  return (
    <span className={`${BADGE} ${TONES[tone]}`} data-badge={tone}>
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
