import { createHash } from "node:crypto";
import type { Level } from "./levels";
import { lenientString } from "./text";

/** Bump when a change to the default keys would regroup existing events; stored on each error. */
export const GROUPING_VERSION = 1;

// Longer text is cut before parameterizing: it bounds regex work on hostile input, and the
// first 2 KiB of a message identify it well enough.
const MAX_PARAMETERIZE_INPUT = 2048;

const URL = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'`<>]*[^\s"'`<>.,;:!?)\]}]/gi;
const EMAIL = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b/gi;
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
// An opening quote must not follow a letter, so apostrophes ("can't") do not open a string.
const QUOTED =
  /(?<![\w\\])(?:"(?:[^"\\\r\n]|\\.)*"|'(?:[^'\\\r\n]|\\.)*'|`(?:[^`\\]|\\.)*`)(?!\w)/g;
const DATE =
  /\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\w:])/g;
const IPV6 =
  /(?<![\w:.])(?:(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}|(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){0,6})?::(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){0,6})?)(?![\w:])/gi;
const IPV4 = /(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?!\w|\.\d)/g;
const HEX_PREFIXED = /\b0x[0-9a-f]+\b/gi;
const HEX_RUN = /\b[0-9a-f]{8,}\b/gi;
// A number that starts a token: "3000ms" → "<int>ms", but "utf8", "v2", "ERR_42" stay as they are.
const NUMBER = /(?<![\w.])\d+(?:\.\d+)*/g;
const DEFAULT_PLACEHOLDER = /^\{\{\s*default\s*\}\}$/i;

/** Replaces the variable parts of a message with placeholders so that its occurrences group together. */
export function parameterize(text: string): string {
  return (
    text
      .slice(0, MAX_PARAMETERIZE_INPUT)
      .replace(URL, "<url>")
      .replace(EMAIL, "<email>")
      .replace(UUID, "<uuid>")
      .replace(QUOTED, "<str>")
      .replace(DATE, "<date>")
      .replace(IPV6, (match) => (/\d/.test(match) ? "<ip>" : match))
      .replace(IPV4, (match) =>
        match.split(".").every((octet) => Number(octet) <= 255) ? "<ip>" : match,
      )
      .replace(HEX_PREFIXED, "<hex>")
      // Pure digit runs are numbers (so ids of any length group together); words like
      // "deadbeef" or "accessed" without a digit are not ids.
      .replace(HEX_RUN, (match) => (/\d/.test(match) && /[a-f]/i.test(match) ? "<hex>" : match))
      .replace(NUMBER, (match) => (match.includes(".") ? "<num>" : "<int>"))
      .replace(/\s+/g, " ")
      .trim()
  );
}

/** The default key of a native event: level + parameterized title + origin. */
export function nativeDefaultKey(event: { level: Level; title: string; origin: string }): string[] {
  return [event.level, parameterize(event.title), event.origin];
}

/**
 * A client's explicit fingerprint wins when it is a non-empty array of strings (finite numbers
 * and booleans are accepted as text, as Sentry does); `{{ default }}` expands to the default key.
 * Anything else falls back to the default key.
 */
export function resolveFingerprint(explicit: unknown, defaultKey: string[]): string[] {
  if (!Array.isArray(explicit) || explicit.length === 0) return [...defaultKey];
  const parts: string[] = [];
  for (const element of explicit) {
    const text = lenientString(element);
    if (text === undefined) return [...defaultKey];
    if (DEFAULT_PLACEHOLDER.test(text.trim())) parts.push(...defaultKey);
    else parts.push(text);
  }
  return parts;
}

/** sha256 hex of the parts; JSON keeps ["a b"] and ["a", "b"] apart. */
export function hashFingerprint(parts: string[]): string {
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
}
