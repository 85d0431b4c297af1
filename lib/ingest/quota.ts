import type { IngestProject } from "@/db/queries/ingest";
import { addToWindow } from "@/db/queries/rate-limits";
import { getDb } from "@/lib/db";
import { settings } from "../config";
import { RateLimited } from "../domain-errors";
import { message } from "../i18n/server-messages";

const WINDOW_SECONDS = 60;

/** The project's own quota, else INGEST_QUOTA_PER_MINUTE, else none. */
export function quotaOf(
  project: Pick<IngestProject, "eventsPerMinute">,
  fallback: number | undefined = settings().INGEST_QUOTA_PER_MINUTE,
): number | null {
  if (project.eventsPerMinute) return project.eventsPerMinute;
  return fallback ?? null;
}

/**
 * Counts `events` against the project's per-minute quota, in PostgreSQL so that every app
 * instance shares it, and refuses the request (429, with the headers Sentry SDKs obey) once
 * the quota is spent. A project without a quota costs nothing here.
 */
export async function chargeQuota(project: IngestProject, events: number): Promise<void> {
  const quota = quotaOf(project);
  if (quota === null || events === 0) return;
  const window = await addToWindow(await getDb(), {
    key: `ingest:${project.id}`,
    windowSeconds: WINDOW_SECONDS,
    amount: events,
  });
  if (window.count > quota) {
    // The HTTP edge adds Retry-After and Sentry's X-Sentry-Rate-Limits for this code.
    throw new RateLimited(
      "quota_exceeded",
      message("ServerIngest.quota", { quota: String(quota), seconds: String(window.resetIn) }),
      window.resetIn,
    );
  }
}
