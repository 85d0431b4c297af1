import { MAX_TAG_KEY_LENGTH, MAX_TAG_VALUE_LENGTH } from "../ingest/limits";

// Apart from list-query.ts for the list's client code (search box, live list): list-query's
// errors bring the server's message catalogues with them.

export const DEFAULT_LIMIT = 25;
export const MAX_LIMIT = 100;

/** What is wrong with a tag filter's key and value, as a code and the bound it breaks. */
export type TagIssue =
  | { code: "tagKeyLength"; max: number }
  | { code: "tagKeyChars" }
  | { code: "tagValueLength"; max: number };

/**
 * What is wrong with a tag filter's key and value (as ingest bounds them), or null. The key
 * holds no ":" (the URL's separator) and no "=" (the search syntax's `tag:key=value`).
 */
export function tagIssue(key: string, value: string): TagIssue | null {
  if (key.length < 1 || key.length > MAX_TAG_KEY_LENGTH)
    return { code: "tagKeyLength", max: MAX_TAG_KEY_LENGTH };
  if (key.includes(":") || key.includes("=")) return { code: "tagKeyChars" };
  if (value.length < 1 || value.length > MAX_TAG_VALUE_LENGTH)
    return { code: "tagValueLength", max: MAX_TAG_VALUE_LENGTH };
  return null;
}
