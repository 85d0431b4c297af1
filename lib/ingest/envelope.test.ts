import { describe, expect, it } from "vitest";
import { listJsonFixtures, readJsonFixture } from "@/tests/support/fixtures";
import { EnvelopeError, eventItem, parseEnvelope } from "./envelope";
import { sentryTitle } from "./sentry-title";

const encoder = new TextEncoder();
const bytes = (text: string) => encoder.encode(text);
const text = (payload: Uint8Array) => new TextDecoder().decode(payload);
const concat = (...parts: (string | Uint8Array)[]) => {
  const chunks = parts.map((part) => (typeof part === "string" ? bytes(part) : part));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
};

const envelopes = listJsonFixtures("sentry-envelopes").map((name) => ({
  name,
  elements: readJsonFixture(`sentry-envelopes/${name}.json`) as Record<string, unknown>[],
}));

/** The fixture on the wire: one compact JSON line per element; optionally with every item's length. */
function wire(
  elements: Record<string, unknown>[],
  opts: { lengths?: boolean; trailingNewline?: boolean } = {},
) {
  const [header, ...rest] = elements;
  const lines = [JSON.stringify(header)];
  for (let i = 0; i < rest.length; i += 2) {
    const payload = JSON.stringify(rest[i + 1]);
    const itemHeader = opts.lengths ? { ...rest[i], length: bytes(payload).length } : rest[i];
    lines.push(JSON.stringify(itemHeader), payload);
  }
  return bytes(lines.join("\n") + (opts.trailingNewline ? "\n" : ""));
}

describe("parseEnvelope on the fixtures", () => {
  it("finds them", () => {
    expect(envelopes.length).toBeGreaterThanOrEqual(2);
  });

  describe.each(envelopes)("$name", ({ elements }) => {
    it.each([
      ["as given", {}],
      ["with a trailing newline", { trailingNewline: true }],
      ["with explicit lengths", { lengths: true }],
      ["with lengths and a trailing newline", { lengths: true, trailingNewline: true }],
    ])("%s", (_how, opts) => {
      const envelope = parseEnvelope(wire(elements, opts));
      expect(envelope.header).toEqual(elements[0]);
      expect(envelope.items).toHaveLength((elements.length - 1) / 2);
      envelope.items.forEach((item, i) => {
        expect(item.header.type).toBe(elements[1 + 2 * i]?.type);
        expect(JSON.parse(text(item.payload))).toEqual(elements[2 + 2 * i]);
      });
    });
  });

  it.each([
    ["django_message", "Page not found!"],
    [
      "js_angular_message",
      'EvalError: MDN says "EvalError is not used in the current ECMAScript specification and will thus not be thro...',
    ],
  ])("%s: the event item has a title", (name, title) => {
    const elements = envelopes.find((e) => e.name === name)?.elements ?? [];
    const event = parseEnvelope(wire(elements)).items.find((item) => item.header.type === "event");
    expect(event && sentryTitle(JSON.parse(text(event.payload)))).toBe(title);
  });
});

