import { asRecord, lenientString, nonEmptyString } from "./text";

// Readers for the parts of a Sentry event payload this project uses. The payload is untrusted:
// every field may be missing or of any type, and readers return undefined/[] rather than throw.

export interface SentryFrame {
  /** As Relay normalizes it: a URL without `abs_path` becomes its path ("/dist/app.js"). */
  filename?: string;
  absPath?: string;
  module?: string;
  function?: string;
  lineno?: number;
  colno?: number;
  inApp?: boolean;
  platform?: string;
}

export interface SentryException {
  type?: string;
  value?: string;
  frames: SentryFrame[];
  synthetic: boolean;
}

/** `exception.values`, a bare array, or a single exception object; entries without type and value are dropped (as Relay does). */
export function readExceptions(event: Record<string, unknown>): SentryException[] {
  const container = event.exception;
  const record = asRecord(container);
  let list: unknown[] = [];
  if (Array.isArray(container)) list = container;
  else if (record && Array.isArray(record.values)) list = record.values;
  else if (record && ("type" in record || "value" in record)) list = [record];

  const exceptions: SentryException[] = [];
  for (const item of list) {
    const exception = asRecord(item);
    if (!exception) continue;
    const type = nonEmptyString(exception.type);
    const rawValue = lenientString(exception.value);
    const value = rawValue?.trim() ? rawValue : undefined;
    if (!type && !value) continue;
    exceptions.push({
      type,
      value,
      frames: readFrames(exception.stacktrace),
      synthetic: asRecord(exception.mechanism)?.synthetic === true,
    });
  }
  return exceptions;
}

/** Frames in the order SDKs send them: oldest call first, the crashing frame last. */
export function readFrames(stacktrace: unknown): SentryFrame[] {
  const frames = asRecord(stacktrace)?.frames;
  if (!Array.isArray(frames)) return [];
  const result: SentryFrame[] = [];
  for (const item of frames) {
    const frame = asRecord(item);
    if (frame) result.push(readFrame(frame));
  }
  return result;
}

function readFrame(frame: Record<string, unknown>): SentryFrame {
  const absPath = nonEmptyString(frame.abs_path);
  let filename = nonEmptyString(frame.filename);
  // Relay: with one of the two missing, the path doubles as filename, shortened to a URL's path.
  if (!absPath && filename) filename = urlPath(filename) ?? filename;
  else if (absPath && !filename) filename = urlPath(absPath) ?? absPath;
  return {
    filename,
    absPath,
    module: nonEmptyString(frame.module),
    function: nonEmptyString(frame.function),
    lineno: positiveInteger(frame.lineno),
    colno: positiveInteger(frame.colno),
    inApp: typeof frame.in_app === "boolean" ? frame.in_app : undefined,
    platform: nonEmptyString(frame.platform),
  };
}

function urlPath(text: string): string | undefined {
  if (!/^(?:https?|file|applewebdata):/i.test(text) || !URL.canParse(text)) return undefined;
  const path = new URL(text).pathname;
  return path && path !== "/" ? path : undefined;
}

function positiveInteger(value: unknown): number | undefined {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

/** The host (with port) of `request.url`, if it is an absolute URL. */
export function requestHost(event: Record<string, unknown>): string | undefined {
  const url = nonEmptyString(asRecord(event.request)?.url);
  if (!url || !URL.canParse(url)) return undefined;
  return new URL(url).host || undefined;
}

export function basename(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts.findLast((part) => part !== "") ?? path;
}
