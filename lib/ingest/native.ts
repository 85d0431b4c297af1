import { z } from "zod";
import type { NormalizedEvent } from "@/db/normalized-event";
import { parseText, zodMessage } from "../i18n/server-messages";
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

const PROJECT_MESSAGE = zodMessage("ServerIngest.project");

const timestampSchema = z
  .union([z.string(), z.number()], zodMessage("ServerIngest.timestampType"))
  .transform((value, ctx) => {
    const date =
      typeof value === "number"
        ? fromEpochSeconds(value)
        : parseIsoDateTime(value, { assumeUtc: false });
    if (!date) {
      ctx.addIssue({
        code: "custom",
        message: parseText("ServerIngest.timestampZone"),
      });
      return z.NEVER;
    }
    if (isTooFarInFuture(date, new Date())) {
      ctx.addIssue({
        code: "custom",
        message: parseText("ServerIngest.timestampFuture", {
          hours: String(MAX_FUTURE_MS / 3_600_000),
        }),
      });
      return z.NEVER;
    }
    return date;
  });

const tagValueSchema = z
  .union([z.string(), z.number(), z.boolean()], zodMessage("ServerIngest.tagValueType"))
  .transform(String)
  .pipe(
    z
      .string()
      .max(
        MAX_TAG_VALUE_LENGTH,
        zodMessage("ServerIngest.tagValueTooLong", { max: String(MAX_TAG_VALUE_LENGTH) }),
      ),
  );

const tagsSchema = z
  .record(z.string().min(1).max(MAX_TAG_KEY_LENGTH), tagValueSchema, {
    error: (issue) => {
      if (issue.code === "invalid_key")
        return parseText("ServerIngest.tagKey", { max: String(MAX_TAG_KEY_LENGTH) });
      if (issue.code === "invalid_type") return parseText("ServerIngest.tagsType");
      return undefined;
    },
  })
  // zod builds the output object by assignment, so a "__proto__" key from JSON is dropped, never followed.
  .refine(
    (tags) => Object.keys(tags).length <= MAX_TAGS,
    zodMessage("ServerIngest.tagsMax", { max: String(MAX_TAGS) }),
  );

/**
 * The native event (`POST /api/events`), as the API documents it. Unknown fields are ignored rather
 * than rejected, so clients and SDK wrappers can send extra data without breaking.
 */
export const nativeEventSchema = z.object(
  {
    title: z
      .string({
        error: (issue) =>
          parseText(
            issue.input === undefined ? "ServerIngest.titleRequired" : "ServerIngest.titleType",
          ),
      })
      .trim()
      .min(1, zodMessage("ServerIngest.titleEmpty"))
      .max(
        MAX_TITLE_LENGTH,
        zodMessage("ServerIngest.tooLong", { field: "title", max: String(MAX_TITLE_LENGTH) }),
      ),
    details: z
      .string(zodMessage("ServerIngest.notString", { field: "details" }))
      .max(
        MAX_DETAILS_LENGTH,
        zodMessage("ServerIngest.detailsTooLong", { max: String(MAX_DETAILS_LENGTH) }),
      )
      .optional(),
    level: z
      .preprocess(
        (value) => parseLevel(value) ?? value,
        z.enum(LEVELS, zodMessage("ServerIngest.level", { list: LEVELS.join(", ") })),
      )
      .optional(),
    environment: z
      .string(zodMessage("ServerIngest.notString", { field: "environment" }))
      .max(
        MAX_ENVIRONMENT_LENGTH,
        zodMessage("ServerIngest.tooLong", {
          field: "environment",
          max: String(MAX_ENVIRONMENT_LENGTH),
        }),
      )
      .optional(),
    origin: z
      .string(zodMessage("ServerIngest.notString", { field: "origin" }))
      .trim()
      .max(
        MAX_ORIGIN_LENGTH,
        zodMessage("ServerIngest.tooLong", { field: "origin", max: String(MAX_ORIGIN_LENGTH) }),
      )
      .optional(),
    timestamp: timestampSchema.optional(),
    release: z
      .string(zodMessage("ServerIngest.notString", { field: "release" }))
      .trim()
      .min(1, zodMessage("ServerIngest.empty", { field: "release" }))
      .max(
        MAX_RELEASE_LENGTH,
        zodMessage("ServerIngest.tooLong", { field: "release", max: String(MAX_RELEASE_LENGTH) }),
      )
      .meta({ description: "The version of the application that sent the event" })
      .optional(),
    fingerprint: z
      .array(
        z
          .union([z.string(), z.number()], zodMessage("ServerIngest.fingerprintItemType"))
          .transform(String)
          .pipe(z.string().max(255, zodMessage("ServerIngest.fingerprintItemTooLong"))),
        zodMessage("ServerIngest.fingerprintType"),
      )
      .min(1, zodMessage("ServerIngest.empty", { field: "fingerprint" }))
      .max(20, zodMessage("ServerIngest.fingerprintMax"))
      .optional(),
    tags: tagsSchema.optional(),
    eventId: z
      .string(zodMessage("ServerIngest.notString", { field: "eventId" }))
      .regex(/^[A-Za-z0-9_.:-]{1,64}$/, zodMessage("ServerIngest.eventId"))
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
        PROJECT_MESSAGE,
      )
      .optional(),
  },
  zodMessage("ServerIngest.eventObject"),
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
