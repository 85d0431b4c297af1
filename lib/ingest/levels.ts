export const LEVELS = ["fatal", "error", "warning", "info", "debug"] as const;

export type Level = (typeof LEVELS)[number];

const SEVERITY: Record<Level, number> = { fatal: 5, error: 4, warning: 3, info: 2, debug: 1 };

// The aliases Relay (Sentry's ingest) accepts: Python's logging and JavaScript's console names.
const ALIASES: Record<string, Level> = {
  fatal: "fatal",
  critical: "fatal",
  error: "error",
  warning: "warning",
  warn: "warning",
  info: "info",
  log: "info",
  debug: "debug",
};

export function levelSeverity(level: Level): number {
  return SEVERITY[level];
}

/** A level from client input (case-insensitive, trimmed, with SDK aliases); undefined if unknown. */
export function parseLevel(input: unknown): Level | undefined {
  if (typeof input !== "string") return undefined;
  const key = input.trim().toLowerCase();
  return Object.hasOwn(ALIASES, key) ? ALIASES[key] : undefined;
}
