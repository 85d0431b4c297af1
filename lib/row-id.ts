import { type Missing, notFound } from "./domain-errors";

/**
 * A bigint row id (errors, events) from a URL segment; anything else is a 404, like a missing row.
 * (Apart from lib/ids.ts, which client code imports: errors bring the message catalogues.)
 */
export function parseId(raw: string, what: Missing): number {
  if (!/^[1-9]\d{0,15}$/.test(raw)) throw notFound(what);
  const id = Number(raw);
  if (!Number.isSafeInteger(id)) throw notFound(what);
  return id;
}