describe("parseEnvelope", () => {
  it("keeps binary attachments with newlines when the length is given", () => {
    const binary = new Uint8Array([0x00, 0x0a, 0xff, 0x0a, 0x0a, 0x7b, 0x0d, 0x0a]);
    const body = concat(
      '{"event_id":"9ec79c33ec9942ab8353589fcb2e04dc"}\n',
      `{"type":"attachment","length":${binary.length},"filename":"dump.bin"}\n`,
      binary,
      "\n",
      '{"type":"event","length":16}\n{"message":"hi"}\n',
    );
    const envelope = parseEnvelope(body);
    expect(envelope.items.map((item) => item.header)).toEqual([
      { type: "attachment", length: 8, filename: "dump.bin" },
      { type: "event", length: 16 },
    ]);
    expect(envelope.items[0]?.payload).toEqual(binary);
    expect(text(envelope.items[1]?.payload ?? new Uint8Array())).toBe('{"message":"hi"}');
  });

  it.each<[string, string, { type: string; payload: string }[]]>([
    ["a header only", "{}", []],
    ["a header only, with a newline", "{}\n", []],
    [
      "an item at the very end without a newline",
      '{}\n{"type":"event"}\n{"a":1}',
      [{ type: "event", payload: '{"a":1}' }],
    ],
    [
      "an empty payload without length",
      '{}\n{"type":"a"}\n\n{"type":"b"}\n{}',
      [
        { type: "a", payload: "" },
        { type: "b", payload: "{}" },
      ],
    ],
    [
      "a zero length",
      '{}\n{"type":"a","length":0}\n\n{"type":"b","length":0}',
      [
        { type: "a", payload: "" },
        { type: "b", payload: "" },
      ],
    ],
    ["an item header at EOF", '{}\n{"type":"a"}', [{ type: "a", payload: "" }]],
    ["a null length", '{}\n{"type":"a","length":null}\nxyz', [{ type: "a", payload: "xyz" }]],
    [
      "blank lines between items",
      '{}\n{"type":"a","length":1}\nx\n\n\n{"type":"b"}\ny\n\n',
      [
        { type: "a", payload: "x" },
        { type: "b", payload: "y" },
      ],
    ],
    ["CRLF after headers", '{}\r\n{"type":"a","length":1}\r\nx', [{ type: "a", payload: "x" }]],
    [
      "multi-byte UTF-8 measured in bytes",
      '{}\n{"type":"a","length":5}\nção\n',
      [{ type: "a", payload: "ção" }],
    ],
  ])("parses %s", (_name, body, items) => {
    const envelope = parseEnvelope(bytes(body));
    expect(
      envelope.items.map((item) => ({ type: item.header.type, payload: text(item.payload) })),
    ).toEqual(items);
  });

  it.each<[string, Uint8Array, RegExp]>([
    ["an empty body", bytes(""), /empty/],
    ["a non-JSON header", bytes("hello\n"), /envelope header is not valid JSON/],
    ["an array header", bytes("[]\n"), /envelope header must be a JSON object/],
    ["a null header", bytes("null"), /envelope header must be a JSON object/],
    [
      "invalid UTF-8 in a header",
      concat("{}\n", new Uint8Array([0x7b, 0xff, 0x7d]), "\n"),
      /item 0 header is not valid JSON/,
    ],
    ["a non-JSON item header", bytes("{}\nnope\n"), /item 0 header is not valid JSON/],
    [
      "an item header that is a string",
      bytes('{}\n"event"\n'),
      /item 0 header must be a JSON object/,
    ],
    ["an item without type", bytes('{}\n{"length":0}\n'), /item 0 header has no "type"/],
    ["an item with a numeric type", bytes('{}\n{"type":3}\n'), /no "type"/],
    ["a negative length", bytes('{}\n{"type":"a","length":-1}\n'), /invalid "length"/],
    ["a fractional length", bytes('{}\n{"type":"a","length":1.5}\nx'), /invalid "length"/],
    ["a string length", bytes('{}\n{"type":"a","length":"3"}\nabc'), /invalid "length"/],
    [
      "a length beyond the end",
      bytes('{}\n{"type":"a","length":10}\nabc'),
      /item 0 payload is truncated.*10.*3/,
    ],
    [
      "a length too short",
      bytes('{}\n{"type":"a","length":2}\nabc\n'),
      /item 0 payload is not followed by a newline/,
    ],
    [
      "a length too long",
      bytes('{}\n{"type":"a","length":4}\nabc\n{"type":"b"}\n'),
      /item 0 payload is not followed by a newline/,
    ],
    [
      "a bad second item",
      bytes('{}\n{"type":"a"}\nx\n{"type":"b","length":99}\ny'),
      /item 1 payload is truncated/,
    ],
  ])("rejects %s", (_name, body, message) => {
    expect(() => parseEnvelope(body)).toThrow(EnvelopeError);
    expect(() => parseEnvelope(body)).toThrow(message);
  });

  it("detects a truncated fixture envelope", () => {
    const elements = envelopes[0]?.elements ?? [];
    const full = wire(elements, { lengths: true });
    expect(() => parseEnvelope(full.subarray(0, full.length - 10))).toThrow(/truncated/);
  });
});

describe("parseEnvelope and eventItem: one event per envelope", () => {
  const item = (type: string, payload = "{}") => `{"type":"${type}"}\n${payload}\n`;
  const envelopeOf = (items: string[]) => parseEnvelope(bytes(`{}\n${items.join("")}`));

  it("finds the event among the items SDKs send beside it, and skips those", () => {
    const found = eventItem(
      envelopeOf([
        item("session"),
        item("attachment", "binary"),
        item("event", '{"message":"the one"}'),
        item("client_report"),
        item("replay_event"),
        item("profile"),
      ]),
    );
    expect(found && text(found.payload)).toBe('{"message":"the one"}');
  });

  it("takes up to 1,000 items and refuses more", () => {
    const sessions = Array(1000).fill(item("session"));
    expect(envelopeOf(sessions).items).toHaveLength(1000);
    expect(() => envelopeOf([...sessions, item("session")])).toThrow(/at most 1000 items/);
    expect(() => envelopeOf(Array(190_000).fill(item("session")))).toThrow(/at most 1000 items/);
  });

  it("returns nothing for an envelope without an event; transactions are not events", () => {
    expect(eventItem(envelopeOf([]))).toBeUndefined();
    expect(eventItem(envelopeOf([item("session"), item("client_report")]))).toBeUndefined();
    expect(eventItem(envelopeOf([item("transaction"), item("transaction")]))).toBeUndefined();
    const withTransaction = envelopeOf([
      item("transaction"),
      item("event", "{}"),
      item("security"),
    ]);
    expect(eventItem(withTransaction)?.header.type).toBe("event");
  });

  it.each([
    ["two events", [item("event"), item("session"), item("event")], /item 2 is a second "event"/],
    ["350,000 events", Array(350_000).fill(item("event", '{"message":"x"}')), /item 1 /],
  ])("refuses %s (Relay drops such an envelope as a duplicate item)", (_name, items, message) => {
    expect(() => envelopeOf(items)).toThrow(EnvelopeError);
    expect(() => envelopeOf(items)).toThrow(message);
  });
});
