import type { Locale } from "@/lib/i18n/config";
import { type Message, type MessageValue, render, type Text } from "@/lib/i18n/server-messages";

/**
 * What a failed attempt says, as alert_attempts.error and alert_deliveries.last_error keep it.
 * Text from elsewhere (a receiver's answer, the mail server's, the system's) is kept as it came;
 * one of our sentences (a refused address, a timeout…) is kept as its catalogue key and values,
 * in JSON, and written when the log is read, in the reader's language (the page's, or the API
 * request's Accept-Language). Rows from before hold English text, shown as it is.
 */

/** Longest value kept (a redirect's location, a thrown error's message…). */
const MAX_VALUE_LENGTH = 500;
const STORED_PREFIX = '{"key":"Server';

function clip(text: Message): Message {
  if (!text.values) return { key: text.key };
  const values = Object.fromEntries(
    Object.entries(text.values).map(([name, value]): [string, MessageValue] => [
      name,
      typeof value === "string"
        ? value.slice(0, MAX_VALUE_LENGTH)
        : typeof value === "object" && !(value instanceof Date)
          ? clip(value)
          : value,
    ]),
  );
  return { key: text.key, values };
}

/** The column's text for an attempt's outcome. */
export function storedAttemptText(text: Text): string {
  return typeof text === "string" ? text : JSON.stringify(clip(text));
}

function isStoredValue(value: unknown): value is MessageValue {
  return typeof value === "string" || typeof value === "number" || isStoredMessage(value);
}

function isStoredMessage(value: unknown): value is Message {
  if (typeof value !== "object" || value === null) return false;
  const { key, values } = value as { key?: unknown; values?: unknown };
  if (typeof key !== "string" || !/^Server\w+(\.\w+)+$/.test(key)) return false;
  if (values === undefined) return true;
  return (
    typeof values === "object" && values !== null && Object.values(values).every(isStoredValue)
  );
}

/** The column's text as people read it, in `locale` (English by default); null stays null. */
export function readAttemptText(stored: string | null, locale?: Locale): string | null {
  if (stored === null || !stored.startsWith(STORED_PREFIX)) return stored;
  try {
    const parsed: unknown = JSON.parse(stored);
    return isStoredMessage(parsed) ? render(parsed, locale) : stored;
  } catch {
    return stored;
  }
}
