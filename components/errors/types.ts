import type { ErrorStatus } from "@/db/queries/error-groups";
import type { Level } from "@/lib/ingest/levels";

/** One row of the list as the client components receive it: plain, serialisable data. */
export interface ErrorRow {
  id: number;
  title: string;
  detailsPreview: string;
  level: Level;
  origin: string;
  environment: string;
  status: ErrorStatus;
  count: number;
  firstSeen: string;
  lastSeen: string;
  /** Events per hour over the last 24 hours, oldest first. */
  hourly: number[];
}
