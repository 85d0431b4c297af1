import { z } from "zod";
import type { NormalizedEvent } from "@/db/normalized-event";
import { normalizeEnvironment } from "./environments";
import { generateEventId } from "./event-id";
import {
  GROUPING_VERSION,
  hashFingerprint,
  nativeDefaultKey,
  resolveFingerprint,
} from "./fingerprint";
import { LEVELS, parseLevel } from "./levels";
import {
  MAX_DETAILS_LENGTH,
  MAX_ENVIRONMENT_LENGTH,
  MAX_ORIGIN_LENGTH,
  MAX_RELEASE_LENGTH,
  MAX_TAG_KEY_LENGTH,
  MAX_TAG_VALUE_LENGTH,
  MAX_TAGS,
  MAX_TITLE_LENGTH,
} from "./limits";
import { truncate } from "./text";
import { fromEpochSeconds, isTooFarInFuture, MAX_FUTURE_MS, parseIsoDateTime } from "./timestamp";

const PROJECT_MESSAGE = "project must be a project id (positive integer) or slug";

const timestampSchema = z
  .union([z.string(), z.number()], {
    error: "timestamp must be an ISO 8601 date-time string or epoch seconds",
  })
  .transform((value, ctx) => {
    const date =
      typeof value === "number"
        ? fromEpochSeconds(value)
        : parseIsoDateTime(value, { assumeUtc: false });
    if (!date) {
      ctx.addIssue({
        code: "custom",
        message:
          "timestamp must be an ISO 8601 date-time with a time zone (e.g. 2024-05-01T12:00:00Z) or epoch seconds",
      });
      return z.NEVER;
    }
    if (isTooFarInFuture(date, new Date())) {
      ctx.addIssue({
        code: "custom",
        message: `timestamp is more than ${MAX_FUTURE_MS / 3_600_000} hours in the future (epoch seconds, not milliseconds?)`,
      });
      return z.NEVER;
    }
    return date;
  });

const tagValueSchema = z
  .union([z.string(), z.number(), z.boolean()], { error: "tag values must be strings" })
  .transform(String)
  .pipe(
    z
      .string()
      .max(MAX_TAG_VALUE_LENGTH, `tag values must be at most ${MAX_TAG_VALUE_LENGTH} characters`),
  );

const tagsSchema = z
  .record(z.string().min(1).max(MAX_TAG_KEY_LENGTH), tagValueSchema, {
    error: (issue) => {
      if (issue.code === "invalid_key")
        return `tag keys must be 1–${MAX_TAG_KEY_LENGTH} characters`;
      if (issue.code === "invalid_type") return "tags must be an object of string values";
      return undefined;
    },
  })
  // zod builds the output object by assignment, so a "__proto__" key from JSON is dropped, never followed.
  .refine((tags) => Object.keys(tags).length <= MAX_TAGS, `tags may have at most ${MAX_TAGS} keys`);

/**
 * The native event (`POST /api/events`), as the API documents it. Unknown fields are ignored rather
 * than rejected, so clients and SDK wrappers can send extra data without breaking.
 */
export const nativeEventSchema = z.object(
  {
    title: z
      .string({
        error: (issue) =>
          issue.input === undefined ? "title is required" : "title must be a string",
      })
      .trim()
      .min(1, "title must not be empty")
      .max(MAX_TITLE_LENGTH, `title must be at most ${MAX_TITLE_LENGTH} characters`),
    details: z
      .string({ error: "details must be a string" })
      .max(MAX_DETAILS_LENGTH, `details must be at most ${MAX_DETAILS_LENGTH} characters (64 KiB)`)
      .optional(),
    level: z
      .preprocess(
        (value) => parseLevel(value) ?? value,
        z.enum(LEVELS, { error: `level must be one of: ${LEVELS.join(", ")}` }),
      )
      .optional(),
    environment: z
      .string({ error: "environment must be a string" })
      .max(
        MAX_ENVIRONMENT_LENGTH,
        `environment must be at most ${MAX_ENVIRONMENT_LENGTH} characters`,
      )
      .optional(),
    origin: z
      .string({ error: "origin must be a string" })
      .trim()
      .max(MAX_ORIGIN_LENGTH, `origin must be at most ${MAX_ORIGIN_LENGTH} characters`)
      .optional(),
    timestamp: timestampSchema.optional(),
    release: z
      .string({ error: "release must be a string" })
      .trim()
      .min(1, "release must not be empty")
      .max(MAX_RELEASE_LENGTH, `release must be at most ${MAX_RELEASE_LENGTH} characters`)
      .meta({ description: "The version of the application that sent the event" })
      .optional(),
    fingerprint: z
      .array(
        z
          .union([z.string(), z.number()], { error: "fingerprint items must be strings" })
          .transform(String)
          .pipe(z.string().max(255, "fingerprint items must be at most 255 characters")),
        { error: "fingerprint must be an array of strings" },
      )
      .min(1, "fingerprint must not be empty")
      .max(20, "fingerprint may have at most 20 items")
      .optional(),
    tags: tagsSchema.optional(),
    eventId: z
      .string({ error: "eventId must be a string" })
      .regex(/^[A-Za-z0-9_.:-]{1,64}$/, "eventId must be 1–64 characters of A–Z, a–z, 0–9, _ . : -")
      .optional(),
    project: z
      .union(
        [
          z.number().int(PROJECT_MESSAGE).positive(PROJECT_MESSAGE),
          z
            .string()
            .trim()
            .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/, PROJECT_MESSAGE),
        ],
        { error: PROJECT_MESSAGE },
      )
      .optional(),
  },
  { error: "an event must be a JSON object" },
);

export type NativeEventInput = z.output<typeof nativeEventSchema>;

export function normalizeNativeEvent(
  input: NativeEventInput,
  ctx: { defaultOrigin: string; now: Date },
): NormalizedEvent {
  const level = input.level ?? "error";
  const origin = truncate(input.origin || ctx.defaultOrigin, MAX_ORIGIN_LENGTH);
  const key = nativeDefaultKey({ level, title: input.title, origin });
  return {
    eventId: input.eventId ?? generateEventId(),
    title: input.title,
    details: input.details ?? "",
    level,
    environment: normalizeEnvironment(input.environment),
    origin,
    culprit: null,
    occurredAt: input.timestamp ?? ctx.now,
    release: input.release ?? null,
    tags: input.tags ?? {},
    fingerprint: hashFingerprint(resolveFingerprint(input.fingerprint, key)),
    groupingVersion: GROUPING_VERSION,
    payload: null,
  };
}
