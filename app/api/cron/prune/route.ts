import { timingSafeEqual } from "node:crypto";
import { getDb } from "@/db";
import { drainSearchQueue, vacuumSearchQueue } from "@/db/queries/error-search";
import { pruneEvents, retentionCutoff } from "@/db/queries/retention";
import { json, withErrors } from "@/lib/api";
import { unauthorized } from "@/lib/api-error";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

function authorized(request: Request): boolean {
  const secret = process.env.CRON_SECRET;
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
      process.env.CRON_SECRET
        ? "Send Authorization: Bearer <CRON_SECRET>."
        : "CRON_SECRET is not configured.",
    );
  }
  const db = await getDb();
  const result = await pruneEvents(db, {
    cutoff: retentionCutoff(),
    deadline: Date.now() + 45_000,
  });
  // Ingest drains the search queue itself; on a serverless host a drain may not have run.
  const searchTextsIndexed = await drainSearchQueue(db, { maxBatches: 100 });
  await vacuumSearchQueue(db);
  return json({ ...result, searchTextsIndexed, cutoff: retentionCutoff().toISOString() });
});
