import { useTranslations } from "next-intl";

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
  const t = useTranslations("TriageBadges");
  return <Badge tone={status}>{t(status)}</Badge>;
}

/** Regressed or Escalating: why an open error came back by itself. */
export function SubstatusBadge({ substatus }: { substatus: TriageSubstatus }) {
  const t = useTranslations("TriageBadges");
  return (
    <Badge tone={substatus}>
      <span aria-hidden>{substatus === "regressed" ? "↺" : "↑"}</span>
      <span>{t(substatus)}</span>
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
  const t = useTranslations("TriageBadges");
  if (status === "open") return substatus ? <SubstatusBadge substatus={substatus} /> : null;
  if (status === "resolved")
    return view === "resolved" ? null : <Badge tone="resolved">{t("resolved")}</Badge>;
  if (view === "archived")
    return eventsSinceStatus > 0 ? (
      <Badge tone="archived">{t("sinceArchived", { count: eventsSinceStatus })}</Badge>
    ) : null;
  return (
    <Badge tone="archived">
      {eventsSinceStatus > 0 ? t("archivedSince", { count: eventsSinceStatus }) : t("archived")}
    </Badge>
  );
}
