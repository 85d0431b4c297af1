import { openDatabase } from "@/db/client";
import { databaseConfig } from "@/lib/env";

// `npm run db:migrate`: applies db/migrations to DATABASE_URL (or to the embedded database).
const config = databaseConfig();
const started = Date.now();
const handle = await openDatabase(config, { migrate: true });
await handle.close();
const target = config.kind === "postgres" ? "PostgreSQL" : `PGlite at ${config.dir}`;
console.log(`Migrated ${target} in ${Date.now() - started} ms`);
