import { endExpiredArchives } from "@/db/queries/error-triage";
import { getDb } from "@/lib/db";

/** How often `npm start` ends the archives whose time has passed (errors that get no event). */
export const ARCHIVE_SWEEP_MS = 60_000;

/**
 * Under `npm start`, reopens every minute the archived errors whose `until` time has passed
 * (the ingest write reopens those that get an event at once). On Vercel the cron route runs the
 * same sweep. Returns a function that stops the loop.
 */
export function startArchiveSweep(): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    getDb()
      .then((db) => endExpiredArchives(db))
      .catch((error: unknown) => console.error("archive sweep failed:", error))
      .finally(() => {
        running = false;
      });
  }, ARCHIVE_SWEEP_MS);
  timer.unref();
  return () => clearInterval(timer);
}
