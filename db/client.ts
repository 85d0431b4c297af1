import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { Sql } from "postgres";
import * as schema from "./schema";

/**
 * Where the database is and how to talk to it. Built from the settings by lib/env.ts
 * (`databaseConfig()`); db/ itself reads no environment variable.
 */
export type DatabaseConfig =
  | {
      kind: "postgres";
      url: string;
      /** Pool size (DATABASE_POOL_MAX), 10 by default. */
      poolMax?: number;
      /** Named prepared statements (DATABASE_PREPARE), on by default. */
      prepare?: boolean;
      migrationsDir?: string;
    }
  | { kind: "pglite"; dir: string; migrationsDir?: string };

/** The one query interface: postgres.js and PGlite databases both satisfy it. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export interface DbHandle {
  db: Db;
  kind: DatabaseConfig["kind"];
  close: () => Promise<void>;
}

const DEFAULT_MIGRATIONS_FOLDER = "db/migrations";

/**
 * Opens a database. PGlite is migrated on open: the embedded database has no separate
 * deploy step. A PostgreSQL server is migrated with `npm run db:migrate` (or `migrate: true`).
 */
export async function openDatabase(
  config: DatabaseConfig,
  options: { migrate?: boolean } = {},
): Promise<DbHandle> {
  const migrationsFolder = path.resolve(
    /*turbopackIgnore: true*/ config.migrationsDir ?? DEFAULT_MIGRATIONS_FOLDER,
  );
  if (config.kind === "postgres") {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const pool = recyclingPool((onclose) =>
      postgres(config.url, {
        max: config.poolMax ?? 10,
        // The ingest statement is a named prepared statement. A pooler in transaction mode
        // that does not track them (pgbouncer before 1.21, or without max_prepared_statements)
        // needs DATABASE_PREPARE=false: every statement is then described and bound unnamed.
        prepare: config.prepare ?? true,
        onnotice: () => {},
        onclose,
        connect_timeout: 10,
        // Times are read and bucketed in UTC whatever the server's or database's TimeZone (a
        // zone with second offsets for old dates, e.g. +05:53:28, would not even parse).
        connection: { TimeZone: "UTC" },
      }),
    );
    const db = drizzle(pool.client, { schema });
    if (options.migrate) {
      const { migrate } = await import("drizzle-orm/postgres-js/migrator");
      await migrate(db, { migrationsFolder });
    }
    return { db: db as unknown as Db, kind: "postgres", close: pool.end };
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
    await migrate(db, { migrationsFolder });
  }
  return { db: db as unknown as Db, kind: "pglite", close: () => client.close() };
}

/**
 * A postgres.js pool that is replaced after any of its connections closes (a database restart,
 * a network cut, a lifetime expiry). postgres.js 3.4.9 can leave a connection whose socket
 * closed with a write still queued unable to send anything again (`nextWriteTimer` is cleared
 * but never reset): every later query on it waits for
 * connect_timeout and fails, so after a restart some requests hung 10 s, again and again.
 * The next query after a close gets a fresh pool; the old one ends gracefully (its open
 * transactions may finish for 5 s). Drizzle holds the proxy, never a pool.
 */
function recyclingPool(create: (onclose: () => void) => Sql) {
  let current: Sql;
  let stale = false;
  const open = () => {
    const sql: Sql = create(() => {
      if (sql === current) stale = true;
    });
    return sql;
  };
  const first = open();
  current = first;
  const live = (): Sql => {
    if (stale) {
      stale = false;
      const old = current;
      current = open();
      // Drizzle sets its own parsers and serializers on the pool it was given; carry them over.
      Object.assign(current.options.parsers, first.options.parsers);
      Object.assign(current.options.serializers, first.options.serializers);
      old.end({ timeout: 5 }).catch(() => {});
    }
    return current;
  };
  const client = new Proxy(first, {
    get(_target, property) {
      // `options` is read (and written) by Drizzle once, at construction: the first pool's.
      if (property === "options") return first.options;
      const target = live();
      const value = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
    apply(_target, thisArg, args) {
      return Reflect.apply(live(), thisArg, args);
    },
  });
  return { client, end: () => current.end({ timeout: 5 }) };
}
