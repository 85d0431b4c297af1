import { randomUUID } from "node:crypto";

/** 32 lowercase hex chars, the shape Sentry uses for event ids. */
export function generateEventId(): string {
  return randomUUID().replaceAll("-", "");
}

/** A Sentry `event_id` (UUID with or without dashes, any case) as 32 lowercase hex, or undefined. */
export function sentryEventId(raw: unknown): string | undefined {
  if (typeof raw !== "string") return undefined;
  const id = raw.trim().replaceAll("-", "").toLowerCase();
  return /^[0-9a-f]{32}$/.test(id) ? id : undefined;
}
