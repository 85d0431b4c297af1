import { asRecord, lenientString, nonEmptyString, truncate } from "./ingest/text";

// Readers for showing a stored Sentry event. The payload came from the internet: any field may
// be missing or of any type, so every reader returns a plain, bounded view and never throws.

const MAX_TEXT = 4_000;
const MAX_EXCEPTIONS = 20;
const MAX_FRAMES = 250;
const MAX_CONTEXT_LINES = 15;
const MAX_ENTRIES = 200;
const MAX_BREADCRUMBS = 200;

export type Entry = [key: string, value: string];

export interface FrameView {
  function?: string;
  filename?: string;
  module?: string;
  package?: string;
  lineno?: number;
  colno?: number;
  inApp: boolean;
  preContext: string[];
  contextLine?: string;
  postContext: string[];
  vars: Entry[];
}

export interface ExceptionView {
  type?: string;
  value?: string;
  module?: string;
  mechanism?: string;
  handled?: boolean;
  /** Most recent call first, as Sentry shows them. */
  frames: FrameView[];
  /** Frames the SDK sent beyond the ones kept here. */
  omittedFrames: number;
}

export interface RequestView {
  method?: string;
  url?: string;
  query: Entry[] | string | undefined;
  headers: Entry[];
  data?: string;
}

export interface BreadcrumbView {
  timestamp?: string;
  category?: string;
  level?: string;
  type?: string;
  message?: string;
}

export interface ContextView {
  name: string;
  entries: Entry[];
}

/** Any JSON value as short readable text: strings as they are, the rest as compact JSON. */
export function displayValue(value: unknown, max = MAX_TEXT): string {
  if (typeof value === "string") return truncate(value, max);
  const scalar = lenientString(value);
  if (scalar !== undefined) return scalar;
  if (value === null || value === undefined) return String(value);
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    text = undefined;
  }
  return truncate(text ?? String(value), max);
}

function text(value: unknown): string | undefined {
  const raw = lenientString(value);
  return raw === undefined ? undefined : nonEmptyString(truncate(raw, MAX_TEXT));
}

function positiveInteger(value: unknown): number | undefined {
  return typeof value === "number" && Number.isInteger(value) && value > 0 ? value : undefined;
}

/** Source lines around a frame's line: the closest ones when there are too many. */
function lines(value: unknown, keep: "first" | "last"): string[] {
  if (!Array.isArray(value)) return [];
  return (
    keep === "last" ? value.slice(-MAX_CONTEXT_LINES) : value.slice(0, MAX_CONTEXT_LINES)
  ).map(sourceLine);
}

function sourceLine(line: unknown): string {
  if (line === null || line === undefined) return "";
  return typeof line === "string"
    ? truncate(line.replace(/\r?\n$/, ""), MAX_TEXT)
    : displayValue(line);
}

/** An object's or a list of [key, value] pairs' entries, values as text. */
export function readEntries(value: unknown, max = MAX_ENTRIES): Entry[] {
  const pairs: [unknown, unknown][] = Array.isArray(value)
    ? value.filter(Array.isArray).map((pair) => [pair[0], pair[1]])
    : Object.entries(asRecord(value) ?? {});
  const entries: Entry[] = [];
  for (const [key, item] of pairs) {
    if (entries.length >= max) break;
    const name = text(key);
    if (name === undefined || item === undefined) continue;
    entries.push([truncate(name, 200), displayValue(item)]);
  }
  return entries;
}

const byKey = (a: Entry, b: Entry) =>
  a[0].localeCompare(b[0], "en", { sensitivity: "base" }) || a[0].localeCompare(b[0]);

/**
 * Stored payloads are jsonb, which keeps no key order (it sorts keys by length): entries read
 * from objects are sorted by name, the way Sentry lists headers and variables.
 */
export function sortEntries(entries: Entry[], first: string[] = []): Entry[] {
  const rank = (key: string) => {
    const index = first.indexOf(key.toLowerCase());
    return index === -1 ? first.length : index;
  };
  return [...entries].sort((a, b) => rank(a[0]) - rank(b[0]) || byKey(a, b));
}

