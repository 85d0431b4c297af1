import type { LEVEL_VALUES } from "./schema";

type Level = (typeof LEVEL_VALUES)[number];

/** One event, ready to be grouped and stored, whichever door (native API or Sentry SDK) it came through. */
export interface NormalizedEvent {
  /** Client-provided (native: 1–64 chars of [A-Za-z0-9_.:-]; SDK: 32 lowercase hex) or generated 32 hex. */
  eventId: string;
  /** ≤ 255 chars. */
  title: string;
  /** ≤ 65536 chars. */
  details: string;
  level: Level;
  /** Normalized with `normalizeEnvironment`. */
  environment: string;
  /** ≤ 255 chars. */
  origin: string;
  /** ≤ 255 chars; null when unknown (always null for native events). */
  culprit: string | null;
  occurredAt: Date;
  /** ≤ 200 chars. */
  release: string | null;
  tags: Record<string, string>;
  /** sha256 hex of the grouping key. */
  fingerprint: string;
  groupingVersion: number;
  /** The whole SDK event; null for native events. */
  payload: Record<string, unknown> | null;
}
