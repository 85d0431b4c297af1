import type { DbOrTx } from "@/db/client";
import { findErrorForUser } from "@/db/queries/error-groups";
import { foldTagDeltas, listTagsOfError, type TagKeyBreakdown } from "@/db/queries/error-tags";
import { TAG_VALUES_PER_KEY } from "@/db/schema";
import { notFound } from "../domain-errors";
import { invalidParameters, limitIssue } from "./list-query";

/** Values shown per key unless `values` asks for more (up to the stored bound). */
export const DEFAULT_TAG_VALUES = 5;

/**
 * Keys in the order a person looks for them (release, then where it runs, then who and what),
 * the rest alphabetically after them.
 */
const KEY_ORDER = [
  "release",
  "browser.name",
  "browser",
  "os.name",
  "os",
  "runtime.name",
  "runtime",
  "server_name",
  "user",
  "url",
  "transaction",
  "handled",
  "mechanism",
];

export interface ErrorTags {
  /** Every event of the error, the base of each value's share. */
  eventCount: number;
  keys: TagKeyBreakdown[];
}

type Params = { get(name: string): string | null };

/**
 * An error's tag breakdown (`GET /api/errors/:id/tags`, the detail page): each key with its
 * `values` most frequent values (default 5, at most TAG_VALUES_PER_KEY), from the counters
 * the ingest write keeps (folded first). An error that is not the caller's is a 404, as a missing one.
 */
export async function findTagsOfError(
  db: DbOrTx,
  input: { userId: number; errorId: number; params?: Params },
): Promise<ErrorTags> {
  const values = parseValues(input.params?.get("values") ?? null);
  const error = await findErrorForUser(db, { userId: input.userId, errorId: input.errorId });
  if (!error) throw notFound("error");
  // The counts of batches committed before this read are folded into the counters first.
  await foldTagDeltas(db);
  const keys = await listTagsOfError(db, { errorId: error.id, values });
  return { eventCount: error.count, keys: keys.sort(byKeyOrder) };
}

function parseValues(raw: string | null): number {
  if (raw === null || raw === "") return DEFAULT_TAG_VALUES;
  const values = /^\d{1,4}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(values >= 1 && values <= TAG_VALUES_PER_KEY))
    throw invalidParameters([limitIssue("values", TAG_VALUES_PER_KEY)]);
  return values;
}

function byKeyOrder(a: TagKeyBreakdown, b: TagKeyBreakdown): number {
  const rank = (key: string) => {
    const at = KEY_ORDER.indexOf(key);
    return at === -1 ? KEY_ORDER.length : at;
  };
  return rank(a.key) - rank(b.key) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}
