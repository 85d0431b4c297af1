import type { Person } from "@/components/ui/assign-menu";
import type { Level } from "@/lib/ingest/levels";

export type { Person };

/**
 * How much of an error's details a row carries: the preview is one truncated line (a few
 * hundred characters at most fit the widest list), and its tooltip shows this much.
 */
export const PREVIEW_LENGTH = 300;

/** One row of the list as the client components receive it: plain, serialisable data. */
export interface ErrorRow {
  id: number;
  title: string;
  detailsPreview: string;
  level: Level;
  origin: string;
  environment: string;
  status: "open" | "resolved" | "archived";
  /** Why an open error came back by itself. */
  substatus: "regressed" | "escalating" | null;
  /** Events since the status last changed ("Archived (N since)"). */
  eventsSinceStatus: number;
  assignee: Person | null;
  count: number;
  firstSeen: string;
  lastSeen: string;
  /** Events per hour over the last 24 hours, oldest first. */
  hourly: number[];
}
