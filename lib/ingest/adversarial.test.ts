import { describe, expect, it } from "vitest";
import { toJsonParam } from "@/db/sql";
import * as payloadView from "@/lib/sentry-payload";
import { adversarialStrings, repeatTo } from "@/tests/support/adversarial";
import { parseJsonBody } from "./body";
import { eventItem, parseEnvelope } from "./envelope";
import { normalizeEnvironment } from "./environments";
import { sentryEventId } from "./event-id";
import { hashFingerprint, parameterize, resolveFingerprint } from "./fingerprint";
import { decodeStoreBody } from "./legacy-body";
import { parseLevel } from "./levels";
import { normalizeNativeEvent } from "./native";
import { parseEventBatch } from "./native-batch";
import { sentryDetails } from "./sentry-details";
import { normalizeSentryEvent, sentryTags, sentryTimestamp } from "./sentry-event";
import { sentryDefaultKey } from "./sentry-grouping";
import { keyFromAuthHeader } from "./sentry-ingest";
import { formatMessage, readLogMessage } from "./sentry-logentry";
import { basename, readExceptions } from "./sentry-shape";
import { sentryCulprit, sentryTitle, truncateChars } from "./sentry-title";
import { firstLine, truncate } from "./text";
import { parseIsoDateTime } from "./timestamp";

// Every function that scans event text gets hostile 1 MiB strings (what one event may hold) and
// must finish each within a generous bound: the point is to catch super-linear blow-up (a
// backtracking regex takes minutes or hours at this size), not to time the code.
// ADVERSARIAL_SIZE=<n> runs smaller strings, e.g. to watch an old regex fail quickly.
const SIZE = Number(process.env.ADVERSARIAL_SIZE ?? 1024 * 1024);
const BOUND_MS = 2000;
const INPUTS = adversarialStrings(SIZE);
const now = new Date("2026-01-01T00:00:00Z");

// A machine busy with other work can pause any call (GC, another process): a slow call is
// timed again, and only the fastest of three counts. Super-linear work is slow every time.
const ATTEMPTS = 3;

