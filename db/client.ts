import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { DatabaseConfig } from "@/lib/env";
import * as schema from "./schema";

/** The one query interface: postgres.js and PGlite databases both satisfy it. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export interface DbHandle {
  db: Db;
  kind: DatabaseConfig["kind"];
  close: () => Promise<void>;
}

export const MIGRATIONS_FOLDER = path.resolve(
  /*turbopackIgnore: true*/ process.env.MIGRATIONS_DIR ?? "db/migrations",
);

/**
 * Opens a database. PGlite is migrated on open: the embedded database has no separate
 * deploy step. A PostgreSQL server is migrated with `npm run db:migrate` (or `migrate: true`).
 */
export async function openDatabase(
  config: DatabaseConfig,
  options: { migrate?: boolean } = {},
): Promise<DbHandle> {
  if (config.kind === "postgres") {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const client = postgres(config.url, {
      max: Number(process.env.DATABASE_POOL_MAX ?? 10),
      onnotice: () => {},
      connect_timeout: 10,
      // Times are read and bucketed in UTC whatever the server's or database's TimeZone (a
      // zone with second offsets for old dates, e.g. +05:53:28, would not even parse).
      connection: { TimeZone: "UTC" },
    });
    const db = drizzle(client, { schema });
    if (options.migrate) {
      const { migrate } = await import("drizzle-orm/postgres-js/migrator");
      await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    }
    return { db: db as unknown as Db, kind: "postgres", close: () => client.end({ timeout: 5 }) };
  }

  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { drizzle } = await import("drizzle-orm/pglite");
  if (!config.dir.startsWith("memory://")) {
    const { mkdirSync } = await import("node:fs");
    mkdirSync(config.dir, { recursive: true });
  }
  const client = await PGlite.create(config.dir, { extensions: { pg_trgm } });
  const db = drizzle(client, { schema });
  if (options.migrate ?? true) {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  }
  return { db: db as unknown as Db, kind: "pglite", close: () => client.close() };
}
