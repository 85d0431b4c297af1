import type { SQL } from "drizzle-orm";
import type { DbOrTx } from "./client";

/** Rows of a raw `db.execute()`: postgres.js returns an array, PGlite an object with `rows`. */
export function resultRows<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

const NEEDS_CLEANING = /\\u0000|\\ud[89a-f]/i;

/** Text as PostgreSQL stores it: NUL and lone surrogates become U+FFFD (see `toJsonParam`). */
export function storableText(text: string): string {
  return text.toWellFormed().replaceAll("\u0000", "\uFFFD");
}

/**
 * JSON for a `jsonb` parameter. PostgreSQL refuses NUL characters and lone UTF-16 surrogates
 * in text and jsonb; clients send both, so they are replaced rather than failing the batch.
 */
export function toJsonParam(value: unknown): string {
  const text = JSON.stringify(value);
  if (!NEEDS_CLEANING.test(text)) return text;
  return JSON.stringify(value, cleanStrings).replace(/(?<!\\)((?:\\\\)*)\\u0000/g, "$1\\ufffd");
}

/** Cleans string values, and object keys too: a lone surrogate in a key is refused as well. */
function cleanStrings(_key: string, value: unknown): unknown {
  if (typeof value === "string") return storableText(value);
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  if (keys.every((key) => key.isWellFormed())) return value;
  // fromEntries defines own properties, so a "__proto__" key stays a plain key.
  return Object.fromEntries(
    keys.map((key) => [storableText(key), (value as Record<string, unknown>)[key]]),
  );
}

/** Escapes LIKE wildcards so user text matches literally. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

interface PreparingSession {
  dialect: { sqlToQuery: (query: SQL) => { sql: string; params: unknown[] } };
  session: {
    prepareQuery: (
      query: { sql: string; params: unknown[] },
      fields: undefined,
      name: string,
      isResponseInArrayMode: boolean,
    ) => { execute: () => Promise<unknown> };
  };
}

/**
 * Runs a hot query as a prepared statement. Drizzle's `execute` sends an unnamed statement,
 * which postgres.js describes first: two round trips and a fresh parse and plan every time. A
 * named one is parsed once per connection and then costs one round trip. PGlite ignores it.
 */
export function executePrepared(db: DbOrTx, name: string, query: SQL): Promise<unknown> {
  const { dialect, session } = db as unknown as PreparingSession;
  return session.prepareQuery(dialect.sqlToQuery(query), undefined, name, false).execute();
}
