import type { Level } from "@/lib/ingest/levels";

/** One row of the list as the client components receive it: plain, serialisable data. */
export interface ErrorRow {
  id: number;
  title: string;
  detailsPreview: string;
  level: Level;
  origin: string;
  environment: string;
  status: "open" | "resolved" | "archived";
  count: number;
  firstSeen: string;
  lastSeen: string;
  /** Events per hour over the last 24 hours, oldest first. */
  hourly: number[];
}
