import { z } from "zod";
import {
  ACTIVITY_KIND_VALUES,
  ERROR_STATUS_VALUES,
  ERROR_SUBSTATUS_VALUES,
  LEVEL_VALUES,
  RESOLUTION_VALUES,
  TAG_VALUES_PER_KEY,
} from "@/db/schema";
import { LOCALES } from "../i18n/config";
import { BULK_ACTIONS } from "./errors";

// Response bodies of the auth, events and errors routes: documented in the OpenAPI document and
// checked against real answers in the API tests, so neither can drift from the code.

const timestamp = z.iso.datetime();

export const errorBodySchema = z.strictObject({
  error: z.strictObject({
    code: z.string().meta({ description: "Stable: what went wrong, for programs." }),
    message: z.string().meta({
      description: "For people, in the language of Accept-Language (en, or pt-BR for pt).",
    }),
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

/** PATCH /api/account: the language now saved on the account (null: the browser decides). */
export const accountSchema = z.strictObject({
  locale: z.enum(LOCALES).nullable(),
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

const userRefSchema = z.strictObject({ id: z.number().int(), name: z.string() });

export const errorListItemSchema = z.strictObject({
  id: z.number().int(),
  title: z.string(),
  level: z.enum(LEVEL_VALUES),
  environment: z.string(),
  origin: z.string(),
  culprit: z.string().nullable(),
  status: z.enum(ERROR_STATUS_VALUES),
  substatus: z.enum(ERROR_SUBSTATUS_VALUES).nullable().meta({
    description:
      "Why an open error came back by itself: regressed (an event after a resolve) or escalating (an archive condition met); null otherwise.",
  }),
  regressedAt: timestamp.nullable().meta({ description: "When it last regressed." }),
  assignee: userRefSchema.nullable(),
  eventsSinceStatus: z.number().int().meta({
    description:
      "Events since the status last changed: for an archived error, since it was archived.",
  }),
  count: z.number().int().meta({ description: "Frequency: how many events the error has." }),
  firstSeen: timestamp,
  lastSeen: timestamp,
  project: projectRefSchema,
});

export const errorListSchema = z.strictObject({
  items: z.array(errorListItemSchema),
  nextCursor: z.string().nullable(),
  /** The page before this one (same filters and sort); null on the first page. */
  prevCursor: z.string().nullable(),
});

export const liveErrorStateSchema = z.strictObject({
  id: z.number().int(),
  count: z.number().int(),
  lastSeen: timestamp,
  status: z.enum(ERROR_STATUS_VALUES),
  substatus: z.enum(ERROR_SUBSTATUS_VALUES).nullable(),
  eventsSinceStatus: z.number().int(),
});

export const liveErrorListSchema = z.strictObject({
  ids: z.array(z.number().int()).meta({
    description: "The ids of the page the same parameters list now, in order.",
  }),
  errors: z.array(liveErrorStateSchema).meta({
    description: "The counters of those errors and of the `shown` ones still in the project.",
  }),
});

export const liveErrorSchema = liveErrorStateSchema.extend({
  latestEventId: z
    .number()
    .int()
    .nullable()
    .meta({ description: "The row id of its latest event, as the detail shows it." }),
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

const eventIdOrNull = (description: string) => z.number().int().nullable().meta({ description });

export const errorEventSchema = eventSchema.extend({
  navigation: z
    .strictObject({
      newest: eventIdOrNull("The error's newest event (by occurredAt, then id)."),
      newer: eventIdOrNull("The next newer event; null on the newest."),
      older: eventIdOrNull("The next older event; null on the oldest."),
      oldest: eventIdOrNull("The error's oldest event."),
    })
    .meta({
      description:
        "Row ids of the events around this one, in the order GET /api/errors/{id}/events lists them.",
    }),
});

const bucketSchema = z.strictObject({ start: timestamp, count: z.number().int() });

const untilRateSchema = z
  .strictObject({ count: z.number().int(), minutes: z.number().int() })
  .nullable()
  .meta({ description: "count events within minutes minutes" });

const archiveConditionShape = {
  until: timestamp.nullable(),
  untilEvents: z.number().int().nullable(),
  untilRate: untilRateSchema,
};

export const releaseCountSchema = z.strictObject({
  name: z.string(),
  count: z.number().int().meta({ description: "The error's events in this release." }),
  firstSeen: timestamp,
  lastSeen: timestamp,
});

/** The error as GET /api/errors/:id and PATCH /api/errors/:id show it, without its latest event. */
export const errorViewSchema = errorListItemSchema.extend({
  fingerprint: z.string(),
  groupingVersion: z.number().int(),
  firstRelease: z.string().nullable().meta({ description: "The release it was first seen in." }),
  lastRelease: z.string().nullable().meta({ description: "The release it was last seen in." }),
  resolution: z
    .strictObject({
      kind: z.enum(RESOLUTION_VALUES),
      resolvedAt: timestamp.nullable(),
      resolvedBy: userRefSchema.nullable(),
      inRelease: z.string().nullable().meta({
        description:
          "inNextRelease: the release it was last seen in; events from it or older ones do not regress it.",
      }),
    })
    .nullable()
    .meta({ description: "Set while the error is resolved." }),
  archive: z
    .strictObject({
      archivedAt: timestamp.nullable(),
      archivedBy: userRefSchema.nullable(),
      ...archiveConditionShape,
      eventsSinceArchived: z.number().int(),
    })
    .nullable()
    .meta({ description: "Set while the error is archived: the condition that ends it, if any." }),
  reopened: z
    .strictObject({
      reason: z.enum(["regression", "escalation"]),
      at: timestamp.nullable(),
      resolution: z.enum(RESOLUTION_VALUES).nullable(),
      resolvedAt: timestamp.nullable(),
      resolvedBy: userRefSchema.nullable(),
      resolvedInRelease: z.string().nullable(),
      archivedAt: timestamp.nullable(),
      archivedBy: userRefSchema.nullable(),
      condition: z.strictObject(archiveConditionShape).nullable(),
      eventsSinceArchived: z.number().int().nullable(),
      eventId: z.string().nullable().meta({ description: "The event that reopened it." }),
      eventRef: z
        .number()
        .int()
        .nullable()
        .meta({ description: "Its id for GET /api/events/:id." }),
      release: z.string().nullable(),
    })
    .nullable()
    .meta({
      description:
        "Why it reopened by itself (substatus set): a regression, with who resolved it and the event and release that reopened it, or an escalation, with who archived it and the condition met. Fields of the other reason are null.",
    }),
  releases: z
    .array(releaseCountSchema)
    .meta({ description: "Its releases, the 20 most recently seen." }),
});

export const errorDetailSchema = errorViewSchema.extend({
  details: z.string().meta({ description: "The latest event's details." }),
  collectedBy: collectedBySchema,
  latestEvent: eventSchema.nullable(),
  counts: z.strictObject({
    hourly: z.array(bucketSchema).meta({ description: "Events per hour over the last 24 hours." }),
    daily: z.array(bucketSchema).meta({ description: "Events per day over the last 14 days." }),
  }),
});

export const releaseListSchema = z.strictObject({
  items: z.array(
    z.strictObject({
      name: z.string(),
      firstSeen: timestamp.meta({
        description: "Its oldest stored event; when it was first seen if none is left.",
      }),
      lastSeen: timestamp
        .nullable()
        .meta({ description: "Its newest stored event; null if none is left." }),
      newErrors: z.number().int().meta({ description: "Errors first seen in this release." }),
      events: z.number().int().meta({ description: "Stored events in this release." }),
    }),
  ),
  nextCursor: z.string().nullable(),
});

export const activityListSchema = z.strictObject({
  items: z.array(
    z.strictObject({
      id: z.number().int(),
      at: timestamp,
      actor: userRefSchema.nullable().meta({
        description: "Who did it; null for Error Central itself (a regression or an escalation).",
      }),
      kind: z.enum(ACTIVITY_KIND_VALUES),
      detail: z.record(z.string(), z.unknown()),
    }),
  ),
  nextCursor: z.string().nullable(),
});

export const errorTagsSchema = z.strictObject({
  eventCount: z
    .number()
    .int()
    .meta({ description: "Every event of the error: the base of each share." }),
  keys: z.array(
    z.strictObject({
      key: z.string(),
      total: z.number().int().meta({ description: "Events of the error that carried this key." }),
      distinct: z
        .number()
        .int()
        .meta({
          description: `Values counted one by one; a key keeps at most ${TAG_VALUES_PER_KEY}.`,
        }),
      top: z.array(
        z.strictObject({
          value: z.string(),
          count: z.number().int(),
          firstSeen: timestamp,
          lastSeen: timestamp,
        }),
      ),
      otherValues: z.number().int().meta({
        description: "Events whose value came after the key held its bound of distinct values.",
      }),
    }),
  ),
});

export const bulkResultSchema = z.strictObject({
  action: z.enum(BULK_ACTIONS),
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
