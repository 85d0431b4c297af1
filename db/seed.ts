import { eq } from "drizzle-orm";
import { databaseConfig } from "@/lib/env";
import { normalizeNativeEvent } from "@/lib/ingest/native";
import { openDatabase } from "./client";
import { setErrorStatus } from "./queries/errors";
import { type EventToStore, insertEvents } from "./queries/events";
import { createAccount } from "./queries/users";
import { errors, users } from "./schema";
import { demoEvents } from "./seed-data";

/**
 * `npm run db:seed`: a demo account with about 2,000 events over the three environments, all
 * five levels and six origins, some errors archived. Running it again changes nothing.
 */
export const DEMO = {
  name: "Demo User",
  email: "demo@errorcentral.dev",
  password: "demo-password-123",
};

const config = databaseConfig();
const handle = await openDatabase(config, { migrate: config.kind === "pglite" });
try {
  const [existing] = await handle.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, DEMO.email));
  if (existing) {
    console.log("The demo account exists already; nothing to do.");
  } else {
    const account = await createAccount(handle.db, DEMO);
    const now = new Date();
    const items: EventToStore[] = demoEvents(now).map((input) => ({
      projectId: account.project.id,
      userId: account.user.id,
      tokenId: account.ingestKey.id,
      event: normalizeNativeEvent(input, { defaultOrigin: account.project.slug, now }),
    }));
    for (let start = 0; start < items.length; start += 500) {
      await insertEvents(handle.db, items.slice(start, start + 500));
    }
    // Archive a few of the quieter errors so that the Archived view and search have something.
    const quiet = await handle.db
      .select({ id: errors.id })
      .from(errors)
      .where(eq(errors.projectId, account.project.id))
      .orderBy(errors.eventCount, errors.id)
      .limit(4);
    await setErrorStatus(handle.db, {
      userId: account.user.id,
      errorIds: quiet.map((row) => row.id),
      status: "archived",
    });
    console.log(`Seeded ${items.length} events into "${account.project.name}".`);
  }
  console.log(`Demo account: ${DEMO.email} / ${DEMO.password}`);
} finally {
  await handle.close();
}