function readFrame(raw: Record<string, unknown>): FrameView {
  return {
    function: text(raw.function) ?? text(raw.raw_function),
    filename: text(raw.filename) ?? text(raw.abs_path),
    module: text(raw.module),
    package: text(raw.package),
    lineno: positiveInteger(raw.lineno),
    colno: positiveInteger(raw.colno),
    inApp: raw.in_app === true,
    preContext: lines(raw.pre_context, "last"),
    contextLine:
      raw.context_line === undefined || raw.context_line === null
        ? undefined
        : sourceLine(raw.context_line),
    postContext: lines(raw.post_context, "first"),
    vars: sortEntries(readEntries(raw.vars, 100)),
  };
}

function exceptionList(payload: Record<string, unknown>): unknown[] {
  const container = payload.exception;
  if (Array.isArray(container)) return container;
  const record = asRecord(container);
  if (record && Array.isArray(record.values)) return record.values;
  if (record && ("type" in record || "value" in record)) return [record];
  return [];
}

/** The exception chain, the last one (the one raised last) first, as Sentry shows it. */
export function readExceptions(payload: unknown): ExceptionView[] {
  const event = asRecord(payload);
  if (!event) return [];
  const views: ExceptionView[] = [];
  for (const item of exceptionList(event).slice(-MAX_EXCEPTIONS)) {
    const exception = asRecord(item);
    if (!exception) continue;
    const type = text(exception.type);
    const value = text(exception.value);
    const stacktrace = asRecord(exception.stacktrace) ?? asRecord(exception.raw_stacktrace);
    const rawFrames = Array.isArray(stacktrace?.frames) ? stacktrace.frames : [];
    const frames = rawFrames
      .slice(-MAX_FRAMES)
      .map(asRecord)
      .filter((frame) => frame !== undefined)
      .map(readFrame)
      .reverse();
    if (!type && !value && frames.length === 0) continue;
    const mechanism = asRecord(exception.mechanism);
    views.push({
      type,
      value,
      module: text(exception.module),
      mechanism: text(mechanism?.type),
      handled: typeof mechanism?.handled === "boolean" ? mechanism.handled : undefined,
      frames,
      omittedFrames: Math.max(0, rawFrames.length - MAX_FRAMES),
    });
  }
  return views.reverse();
}

export function readRequest(payload: unknown): RequestView | undefined {
  const request = asRecord(asRecord(payload)?.request);
  if (!request) return undefined;
  const rawQuery = request.query_string;
  const query =
    typeof rawQuery === "string"
      ? nonEmptyString(rawQuery.replace(/^\?/, ""))
        ? queryEntries(rawQuery)
        : undefined
      : readEntries(rawQuery);
  const data = request.data;
  const view: RequestView = {
    method: text(request.method)?.toUpperCase(),
    url: text(request.url),
    query: Array.isArray(query) && query.length === 0 ? undefined : query,
    headers: Array.isArray(request.headers)
      ? readEntries(request.headers)
      : sortEntries(readEntries(request.headers)),
    data:
      data === undefined || data === null || data === ""
        ? undefined
        : typeof data === "string"
          ? truncate(data, MAX_TEXT)
          : truncate(safeJson(data), MAX_TEXT),
  };
  const empty = !view.method && !view.url && !view.query && view.headers.length === 0 && !view.data;
  return empty ? undefined : view;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2) ?? displayValue(value);
  } catch {
    return displayValue(value);
  }
}

function queryEntries(query: string): Entry[] | string {
  try {
    const entries = [...new URLSearchParams(query)].slice(0, MAX_ENTRIES);
    return entries.map(([key, value]) => [truncate(key, 200), truncate(value, MAX_TEXT)]);
  } catch {
    return truncate(query, MAX_TEXT);
  }
}

