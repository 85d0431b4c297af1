import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { setErrorStatus } from "@/db/queries/error-groups";
import { drainSearchQueue, vacuumSearchQueue } from "@/db/queries/error-search";
import { type EventToStore, insertEvents } from "@/db/queries/ingest-write";
import { createAccount } from "@/db/queries/users";
import { errors, users } from "@/db/schema";
import { normalizeNativeEvent } from "@/lib/ingest/native";
import { normalizeSentryEvent } from "@/lib/ingest/sentry-event";
import { demoEvents, demoSdkEvents } from "../lib/sample-events";

export const DEMO = {
  name: "Demo User",
  email: "demo@errorcentral.dev",
  password: "demo-password-123",
};

/**
 * The demo account: about 2,000 events over the three environments (and "canary"), all five
 * levels, six origins, a few SDK events with stack traces, some errors archived. Does nothing
 * when the account exists. Returns what it created, or null.
 */
export async function seedDemo(db: Db, now = new Date()) {
  const [existing] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, DEMO.email));
  if (existing) return null;
  const account = await createAccount(db, DEMO);
  const base = {
    projectId: account.project.id,
    userId: account.user.id,
    tokenId: account.ingestKey.id,
  };
  const items: EventToStore[] = [
    ...demoEvents(now).map((input) => ({
      ...base,
      event: normalizeNativeEvent(input, { defaultOrigin: account.project.slug, now }),
    })),
    ...demoSdkEvents(now).map((payload) => ({
      ...base,
      event: normalizeSentryEvent(payload, { projectSlug: account.project.slug, now }),
    })),
  ];
  for (let start = 0; start < items.length; start += 500) {
    await insertEvents(db, items.slice(start, start + 500));
  }
  await drainSearchQueue(db);
  await vacuumSearchQueue(db);
  // Archive a few of the quieter errors so that the Archived view and search have something.
  const quiet = await db
    .select({ id: errors.id })
    .from(errors)
    .where(eq(errors.projectId, account.project.id))
    .orderBy(errors.eventCount, errors.id)
    .limit(4);
  await setErrorStatus(db, {
    userId: account.user.id,
    errorIds: quiet.map((row) => row.id),
    status: "archived",
  });
  return { account, events: items.length };
}