function fastestMs(call: () => unknown): number {
  let best = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < ATTEMPTS && best >= BOUND_MS; attempt++) {
    const started = performance.now();
    call();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

function expectFast(call: (text: string) => unknown): void {
  for (const [name, text] of INPUTS) {
    const ms = fastestMs(() => call(text));
    expect(ms, `${name}: ${ms.toFixed(0)} ms`).toBeLessThan(BOUND_MS);
  }
}

async function expectFastAsync(call: (text: string) => Promise<unknown>): Promise<void> {
  for (const [name, text] of INPUTS) {
    let ms = Number.POSITIVE_INFINITY;
    for (let attempt = 0; attempt < ATTEMPTS && ms >= BOUND_MS; attempt++) {
      const started = performance.now();
      await call(text).catch(() => undefined);
      ms = Math.min(ms, performance.now() - started);
    }
    expect(ms, `${name}: ${ms.toFixed(0)} ms`).toBeLessThan(BOUND_MS);
  }
}

/** A Sentry event with `text` in one place; a request body holds 1 MiB in all, so one at a time. */
const SENTRY_PLACES: [string, (text: string) => Record<string, unknown>][] = [
  ["message", (text) => ({ message: text })],
  ["logentry with list params", (text) => ({ logentry: { message: text, params: ["a", 1] } })],
  ["logentry with named params", (text) => ({ logentry: { message: text, params: { a: "b" } } })],
  ["logentry.formatted", (text) => ({ logentry: { formatted: text } })],
  ["exception type", (text) => ({ exception: { values: [{ type: text }] } })],
  ["exception value", (text) => ({ exception: { values: [{ type: "E", value: text }] } })],
  [
    "frame fields",
    (text) => ({
      platform: "javascript",
      exception: {
        values: [
          {
            type: "E",
            stacktrace: {
              frames: [{ filename: text, function: text, module: text, in_app: true }],
            },
          },
        ],
      },
    }),
  ],
  ["frame abs_path", (text) => ({ stacktrace: { frames: [{ abs_path: text }] } })],
  ["culprit", (text) => ({ culprit: text })],
  ["transaction", (text) => ({ transaction: text })],
  ["request url", (text) => ({ request: { url: text, query_string: text } })],
  ["environment", (text) => ({ environment: text })],
  ["release", (text) => ({ release: text })],
  ["server_name", (text) => ({ server_name: text })],
  ["timestamp", (text) => ({ timestamp: text })],
  ["level", (text) => ({ level: text })],
  ["event_id", (text) => ({ event_id: text })],
  ["tags", (text) => ({ tags: { [text.slice(0, 20)]: text }, fingerprint: [text] })],
  ["fingerprint", (text) => ({ fingerprint: [text, "{{ default }}"] })],
  ["breadcrumbs", (text) => ({ breadcrumbs: [{ message: text, category: text }] })],
  ["contexts and user", (text) => ({ contexts: { os: { name: text } }, user: { id: text } })],
  ["sdk", (text) => ({ sdk: { name: text, version: text } })],
];

describe("no scan of event text is super-linear (1 MiB hostile strings)", () => {
  const timeout = { timeout: 300_000 };

  it("log messages: formatMessage and readLogMessage", timeout, () => {
    expectFast((text) => formatMessage(text, []));
    expectFast((text) => formatMessage(text, ["a", 1, 2.5]));
    expectFast((text) => formatMessage(text, { a: "b", "": "c" }));
    expectFast((text) => readLogMessage({ logentry: { message: text, params: { a: "b" } } }));
  });

  it("formatting cannot blow a template up: a 64 KiB param repeated by name", timeout, () => {
    const param = "x".repeat(65_536);
    for (const template of [
      repeatTo("%(a)s", SIZE),
      repeatTo("{a}", SIZE),
      repeatTo("{0}", SIZE),
    ]) {
      const params = template.startsWith("{0") ? [param] : { a: param };
      expect(fastestMs(() => formatMessage(template, params))).toBeLessThan(BOUND_MS);
      expect(formatMessage(template, params)?.length).toBeLessThanOrEqual(65_537);
    }
  });

  it("grouping: parameterize, fingerprints, the default key", timeout, () => {
    expectFast(parameterize);
    expectFast((text) => hashFingerprint(resolveFingerprint([text, "{{default}}"], ["k"])));
    expectFast((text) => resolveFingerprint([text], ["k"]));
    expectFast((text) => sentryDefaultKey({ message: text }));
    expectFast((text) => sentryDefaultKey({ exception: { values: [{ type: "E", value: text }] } }));
  });

  it("titles, culprits, details, and the text helpers", timeout, () => {
    expectFast((text) => sentryTitle({ exception: { values: [{ type: text, value: text }] } }));
    expectFast((text) => sentryTitle({ message: text }));
    expectFast((text) => sentryCulprit({ culprit: text }));
    expectFast((text) => sentryDetails({ message: text }));
    expectFast((text) => truncateChars(text, 100));
    expectFast((text) => truncate(text, 255));
    expectFast(firstLine);
    expectFast(basename);
    expectFast((text) => readExceptions({ exception: { values: [{ type: text, value: text }] } }));
  });

  it("fields: timestamps, environments, levels, event ids, tags, the auth header", timeout, () => {
    expectFast((text) => sentryTimestamp(text, now));
    expectFast((text) => parseIsoDateTime(text, { assumeUtc: false }));
    expectFast(normalizeEnvironment);
    expectFast(parseLevel);
    expectFast(sentryEventId);
    expectFast((text) => sentryTags({ a: text, [text.slice(0, 30)]: "b" }));
    expectFast(keyFromAuthHeader);
    expectFast((text) => keyFromAuthHeader(`Sentry sentry_key=${text}`));
  });

  it.each(SENTRY_PLACES)("normalizeSentryEvent with the text in %s", timeout, (_place, make) => {
    expectFast((text) => normalizeSentryEvent(make(text), { projectSlug: "p", now }));
  });

  it("native events: validation and normalization", timeout, () => {
    expectFast((text) => {
      const parsed = parseEventBatch({
        title: text.slice(0, 255),
        details: text.slice(0, 65_536),
        environment: text.slice(0, 64),
        timestamp: text,
        fingerprint: [text],
      });
      if (!parsed.ok) return parsed;
      return parsed.events.map((event) => normalizeNativeEvent(event, { defaultOrigin: "o", now }));
    });
    expectFast((text) => parseEventBatch({ title: text, eventId: text, project: text }));
  });

  it("the event page's payload readers (lib/sentry-payload.ts)", timeout, () => {
    for (const [, make] of SENTRY_PLACES) {
      expectFast((text) => {
        const payload = make(text);
        return [
          payloadView.readExceptions(payload),
          payloadView.readRequest(payload),
          payloadView.readBreadcrumbs(payload),
          payloadView.readContexts(payload),
          payloadView.readUser(payload),
          payloadView.readSdk(payload),
          payloadView.readEventFacts(payload),
          payloadView.mergeTags(payload, { a: text }),
        ];
      });
    }
    expectFast(payloadView.readTimestamp);
    expectFast((text) => payloadView.displayValue(text));
  });

  it("storage: jsonb parameters (NUL and lone surrogates are cleaned)", timeout, () => {
    expectFast((text) => toJsonParam({ text }));
    expectFast((text) => toJsonParam({ text: `${text}\u0000` }));
  });

  it("bodies: JSON nesting, envelopes, legacy /store/ bodies", timeout, async () => {
    const half = Math.floor(SIZE / 2);
    const deep = [
      "[".repeat(half) + "]".repeat(half),
      `${'{"a":'.repeat(Math.floor(SIZE / 5))}1${"}".repeat(Math.floor(SIZE / 5))}`,
      "[".repeat(SIZE),
    ];
    for (const text of deep) {
      expect(() => parseJsonBody(Buffer.from(text))).toThrow(/JSON/);
      const parse = () => {
        try {
          return parseJsonBody(Buffer.from(text));
        } catch {
          return undefined;
        }
      };
      expect(fastestMs(parse)).toBeLessThan(BOUND_MS);
    }
    expectFast((text) => {
      const body = Buffer.from(`{"event_id":${JSON.stringify(text.slice(0, 32))}}\n${text}`);
      try {
        return eventItem(parseEnvelope(body));
      } catch {
        return undefined;
      }
    });
    for (const body of [
      repeatTo("\n", SIZE, "{}\n"),
      repeatTo('{"type":"session"}\n{}\n', SIZE, "{}\n"),
      repeatTo('{"type":"event"}\n{}\n', SIZE, "{}\n"),
      repeatTo('{"type":"attachment","length":0}\n\n', SIZE, "{}\n"),
    ]) {
      const parse = () => {
        try {
          return eventItem(parseEnvelope(Buffer.from(body)));
        } catch {
          return undefined;
        }
      };
      expect(fastestMs(parse)).toBeLessThan(BOUND_MS);
    }
    await expectFastAsync((text) => decodeStoreBody(Buffer.from(text), 1024 * 1024));
  });
});
