import { z } from "zod";
import { ERROR_STATUS_VALUES, LEVEL_VALUES } from "@/db/schema";

// Response bodies of the auth, events and errors routes: documented in the OpenAPI document and
// checked against real answers in the API tests, so neither can drift from the code.

const timestamp = z.iso.datetime();

export const errorBodySchema = z.strictObject({
  error: z.strictObject({
    code: z.string(),
    message: z.string(),
    issues: z
      .array(
        z.strictObject({ path: z.array(z.union([z.string(), z.number()])), message: z.string() }),
      )
      .optional(),
  }),
});

export const publicUserSchema = z.strictObject({
  id: z.number().int(),
  name: z.string(),
  email: z.string(),
  createdAt: timestamp,
});

export const signupResponseSchema = z.strictObject({
  user: publicUserSchema,
  token: z.string().meta({ description: "Personal API token, shown only here." }),
  project: z.strictObject({
    id: z.number().int(),
    name: z.string(),
    slug: z.string(),
    ingestKey: z.strictObject({ id: z.uuid(), name: z.string(), key: z.string() }),
    dsn: z.string().meta({ description: "Sentry DSN with the ingest key, shown only here." }),
  }),
});

export const tokenResponseSchema = z.strictObject({
  token: z.string(),
  tokenInfo: z.strictObject({ id: z.uuid(), name: z.string(), prefix: z.string() }),
  user: publicUserSchema,
});

export const personalTokenSchema = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  createdAt: timestamp,
  lastUsedAt: timestamp.nullable(),
  revokedAt: timestamp.nullable(),
  /** Refused with 401 from then on; null never expires. */
  expiresAt: timestamp.nullable(),
});

export const createdPersonalTokenSchema = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  createdAt: timestamp,
  expiresAt: timestamp.nullable(),
  token: z.string(),
});

export const passwordChangedSchema = z.strictObject({
  changed: z.literal(true),
  /** How many browser sessions were signed out (all but the caller's own). */
  endedSessions: z.number().int(),
});

export const ingestResponseSchema = z.strictObject({
  events: z.array(z.strictObject({ id: z.number().int(), errorId: z.number().int() })),
});

const projectRefSchema = z.strictObject({
  id: z.number().int(),
  slug: z.string(),
  name: z.string(),
});

export const errorListItemSchema = z.strictObject({
  id: z.number().int(),
  title: z.string(),
  level: z.enum(LEVEL_VALUES),
  environment: z.string(),
  origin: z.string(),
  culprit: z.string().nullable(),
  status: z.enum(ERROR_STATUS_VALUES),
  count: z.number().int().meta({ description: "Frequency: how many events the error has." }),
  firstSeen: timestamp,
  lastSeen: timestamp,
  project: projectRefSchema,
});

export const errorListSchema = z.strictObject({
  items: z.array(errorListItemSchema),
  nextCursor: z.string().nullable(),
});

const collectedBySchema = z
  .strictObject({
    name: z.string().nullable(),
    email: z.string().nullable(),
    tokenName: z.string().nullable(),
  })
  .nullable();

export const eventSchema = z.strictObject({
  id: z.number().int(),
  eventId: z.string(),
  errorId: z.number().int(),
  projectId: z.number().int(),
  title: z.string(),
  details: z.string(),
  level: z.enum(LEVEL_VALUES),
  origin: z.string(),
  environment: z.string(),
  release: z.string().nullable(),
  occurredAt: timestamp,
  receivedAt: timestamp,
  tags: z.record(z.string(), z.string()),
  payload: z
    .record(z.string(), z.unknown())
    .nullable()
    .meta({ description: "The SDK event as sent; null for native events." }),
  collectedBy: collectedBySchema,
});

export const eventListSchema = z.strictObject({
  items: z.array(eventSchema.omit({ payload: true })),
  nextCursor: z.string().nullable(),
});

const bucketSchema = z.strictObject({ start: timestamp, count: z.number().int() });

export const errorDetailSchema = errorListItemSchema.extend({
  fingerprint: z.string(),
  groupingVersion: z.number().int(),
  details: z.string().meta({ description: "The latest event's details." }),
  collectedBy: collectedBySchema,
  latestEvent: eventSchema.nullable(),
  counts: z.strictObject({
    hourly: z.array(bucketSchema).meta({ description: "Events per hour over the last 24 hours." }),
    daily: z.array(bucketSchema).meta({ description: "Events per day over the last 14 days." }),
  }),
});

export const bulkResultSchema = z.strictObject({
  action: z.enum(["archive", "unarchive", "delete"]),
  affected: z.array(z.number().int()),
});

export const healthSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  database: z.object({
    status: z.string(),
    kind: z.string().optional(),
    latencyMs: z.number().optional(),
  }),
});
