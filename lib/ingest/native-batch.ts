import type { z } from "zod";
import { type Issue, issue } from "../domain-errors";
import type { MessageKey, MessageValues } from "../i18n/server-messages";
import { type NativeEventInput, nativeEventSchema } from "./native";
import { asRecord } from "./text";

export const MAX_BATCH_EVENTS = 1000;

// A batch of 1000 broken events would otherwise answer with tens of thousands of issues.
const MAX_ISSUES = 100;

export type BatchIssue = Issue;

export type BatchResult =
  | { ok: true; events: NativeEventInput[] }
  | { ok: false; issues: BatchIssue[] };

/**
 * `POST /api/events` accepts one event object, an array of events, or `{events: [...]}`.
 * Issue paths start with "events" and the index for the two batch forms, and are the bare
 * field path for a single object.
 */
export function parseEventBatch(body: unknown): BatchResult {
  const record = asRecord(body);
  if (record && "events" in record && !("title" in record)) return parseList(record.events);
  if (Array.isArray(body)) return parseList(body);
  if (!record) {
    return fail([], "ServerIngest.batchShape", { shape: '{"events": [...]}' });
  }
  const result = nativeEventSchema.safeParse(withoutNulls(record));
  return result.success
    ? { ok: true, events: [result.data] }
    : { ok: false, issues: toIssues(result.error, []) };
}

function parseList(list: unknown): BatchResult {
  if (!Array.isArray(list)) return fail(["events"], "ServerIngest.eventsArray");
  if (list.length === 0) return fail(["events"], "ServerIngest.eventsEmpty");
  if (list.length > MAX_BATCH_EVENTS) {
    return fail(["events"], "ServerIngest.eventsMax", {
      max: String(MAX_BATCH_EVENTS),
      got: String(list.length),
    });
  }
  const events: NativeEventInput[] = [];
  const issues: BatchIssue[] = [];
  list.forEach((item, index) => {
    const result = nativeEventSchema.safeParse(withoutNulls(item));
    if (result.success) events.push(result.data);
    else if (issues.length < MAX_ISSUES) issues.push(...toIssues(result.error, ["events", index]));
  });
  return issues.length === 0
    ? { ok: true, events }
    : { ok: false, issues: issues.slice(0, MAX_ISSUES) };
}

/** Clients (Python's None, JSON serialisers) send null for "not set": treat it as absent. */
function withoutNulls(item: unknown): unknown {
  const record = asRecord(item);
  if (!record) return item;
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    // "__proto__" from JSON.parse is an own key; assigning it would change the prototype.
    if (value !== null && key !== "__proto__") kept[key] = value;
  }
  return kept;
}

function toIssues(error: z.ZodError, prefix: (string | number)[]): BatchIssue[] {
  return error.issues.map((issue) => ({
    path: [...prefix, ...issue.path.filter((p): p is string | number => typeof p !== "symbol")],
    message: issue.message,
  }));
}

function fail(path: (string | number)[], key: MessageKey, values?: MessageValues): BatchResult {
  return { ok: false, issues: [issue(path, key, values)] };
}
