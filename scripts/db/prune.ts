import { openDatabase } from "@/db/client";
import { pruneEvents, pruneRateLimits, retentionCutoff } from "@/db/queries/retention";
import { settings } from "@/lib/config";
import { databaseConfig } from "@/lib/env";

// `npm run db:prune`: removes events older than RETENTION_DAYS (default 90), in batches, and
// the rate-limit windows that ended.
const cutoff = retentionCutoff(settings().RETENTION_DAYS);
const config = databaseConfig();
const handle = await openDatabase(config, { migrate: config.kind === "pglite" });
try {
  const started = Date.now();
  const result = await pruneEvents(handle.db, { cutoff });
  console.log(
    `Removed ${result.eventsDeleted} events received before ${cutoff.toISOString()} and ${result.errorsDeleted} errors left without events, in ${result.batches} batches (${Date.now() - started} ms).`,
  );
  const { rateLimitsDeleted } = await pruneRateLimits(handle.db);
  console.log(`Removed ${rateLimitsDeleted} rate-limit windows that ended.`);
} finally {
  await handle.close();
}
