import { databaseConfig } from "@/lib/env";
import { openDatabase } from "./client";
import { DEMO, seedDemo } from "./seed-demo";

// `npm run db:seed`: the demo account (see seed-demo.ts). Running it again changes nothing.
const config = databaseConfig();
const handle = await openDatabase(config, { migrate: config.kind === "pglite" });
try {
  const seeded = await seedDemo(handle.db);
  console.log(
    seeded
      ? `Seeded ${seeded.events} events into "${seeded.account.project.name}".`
      : "The demo account exists already; nothing to do.",
  );
  console.log(`Demo account: ${DEMO.email} / ${DEMO.password}`);
} finally {
  await handle.close();
}
