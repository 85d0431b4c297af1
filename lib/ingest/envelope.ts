import { type Message, type MessageValues, message, render } from "../i18n/server-messages";
import { asRecord } from "./text";

const NEWLINE = 0x0a;

/** A malformed envelope; `text` says why in any language (`message` is English, for logs). */
export class EnvelopeError extends Error {
  override name = "EnvelopeError";
  readonly text: Message;
  constructor(key: EnvelopeProblem, values?: MessageValues) {
    const text = message(`ServerEnvelope.${key}`, values);
    super(render(text));
    this.text = text;
  }
}

type EnvelopeProblem =
  | "headerNotJson"
  | "headerNotObject"
  | "empty"
  | "tooManyItems"
  | "noType"
  | "secondEvent"
  | "badLength"
  | "truncated"
  | "noNewline";

/** Which header a problem is in: the envelope's, or item `index`'s (built only on failure). */
const envelopeHeader = { where: "envelope", index: "" };
const itemHeader = (index: number) => ({ where: "item", index: String(index) });

export interface EnvelopeItem {
  header: Record<string, unknown> & { type: string };
  /** A view into the request body, not a copy. */
  payload: Uint8Array;
}

export interface Envelope {
  header: Record<string, unknown>;
  items: EnvelopeItem[];
}

// Relay drops an envelope holding two event items as invalid ("duplicate item"); transactions
// and the other items it processes apart from the event, and which this server skips, do not
// count.
const EVENT_TYPE = "event";

/**
 * SDKs put an event and a few items beside it in an envelope (attachments, a session, a client
 * report). Without a cap, 4 MiB of tiny items is 190,000 headers to parse (seconds of CPU).
 */
export const MAX_ENVELOPE_ITEMS = 1000;

/**
 * Parses a Sentry envelope: a JSON header line, then items of a JSON header line and a payload.
 * A payload is exactly `length` bytes (then "\n" or the end) when the item header has a
 * `length`, else it runs to the next "\n" or the end. https://develop.sentry.dev/sdk/data-model/envelopes/
 * A second event item is an error, found as soon as its header is read: an envelope of 80,000
 * events costs one header more than an envelope of one.
 */
export function parseEnvelope(body: Uint8Array): Envelope {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let offset = 0;
  const readLine = (): Uint8Array => {
    const newline = body.indexOf(NEWLINE, offset);
    const end = newline === -1 ? body.length : newline;
    const line = body.subarray(offset, end);
    offset = Math.min(end + 1, body.length);
    return line;
  };
  /** The next line as a JSON object; `item` is its index, or null for the envelope's header. */
  const readHeader = (item: number | null): Record<string, unknown> => {
    const line = readLine();
    const where = () => (item === null ? envelopeHeader : itemHeader(item));
    let value: unknown;
    try {
      value = JSON.parse(decoder.decode(line));
    } catch {
      throw new EnvelopeError("headerNotJson", where());
    }
    const header = asRecord(value);
    if (!header) throw new EnvelopeError("headerNotObject", where());
    return header;
  };

  if (body.length === 0) throw new EnvelopeError("empty");
  const header = readHeader(null);
  const items: EnvelopeItem[] = [];
  let events = 0;
  while (offset < body.length) {
    // Blank lines between items are tolerated (some clients end with "\n\n").
    if (body[offset] === NEWLINE) {
      offset += 1;
      continue;
    }
    if (items.length >= MAX_ENVELOPE_ITEMS) {
      throw new EnvelopeError("tooManyItems", { max: String(MAX_ENVELOPE_ITEMS) });
    }
    const index = items.length;
    const itemHeader = readHeader(index);
    const type = itemHeader.type;
    if (typeof type !== "string" || type === "") {
      throw new EnvelopeError("noType", { index: String(index) });
    }
    if (type === EVENT_TYPE && ++events > 1) {
      throw new EnvelopeError("secondEvent", { index: String(index) });
    }
    const length = itemHeader.length;
    let payload: Uint8Array;
    if (length === undefined || length === null) {
      payload = offset < body.length ? readLine() : new Uint8Array(0);
    } else {
      if (typeof length !== "number" || !Number.isSafeInteger(length) || length < 0) {
        throw new EnvelopeError("badLength", { index: String(index) });
      }
      if (offset + length > body.length) {
        throw new EnvelopeError("truncated", {
          index: String(index),
          length: String(length),
          remaining: String(body.length - offset),
        });
      }
      payload = body.subarray(offset, offset + length);
      offset += length;
      if (offset < body.length) {
        if (body[offset] !== NEWLINE) {
          throw new EnvelopeError("noNewline", { index: String(index) });
        }
        offset += 1;
      }
    }
    items.push({ header: { ...itemHeader, type }, payload });
  }
  return { header, items };
}

/**
 * The envelope's event item, if it has one (parseEnvelope has refused a second). Sessions,
 * client reports, attachments, transactions and other items are not events here: skipped.
 */
export function eventItem(envelope: Envelope): EnvelopeItem | undefined {
  return envelope.items.find((item) => item.header.type === EVENT_TYPE);
}
