import type { Person } from "@/components/ui/assign-menu";
import { DateTime } from "./time";

export interface ArchiveConditionData {
  until?: string | null;
  untilEvents?: number | null;
  untilRate?: { count: number; minutes: number } | null;
}

const count = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/** Every word the detail page's triage controls, banners and activity say, in one place. */
export const TRIAGE_TEXT = {
  resolve: "Resolve",
  resolveOptions: "More ways to resolve",
  resolveMenu: "Resolve",
  resolveNow: "Resolve now",
  resolveNowHint: "Any new event reopens it as regressed.",
  resolveInNextRelease: "Resolve in next release",
  resolveInNextReleaseNamed: (release: string) => `Resolve in next release (after ${release})`,
  resolveInNextReleaseHint: (release: string) =>
    `Events from ${release} or older will not reopen it; the first from a newer release will.`,
  resolveInNextReleaseNoRelease:
    "Not available: none of its events named a release. Send one with the events to use it.",
  reopen: "Reopen",
  unarchive: "Unarchive",
  archive: "Archive",
  archiveOptions: "Archive with a condition",
  archiveMenu: "Archive until",
  archiveForever: "Forever",
  archiveForeverHint: "Until someone unarchives it.",
  archiveFor: "For a while",
  archiveForHours: (hours: number) =>
    `For ${hours > 24 && hours % 24 === 0 ? count(hours / 24, "day") : count(hours, "hour")}`,
  archiveEvents: "Until more events arrive",
  archiveUntilEvents: (n: number) => `Until ${count(n, "more event")}`,
  archiveRate: "Until it happens often",
  archiveUntilRate: (n: number, minutes: number) =>
    `Until ${count(n, "event")} within ${count(minutes, "minute")}`,
  archiveCustomRate: "Until a rate you choose…",
  rateDialogTitle: "Archive until it happens often",
  rateDialogDescription:
    "It stays archived until this many events arrive within the time window, then reopens as escalating.",
  rateCount: "Events",
  rateMinutes: "Within (minutes)",
  rateSubmit: "Archive",
  cancel: "Cancel",
  delete: "Delete",
  deleteTitle: "Delete this error?",
  deleteBody: "The error and all its events are removed for good. This cannot be undone.",
  deleteConfirm: "Delete error",
  assignee: "Assignee",
  assigneeButton: (assignee: Person | null) =>
    `Assignee: ${assignee ? assignee.name : "nobody"}. Change the assignee`,
  unassigned: "Unassigned",
  you: "you",
  someone: "someone",
  errorCentral: "Error Central",
  // Outcomes of the forms.
  resolvedNow: "Resolved: the error left the main list. A new event reopens it as regressed.",
  resolvedInNextRelease: (release: string | null) =>
    release
      ? `Resolved in the next release: events from ${release} or older will not reopen it.`
      : "Resolved in the next release.",
  archivedForever:
    "Archived: the error left the main list. Search or the Archived view still shows it.",
  archivedUntil: "Archived: it reopens as escalating",
  unarchived: "Unarchived: the error is back in the main list.",
  reopened: "Reopened: the error is back in the main list.",
  assignedTo: (name: string) => `Assigned to ${name}.`,
  unassignedDone: "Unassigned.",
} as const;

/** "until 3 Dec 2026, 10:00", "until 100 more events", "until 10 events within 60 minutes". */
export function ArchiveConditionText({ condition }: { condition: ArchiveConditionData | null }) {
  if (condition?.until)
    return (
      <>
        until <DateTime iso={condition.until} />
      </>
    );
  if (condition?.untilEvents)
    return <>{TRIAGE_TEXT.archiveUntilEvents(condition.untilEvents).toLowerCase()}</>;
  if (condition?.untilRate)
    return (
      <>
        {TRIAGE_TEXT.archiveUntilRate(
          condition.untilRate.count,
          condition.untilRate.minutes,
        ).toLowerCase()}
      </>
    );
  return <>forever</>;
}
