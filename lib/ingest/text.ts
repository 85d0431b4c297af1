// biome-ignore lint/suspicious/noControlCharactersInRegex: Python's splitlines() also breaks on \x1c-\x1e.
const LINE_BREAK = /\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/;

/** Cuts `text` to at most `max` UTF-16 units, ending with `ellipsis` when cut; never splits a surrogate pair. */
export function truncate(text: string, max: number, ellipsis = "…"): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - ellipsis.length);
  const last = text.charCodeAt(end - 1);
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end) + ellipsis;
}

/** The first line, splitting on every line break Python's `str.splitlines` knows (as Sentry does). */
export function firstLine(text: string): string {
  return text.split(LINE_BREAK, 1)[0] ?? "";
}

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** A non-empty trimmed string, or undefined for anything else. */
export function nonEmptyString(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}

/** Strings as they are; finite numbers and booleans as text (SDKs are loose about types). */
export function lenientString(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return String(value);
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}
