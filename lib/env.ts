import path from "node:path";
import type { DatabaseConfig } from "@/db/client";
import { type Env, settingsOf } from "./config";

export type { DatabaseConfig } from "@/db/client";
export type { Env } from "./config";

/**
 * `DATABASE_URL` selects PostgreSQL; without it the embedded PGlite keeps its files in
 * `PGLITE_DIR`. The pool and statement settings travel with it, so db/ reads no environment.
 */
export function databaseConfig(env?: Env): DatabaseConfig {
  const settings = settingsOf(env);
  const migrationsDir = path.resolve(/*turbopackIgnore: true*/ settings.MIGRATIONS_DIR);
  if (settings.DATABASE_URL) {
    return {
      kind: "postgres",
      url: settings.DATABASE_URL,
      poolMax: settings.DATABASE_POOL_MAX,
      prepare: settings.DATABASE_PREPARE,
      migrationsDir,
    };
  }
  const dir = settings.PGLITE_DIR || path.join(dataDir(env), "pglite");
  return {
    kind: "pglite",
    dir: dir.startsWith("memory://") ? dir : path.resolve(/*turbopackIgnore: true*/ dir),
    migrationsDir,
  };
}

/** Where local state lives (embedded database, generated development secret). */
export function dataDir(env?: Env): string {
  return path.resolve(/*turbopackIgnore: true*/ settingsOf(env).DATA_DIR);
}

/** A deployment that must be configured explicitly rather than fall back to local defaults. */
export function isProductionDeployment(env?: Env): boolean {
  const settings = settingsOf(env);
  return (
    Boolean(settings.VERCEL) ||
    (settings.NODE_ENV === "production" && Boolean(settings.DATABASE_URL))
  );
}

export function listenPort(env?: Env): number {
  return settingsOf(env).PORT;
}
