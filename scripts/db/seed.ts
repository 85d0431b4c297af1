import { openDatabase } from "@/db/client";
import { databaseConfig, isProductionDeployment } from "@/lib/env";
import { DEMO, seedDemo } from "./seed-demo";

// `npm run db:seed`: the demo account (see seed-demo.ts). Running it again changes nothing.
// Its password is public, so a production database (NODE_ENV=production with DATABASE_URL, or
// Vercel) gets it only when asked for explicitly: `npm run db:seed -- --allow-production`.
if (isProductionDeployment() && !process.argv.slice(2).includes("--allow-production")) {
  console.error(
    `Refusing to create the demo account (${DEMO.email}, whose password is public) on a production database. Run \`npm run db:seed -- --allow-production\` if you really want it there.`,
  );
  process.exit(1);
}
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
