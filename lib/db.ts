import { type Db, type DbHandle, openDatabase } from "@/db/client";
import { databaseConfig } from "./env";

// On globalThis under a registered symbol: Next's bundles and the plain Node server each load
// their own copy of this module, and PGlite allows one process-wide owner of its directory.
const KEY = Symbol.for("error-central.database");
type Slot = { handle?: Promise<DbHandle> };
const globals = globalThis as Record<symbol, Slot | undefined>;
const slot: Slot = globals[KEY] ?? {};
globals[KEY] = slot;

/**
 * The process-wide database, opened (and for PGlite migrated) on first use, never at import,
 * where the settings say (`databaseConfig()`).
 */
export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

export function getDbHandle(): Promise<DbHandle> {
  if (!slot.handle) {
    slot.handle = openDatabase(databaseConfig()).catch((error: unknown) => {
      slot.handle = undefined;
      throw error;
    });
  }
  return slot.handle;
}

export async function closeDb(): Promise<void> {
  const pending = slot.handle;
  slot.handle = undefined;
  if (pending) await (await pending).close();
}
