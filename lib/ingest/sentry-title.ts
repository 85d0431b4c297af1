import { readLogMessage } from "./sentry-logentry";
import { readExceptions, readFrames, type SentryFrame } from "./sentry-shape";
import { asRecord, firstLine, nonEmptyString } from "./text";

// Sentry's own limits: 100 characters for the message part of a title, 200 for a culprit.
const MAX_TITLE_PART = 100;
const MAX_CULPRIT = 200;

export const UNLABELED_TITLE = "<unlabeled event>";

/**
 * The title Sentry gives an event: "Type: first line of value" of the last exception (type or
 * value alone when the other is missing), else the first line of the log message, else
 * "<unlabeled event>".
 */
export function sentryTitle(event: unknown): string {
  const record = asRecord(event) ?? {};
  const exception = readExceptions(record).at(-1);
  if (exception) {
    const value = exception.value
      ? truncateChars(firstLine(exception.value.trim()), MAX_TITLE_PART)
      : "";
    if (exception.type && value) return `${exception.type}: ${value}`;
    return exception.type ?? value;
  }
  const text = readLogMessage(record)?.text.trim();
  return text ? truncateChars(firstLine(text), MAX_TITLE_PART) : UNLABELED_TITLE;
}

/**
 * Sentry's culprit: the event's `culprit` or `transaction`, else the innermost in-app frame of
 * the last stack trace (the innermost frame when none is in-app), else the request URL; "" if
 * none.
 */
export function sentryCulprit(event: unknown): string {
  const record = asRecord(event) ?? {};
  const explicit = nonEmptyString(record.culprit) ?? nonEmptyString(record.transaction);
  if (explicit) return truncateChars(explicit, MAX_CULPRIT);

  const exceptions = readExceptions(record);
  // Synthetic exceptions (made up by an SDK from a signal or a log call) name no real place.
  if (exceptions.at(-1)?.synthetic) return "";
  const stacks =
    exceptions.length > 0 ? exceptions.map((e) => e.frames) : [readFrames(record.stacktrace)];
  const frames = stacks.filter((stack) => stack.length > 0).at(-1);
  const platform = nonEmptyString(record.platform);
  const culprit =
    (frames && stackCulprit(frames, platform)) ||
    nonEmptyString(asRecord(record.request)?.url) ||
    "";
  return truncateChars(culprit, MAX_CULPRIT);
}

function stackCulprit(frames: SentryFrame[], platform: string | undefined): string | undefined {
  let fallback: string | undefined;
  for (let i = frames.length - 1; i >= 0; i--) {
    const frame = frames[i] as SentryFrame;
    if (frame.inApp) {
      const culprit = frameCulprit(frame, platform);
      if (culprit) return culprit;
    } else if (fallback === undefined) {
      fallback = frameCulprit(frame, platform);
    }
  }
  return fallback;
}

function frameCulprit(frame: SentryFrame, eventPlatform: string | undefined): string {
  const platform = frame.platform ?? eventPlatform;
  const fn = frame.function ?? "?";
  if (platform === "objc" || platform === "cocoa" || platform === "native") return fn;
  const location = frame.module ?? frame.filename;
  if (!location) return "";
  return platform === "javascript" || platform === "node"
    ? `${fn}(${location})`
    : `${location} in ${fn}`;
}

/** Python's (and Sentry's) `truncatechars`: at most `max` code points, ending in "..." when cut. */
export function truncateChars(text: string, max: number): string {
  if (text.length <= max) return text;
  // Counts code points only as far as the cut (a surrogate pair is one, a lone half is one too).
  let points = 0;
  let cut = 0;
  for (let i = 0; i < text.length; points++) {
    if (points === max - 3) cut = i;
    if (points === max) return `${text.slice(0, cut)}...`;
    const unit = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    i += unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
  }
  return text;
}
