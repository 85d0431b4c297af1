import { timingSafeEqual } from "node:crypto";
import { getDb } from "@/db";
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
  const result = await pruneEvents(await getDb(), {
    cutoff: retentionCutoff(),
    deadline: Date.now() + 45_000,
  });
  return json({ ...result, cutoff: retentionCutoff().toISOString() });
});
