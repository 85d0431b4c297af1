import type { Person } from "@/components/ui/assign-menu";
import type { ArchiveConditionData } from "./triage-text";

/**
 * The detail page's triage state as its components receive it: plain, serialisable data (times
 * as ISO strings), shaped by the page from the error's view (lib/errors/detail.ts).
 */
export interface ResolutionData {
  kind: "now" | "inNextRelease";
  resolvedAt: string | null;
  resolvedBy: Person | null;
  inRelease: string | null;
}

export interface ArchiveData extends ArchiveConditionData {
  archivedAt: string | null;
  archivedBy: Person | null;
  eventsSinceArchived: number;
}

export interface ReopenedData {
  reason: "regression" | "escalation";
  at: string | null;
  resolution: "now" | "inNextRelease" | null;
  resolvedAt: string | null;
  resolvedBy: Person | null;
  resolvedInRelease: string | null;
  archivedAt: string | null;
  archivedBy: Person | null;
  condition: ArchiveConditionData | null;
  eventsSinceArchived: number | null;
  eventId: string | null;
  release: string | null;
}

export interface TriageData {
  status: "open" | "resolved" | "archived";
  substatus: "regressed" | "escalating" | null;
  resolution: ResolutionData | null;
  archive: ArchiveData | null;
  reopened: ReopenedData | null;
}

export interface ReleaseData {
  name: string;
  count: number;
  firstSeen: string;
  lastSeen: string;
}

export interface ActivityData {
  id: number;
  at: string;
  actor: Person | null;
  kind:
    | "resolved"
    | "archived"
    | "reopened"
    | "assigned"
    | "unassigned"
    | "regression"
    | "escalation";
  detail: Record<string, unknown>;
}