/** The payload's tags and the stored ones (the stored value wins), in first-seen order. */
export function mergeTags(payload: unknown, stored: unknown): Entry[] {
  const merged = new Map<string, string>();
  for (const [key, value] of readEntries(asRecord(payload)?.tags)) merged.set(key, value);
  for (const [key, value] of readEntries(stored)) merged.set(key, value);
  return [...merged];
}

/** Seconds since the epoch (number or numeric text) or an ISO date, as ISO text. */
export function readTimestamp(value: unknown): string | undefined {
  let time: number | undefined;
  if (typeof value === "number" && Number.isFinite(value)) time = value * 1000;
  else if (typeof value === "string" && /^\s*\d+(\.\d+)?\s*$/.test(value))
    time = Number(value) * 1000;
  else if (typeof value === "string") {
    // Sentry's naive timestamps are UTC.
    const withZone = /[zZ]|[+-]\d{2}:?\d{2}$/.test(value) ? value : `${value}Z`;
    time = Date.parse(withZone);
  }
  if (time === undefined || !Number.isFinite(time)) return undefined;
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** Breadcrumbs (a list or `{values: [...]}`), newest first, at most the last 200. */
export function readBreadcrumbs(payload: unknown): { items: BreadcrumbView[]; omitted: number } {
  const raw = asRecord(payload)?.breadcrumbs;
  const list = Array.isArray(raw) ? raw : asRecord(raw)?.values;
  if (!Array.isArray(list)) return { items: [], omitted: 0 };
  const items: BreadcrumbView[] = [];
  for (const item of list.slice(-MAX_BREADCRUMBS)) {
    const crumb = asRecord(item);
    if (!crumb) continue;
    const data = asRecord(crumb.data);
    let message = text(crumb.message);
    if (!message && data && Object.keys(data).length > 0) message = displayValue(data, 500);
    items.push({
      timestamp: readTimestamp(crumb.timestamp),
      category: text(crumb.category),
      level: text(crumb.level),
      type: text(crumb.type),
      message,
    });
  }
  return { items: items.reverse(), omitted: Math.max(0, list.length - MAX_BREADCRUMBS) };
}

const CONTEXT_ORDER = ["os", "runtime", "browser", "device", "app"];

/** Contexts (os, runtime, browser first) as key/value lists; empty ones are left out. */
export function readContexts(payload: unknown): ContextView[] {
  const contexts = asRecord(asRecord(payload)?.contexts);
  if (!contexts) return [];
  const views: ContextView[] = [];
  for (const [name, value] of Object.entries(contexts).slice(0, 50)) {
    const record = asRecord(value);
    const entries = record
      ? sortEntries(
          readEntries(record).filter(([key]) => key !== "type"),
          ["name", "version"],
        )
      : value === null || value === undefined
        ? []
        : ([["value", displayValue(value)]] satisfies Entry[]);
    if (entries.length > 0) views.push({ name: truncate(name, 100), entries });
  }
  const rank = (name: string) => {
    const index = CONTEXT_ORDER.indexOf(name.toLowerCase());
    return index === -1 ? CONTEXT_ORDER.length : index;
  };
  return views.sort((a, b) => rank(a.name) - rank(b.name));
}

export function readUser(payload: unknown): Entry[] {
  return readEntries(asRecord(payload)?.user, 50);
}

/** "sentry.python 0.14.3" */
export function readSdk(payload: unknown): string | undefined {
  const sdk = asRecord(asRecord(payload)?.sdk);
  if (!sdk) return undefined;
  return [text(sdk.name), text(sdk.version)].filter(Boolean).join(" ") || undefined;
}

/** Platform, logger, transaction, server name: the small facts of the event. */
export function readEventFacts(payload: unknown): Entry[] {
  const event = asRecord(payload);
  if (!event) return [];
  const facts: Entry[] = [];
  const add = (label: string, value: string | undefined) => {
    if (value) facts.push([label, value]);
  };
  add("Platform", text(event.platform));
  add("SDK", readSdk(event));
  add("Logger", text(event.logger));
  add("Transaction", text(event.transaction));
  add("Server", text(event.server_name));
  return facts;
}
