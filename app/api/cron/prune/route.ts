import { timingSafeEqual } from "node:crypto";
import { drainSearchQueue, vacuumSearchQueue } from "@/db/queries/error-search";
import { endExpiredArchives } from "@/db/queries/error-triage";
import { pruneEvents, pruneRateLimits, retentionCutoff } from "@/db/queries/retention";
import { drainDueAlerts } from "@/lib/alerts/runner";
import { json, withErrors } from "@/lib/api";
import { settings } from "@/lib/config";
import { getDb } from "@/lib/db";
import { unauthorized } from "@/lib/domain-errors";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

function authorized(request: Request): boolean {
  const secret = settings().CRON_SECRET;
  const given = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1];
  if (!secret || !given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

// Vercel Cron calls this with "Authorization: Bearer $CRON_SECRET" (see vercel.json).
export const GET = withErrors(async (request) => {
  if (!authorized(request)) {
    throw unauthorized(
      settings().CRON_SECRET
        ? "Send Authorization: Bearer <CRON_SECRET>."
        : "CRON_SECRET is not configured.",
    );
  }
  const db = await getDb();
  const cutoff = retentionCutoff(settings().RETENTION_DAYS);
  const deadline = Date.now() + 45_000;
  const result = await pruneEvents(db, { cutoff, deadline });
  // Ended rate-limit windows (failed logins, quotas): a few thousand rows a second at most.
  const { rateLimitsDeleted } = await pruneRateLimits(db, { deadline: deadline + 5_000 });
  // Ingest drains the search queue itself; on a serverless host a drain may not have run.
  const searchTextsIndexed = await drainSearchQueue(db, { maxBatches: 100 });
  await vacuumSearchQueue(db);
  // Archives whose time has passed and that got no event since (the ingest write ends the rest).
  const archivesEnded = await endExpiredArchives(db);
  // Alert deliveries that after() on the requests did not send (retries, a cut-off function).
  const alerts = await drainDueAlerts(db, { deadline: Math.max(deadline, Date.now()) + 5_000 });
  return json({
    ...result,
    rateLimitsDeleted,
    searchTextsIndexed,
    archivesEnded,
    alertsDelivered: alerts.delivered,
    cutoff: cutoff.toISOString(),
  });
});
