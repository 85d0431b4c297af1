import type { NormalizedEvent } from "@/db/normalized-event";
import { type Message, message, render } from "../i18n/server-messages";
import { normalizeEnvironment } from "./environments";
import { generateEventId, sentryEventId } from "./event-id";
import { withDerivedTags } from "./event-tags";
import { GROUPING_VERSION, hashFingerprint, resolveFingerprint } from "./fingerprint";
import { parseLevel } from "./levels";
import {
  MAX_CULPRIT_LENGTH,
  MAX_ORIGIN_LENGTH,
  MAX_RELEASE_LENGTH,
  MAX_TAG_KEY_LENGTH,
  MAX_TAG_VALUE_LENGTH,
  MAX_TAGS,
  MAX_TITLE_LENGTH,
} from "./limits";
import { sentryDetails } from "./sentry-details";
import { sentryDefaultKey } from "./sentry-grouping";
import { requestHost } from "./sentry-shape";
import { sentryCulprit, sentryTitle } from "./sentry-title";
import { asRecord, lenientString, nonEmptyString, truncate } from "./text";
import { fromEpochSeconds, isTooFarInFuture, parseIsoDateTime } from "./timestamp";

const NOT_AN_OBJECT = message("ServerSentry.eventNotObject");

/** The payload is not a Sentry event at all (not a JSON object); odd optional fields never throw. */
export class SentryEventError extends Error {
  override name = "SentryEventError";
  /** Why, in any language (`message` is English, for logs). */
  readonly text: Message = NOT_AN_OBJECT;
  constructor() {
    super(render(NOT_AN_OBJECT));
  }
}

export function normalizeSentryEvent(
  payload: unknown,
  ctx: { projectSlug: string; now: Date },
): NormalizedEvent {
  const event = asRecord(payload);
  if (!event) throw new SentryEventError();
  const environment = event.environment;
  const release = nonEmptyString(lenientString(event.release));
  return {
    eventId: sentryEventId(event.event_id) ?? generateEventId(),
    title: truncate(sentryTitle(event), MAX_TITLE_LENGTH),
    details: sentryDetails(event),
    level: parseLevel(event.level) ?? "error",
    environment: normalizeEnvironment(typeof environment === "string" ? environment : undefined),
    origin: truncate(
      nonEmptyString(event.server_name) ?? requestHost(event) ?? ctx.projectSlug,
      MAX_ORIGIN_LENGTH,
    ),
    culprit: truncate(sentryCulprit(event), MAX_CULPRIT_LENGTH) || null,
    occurredAt: sentryTimestamp(event.timestamp, ctx.now),
    // A cut release would name a different release, so an oversized one is dropped.
    release: release && release.length <= MAX_RELEASE_LENGTH ? release : null,
    tags: withDerivedTags(event, sentryTags(event.tags)),
    fingerprint: hashFingerprint(resolveFingerprint(event.fingerprint, sentryDefaultKey(event))),
    groupingVersion: GROUPING_VERSION,
    payload: event,
  };
}

/** RFC 3339 (naive times are UTC), epoch seconds as a number or numeric string; else, or when over a day ahead, `now`. */
export function sentryTimestamp(raw: unknown, now: Date): Date {
  let date: Date | undefined;
  if (typeof raw === "number") date = fromEpochSeconds(raw);
  else if (typeof raw === "string" && /^\s*\d+(?:\.\d+)?\s*$/.test(raw))
    date = fromEpochSeconds(Number(raw));
  else if (typeof raw === "string") date = parseIsoDateTime(raw, { assumeUtc: true });
  return date && !isTooFarInFuture(date, now) ? date : now;
}

/** An object, or an array of [key, value] pairs; scalar values become text, others are skipped. */
export function sentryTags(raw: unknown): Record<string, string> {
  const entries = Array.isArray(raw)
    ? raw.filter(Array.isArray)
    : Object.entries(asRecord(raw) ?? {});
  const tags: [string, string][] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    if (tags.length >= MAX_TAGS) break;
    const key = nonEmptyString(entry[0]);
    const value = lenientString(entry[1]);
    // A cut key could collide with another one, so long keys are skipped rather than cut.
    if (!key || key.length > MAX_TAG_KEY_LENGTH || value === undefined || seen.has(key)) continue;
    seen.add(key);
    tags.push([key, truncate(value, MAX_TAG_VALUE_LENGTH)]);
  }
  // fromEntries defines own properties, so a "__proto__" tag stays a plain key.
  return Object.fromEntries(tags);
}
