import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { type DbHandle, openDatabase } from "@/db/client";

export interface TestDatabase {
  name: string;
  open: () => Promise<DbHandle & { drop: () => Promise<void> }>;
}

/**
 * The databases query tests run on: always an in-memory PGlite, and a fresh database on the
 * PostgreSQL server of TEST_DATABASE_URL when it is set (CI sets it).
 */
export function testDatabases(): TestDatabase[] {
  const list: TestDatabase[] = [
    {
      name: "pglite",
      open: async () => {
        const handle = await openDatabase({ kind: "pglite", dir: "memory://" });
        return { ...handle, drop: handle.close };
      },
    },
  ];
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) list.push({ name: "postgres", open: () => freshPostgres(serverUrl) });
  return list;
}

/** Creates a uniquely named database on the server, migrated; `drop` removes it. */
export async function freshPostgres(serverUrl: string) {
  const name = `ec_test_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ kind: "postgres", url: url.toString() }, { migrate: true });
  return {
    ...handle,
    url: url.toString(),
    drop: async () => {
      await handle.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
