import { z } from "zod";
import { TAG_VALUES_PER_KEY } from "@/db/schema";
import { DEFAULT_DELIVERIES_LIMIT } from "./alerts/delivery-log";
import { DEFAULT_ACTIVITY_LIMIT } from "./errors/activity";
import { ERROR_SORTS, ERROR_STATUS_FILTERS, MAX_LIMIT } from "./errors/list-query";
import { DEFAULT_TAG_VALUES } from "./errors/tags";
import { LEVELS } from "./ingest/levels";
import { MAX_RELEASE_LENGTH } from "./ingest/limits";
import { nativeEventSchema } from "./ingest/native";
import { MAX_BATCH_EVENTS } from "./ingest/native-batch";
import { MAX_PAGE_LIMIT } from "./pagination";
import { DEFAULT_RELEASES_LIMIT } from "./releases/releases";
import { accountUpdateSchema } from "./schemas/account";
import {
  alertDeliveryDetailSchema,
  alertDeliveryListSchema,
  alertRuleListSchema,
  alertRuleSchema,
  alertTestResultSchema,
  createAlertRuleSchema,
  FAILING_AFTER,
  MAX_RULES_PER_PROJECT,
  patchAlertRuleSchema,
} from "./schemas/alerts";
import {
  changePasswordSchema,
  createTokenSchema,
  signupSchema,
  TOKEN_MAX_EXPIRY_DAYS,
  tokenRequestSchema,
} from "./schemas/auth";
import { bulkErrorsSchema, errorStatusUpdateSchema } from "./schemas/errors";
import {
  acceptedInvitationSchema,
  createdIngestKeySchema,
  createdProjectSchema,
  createIngestKeySchema,
  createProjectSchema,
  ingestKeyListSchema,
  invitationReceiptSchema,
  inviteSchema,
  memberListSchema,
  myInvitationListSchema,
  patchProjectSchema,
  projectInvitationListSchema,
  projectListSchema,
  projectSchema,
} from "./schemas/projects";
import * as responses from "./schemas/responses";

type Json = Record<string, unknown>;

/** JSON Schema (2020-12, as OpenAPI 3.1 uses) of a zod schema: requests as accepted, responses as sent. */
function schema(zodSchema: z.ZodType, io: "input" | "output"): Json {
  const { $schema: _, ...rest } = z.toJSONSchema(zodSchema, { io, unrepresentable: "any" }) as Json;
  return rest;
}

const jsonBody = (zodSchema: z.ZodType | Json, description?: string) => ({
  required: true,
  ...(description ? { description } : {}),
  content: {
    "application/json": {
      schema: zodSchema instanceof z.ZodType ? schema(zodSchema, "input") : zodSchema,
    },
  },
});

const ok = (zodSchema: z.ZodType, description = "OK") => ({
  description,
  content: { "application/json": { schema: schema(zodSchema, "output") } },
});

const ERROR_RESPONSES: Record<string, string> = {
  "400": "Bad JSON or parameter",
  "401": "Missing, unknown, expired or revoked token, or a signed-out session",
  "403": "The token lacks the right (an ingest key on a read route)",
  "404": "Missing, or not yours",
  "409": "Conflict",
  "413": "Body too large",
  "415": "Unsupported content type or encoding",
  "422": "Schema validation failed; issues[].path names each field",
};

function errors(...codes: string[]) {
  const errorBody = {
    content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
  };
  return Object.fromEntries(
    codes.map((code) => [code, { description: ERROR_RESPONSES[code], ...errorBody }]),
  );
}

const idParam = (name: string, description: string) => ({
  name,
  in: "path",
  required: true,
  description,
  schema: { type: "string" },
});

const query = (name: string, description: string, schemaJson: Json) => ({
  name,
  in: "query",
  required: false,
  description,
  schema: schemaJson,
});

/** The list's filters, sort and page: GET /api/errors and GET /api/errors/live read the same. */
const listParameters = [
  query(
    "environment",
    "production (default), staging, development, other (all non-standard), all, or a name; aliases map",
    { type: "string" },
  ),
  query("level", "Comma-separated levels", {
    type: "string",
    examples: [LEVELS.join(",")],
  }),
  query("origin", "Exact origin", { type: "string" }),
  query("q", "Case-insensitive substring of title or details", {
    type: "string",
    maxLength: 200,
  }),
  query(
    "status",
    "open (default; all when a search filter — q, level or origin — is set), resolved, archived, all",
    { type: "string", enum: [...ERROR_STATUS_FILTERS] },
  ),
  query("release", "Errors seen in this release (exact name)", {
    type: "string",
    maxLength: MAX_RELEASE_LENGTH,
  }),
  query("assignee", "me (the caller), none (nobody), or a user id", {
    type: "string",
    examples: ["me", "none", "42"],
  }),
  query("tag", "key:value (split at the first colon): errors whose events carried that tag", {
    type: "string",
    examples: ["browser:Firefox"],
  }),
  query("project", "Project id or slug (default: your first project)", {
    type: "string",
  }),
  query("sort", "Sort order", {
    type: "string",
    enum: [...ERROR_SORTS],
    default: "frequency",
  }),
  query("cursor", "nextCursor (the page after) or prevCursor (the page before) of a page", {
    type: "string",
  }),
  query("limit", "Page size", {
    type: "integer",
    minimum: 1,
    maximum: MAX_LIMIT,
    default: 25,
  }),
];

const PUBLIC = { security: [] };
const noContent = { "204": { description: "Done; no body" } };

const nativeBatch = {
  oneOf: [
    schema(nativeEventSchema, "input"),
    {
      type: "array",
      items: schema(nativeEventSchema, "input"),
      minItems: 1,
      maxItems: MAX_BATCH_EVENTS,
    },
    {
      type: "object",
      required: ["events"],
      properties: {
        events: {
          type: "array",
          items: schema(nativeEventSchema, "input"),
          minItems: 1,
          maxItems: MAX_BATCH_EVENTS,
        },
      },
    },
  ],
};

function sentryPath(summary: string, description: string) {
  return {
    post: {
      summary,
      description: `${description} Authenticated by the project's ingest key (the DSN's public key) in X-Sentry-Auth, the sentry_key query parameter, or the envelope header's dsn. CORS is answered for browser SDKs.`,
      security: [{ sentryAuth: [] }, { sentryKey: [] }, {}],
      parameters: [
        {
          name: "projectId",
          in: "path",
          required: true,
          description: "The numeric project id of the DSN",
          schema: { type: "string", pattern: "^[0-9]+$" },
        },
        query("sentry_key", "The ingest key, for clients that cannot send headers", {
          type: "string",
        }),
      ],
      requestBody: {
        required: true,
        content: {
          "application/x-sentry-envelope": { schema: { type: "string" } },
          "application/json": { schema: { type: "object" } },
          "text/plain": { schema: { type: "string" } },
        },
      },
      responses: {
        "200": {
          description: "Accepted",
          content: {
            "application/json": {
              schema: { type: "object", properties: { id: { type: "string" } } },
            },
          },
        },
        ...errors("400", "401", "403", "404", "413", "415"),
        "429": {
          description: "The project is over its quota; see Retry-After and X-Sentry-Rate-Limits",
        },
      },
    },
  };
}

/**
 * The OpenAPI 3.1 document, built from the same zod schemas the routes validate with. It stays
 * English whatever the request's language: it is a machine contract, read by tools and SDK
 * generators as written. Only the API guide's rendering of it is translated: its summaries,
 * descriptions, parameters and responses are in the docs catalogue's DocsOpenApi namespace (see
 * lib/openapi-texts.ts), and lib/openapi-view.test.ts fails until a new or changed text is there
 * in both languages.
 */
export function buildOpenApiDocument(serverUrl?: string): Json {
  return {
    openapi: "3.1.0",
    info: {
      title: "Error Central API",
      version: "1.0.0",
      description:
        "Send events in, triage grouped errors out. All JSON is camelCase. Protected routes take `Authorization: Bearer <token>`: a personal token (everything in your projects) or, for sending events only, a project ingest key. Error messages follow `Accept-Language` (English, or Brazilian Portuguese for `pt`); their `code`s, fields and issue paths never change.",
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    security: [{ bearer: [] }],
    components: {
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description: "A personal token (ecp_…) or an ingest key (32 hex characters)",
        },
      },
      schemas: { Error: schema(responses.errorBodySchema, "output") },
    },
    paths: {
      "/api/health": {
        get: {
          summary: "Service and database health",
          ...PUBLIC,
          responses: {
            "200": ok(responses.healthSchema),
            "503": { description: "Database unreachable" },
          },
        },
      },
      "/api/openapi.json": {
        get: {
          summary: "This document",
          ...PUBLIC,
          responses: { "200": { description: "OpenAPI 3.1 document" } },
        },
      },
      "/api/auth/signup": {
        post: {
          summary: "Create an account, its first project, an ingest key and a personal token",
          ...PUBLIC,
          requestBody: jsonBody(signupSchema),
          responses: {
            "201": ok(responses.signupResponseSchema, "Created"),
            ...errors("400", "409", "413", "415", "422"),
          },
        },
      },
      "/api/auth/token": {
        post: {
          summary: "Exchange email and password for a new personal token",
          ...PUBLIC,
          requestBody: jsonBody(tokenRequestSchema),
          responses: { "200": ok(responses.tokenResponseSchema), ...errors("400", "401", "422") },
        },
      },
      "/api/tokens": {
        get: {
          summary: "Your personal tokens (prefix only)",
          responses: {
            "200": ok(z.strictObject({ items: z.array(responses.personalTokenSchema) })),
            ...errors("401", "403"),
          },
        },
        post: {
          summary: "Create a personal token (shown once)",
          description: `expiresInDays (1 to ${TOKEN_MAX_EXPIRY_DAYS}) makes the token stop working that many days from now, with 401 like a revoked one; absent or null, it never expires.`,
          requestBody: jsonBody(createTokenSchema),
          responses: {
            "201": ok(responses.createdPersonalTokenSchema, "Created"),
            ...errors("401", "403", "422"),
          },
        },
      },
      "/api/account": {
        patch: {
          summary: "Update your account (its language)",
          description:
            'locale is "en" or "pt-BR": pages follow it in every browser the user signs in from. null goes back to the browser\'s Accept-Language.',
          requestBody: jsonBody(accountUpdateSchema),
          responses: {
            "200": ok(responses.accountSchema),
            ...errors("400", "401", "403", "413", "415", "422"),
          },
        },
      },
      "/api/account/password": {
        post: {
          summary: "Change your password",
          description:
            "The current password is required (a wrong one is a 422 naming currentPassword); the new one follows sign-up's rules. Every browser session of the user is signed out except the caller's own; personal tokens keep working.",
          requestBody: jsonBody(changePasswordSchema),
          responses: {
            "200": ok(responses.passwordChangedSchema),
            ...errors("400", "401", "403", "413", "415", "422"),
          },
        },
      },
      "/api/tokens/{id}": {
        delete: {
          summary: "Revoke a personal token",
          parameters: [idParam("id", "Token id (UUID)")],
          responses: { ...noContent, ...errors("401", "404") },
        },
      },
      "/api/events": {
        post: {
          summary: "Ingest one event, an array, or {events: [...]}",
          description: `At most ${MAX_BATCH_EVENTS} events and 1 MiB a request; a batch is stored whole or not at all. A repeated eventId returns the first result and counts once. Ingest keys and personal tokens.`,
          requestBody: jsonBody(nativeBatch),
          responses: {
            "201": ok(responses.ingestResponseSchema, "Stored"),
            ...errors("400", "401", "403", "404", "413", "415", "422"),
            "503": { description: "Database unavailable; retry after Retry-After" },
          },
        },
      },
      "/api/errors": {
        get: {
          summary: "List grouped errors",
          parameters: listParameters,
          responses: {
            "200": ok(responses.errorListSchema),
            ...errors("400", "401", "403", "404"),
          },
        },
      },
      "/api/errors/live": {
        get: {
          summary:
            "What an open list polls: the ids of the page the same parameters list now, and the counters (count, lastSeen, status) of those errors and of the shown ones",
          parameters: [
            ...listParameters,
            query("shown", "The ids on screen (comma-separated, up to the page size limit)", {
              type: "string",
              examples: ["12,7,31"],
            }),
          ],
          responses: {
            "200": ok(responses.liveErrorListSchema),
            ...errors("400", "401", "403", "404"),
          },
        },
      },
      "/api/errors/bulk": {
        post: {
          summary:
            "Archive (with an optional condition), unarchive, resolve (now or in the next release), reopen, assign or delete many errors",
          requestBody: jsonBody(bulkErrorsSchema),
          responses: {
            "200": ok(responses.bulkResultSchema),
            ...errors("400", "401", "403", "422"),
          },
        },
      },
      "/api/errors/{id}": {
        get: {
          summary:
            "One error with its latest details, collectedBy, counts, triage state (resolution, archive, why it reopened, assignee) and releases",
          parameters: [idParam("id", "Error id")],
          responses: { "200": ok(responses.errorDetailSchema), ...errors("401", "403", "404") },
        },
        patch: {
          summary:
            "Change an error's status (open, resolved now or in the next release, archived with an optional condition) and/or its assignee (a project member, or null)",
          parameters: [idParam("id", "Error id")],
          requestBody: jsonBody(errorStatusUpdateSchema),
          responses: {
            "200": ok(
              responses.errorDetailSchema.omit({
                details: true,
                collectedBy: true,
                latestEvent: true,
                counts: true,
              }),
            ),
            ...errors("400", "401", "404", "422"),
          },
        },
        delete: {
          summary: "Delete the error and all its events",
          parameters: [idParam("id", "Error id")],
          responses: { ...noContent, ...errors("401", "404") },
        },
      },
      "/api/errors/{id}/live": {
        get: {
          summary:
            "What an open error's page polls: its count, lastSeen, status and latest event id",
          parameters: [idParam("id", "Error id")],
          responses: { "200": ok(responses.liveErrorSchema), ...errors("401", "403", "404") },
        },
      },
      "/api/errors/{id}/events": {
        get: {
          summary: "The error's events, newest first",
          parameters: [
            idParam("id", "Error id"),
            query("cursor", "nextCursor of the previous page", { type: "string" }),
            query("limit", "Page size", { type: "integer", minimum: 1, maximum: 100, default: 25 }),
          ],
          responses: { "200": ok(responses.eventListSchema), ...errors("400", "401", "404") },
        },
      },
      "/api/errors/{id}/events/{eventId}": {
        get: {
          summary:
            "One event of the error in full (with the SDK payload) and the ids of its newest, newer, older and oldest neighbours",
          description:
            "`eventId` is the event's row id (`id`, digits only). Any other value is read as the client's event id (Sentry's `event_id`, the native `eventId`) and answered with 307 to the row id's URL. An event of another error, or of an error outside your projects, is a 404.",
          parameters: [idParam("id", "Error id"), idParam("eventId", "Event row id")],
          responses: {
            "200": ok(responses.errorEventSchema),
            "307": { description: "Named by its client event id: Location is the row id's URL" },
            ...errors("401", "404"),
          },
        },
      },
      "/api/errors/{id}/activity": {
        get: {
          summary:
            "The error's activity, newest first: changes of status, assignee and resolution, regressions and escalations",
          parameters: [
            idParam("id", "Error id"),
            query("cursor", "nextCursor of the previous page", { type: "string" }),
            query("limit", "Page size", {
              type: "integer",
              minimum: 1,
              maximum: MAX_PAGE_LIMIT,
              default: DEFAULT_ACTIVITY_LIMIT,
            }),
          ],
          responses: { "200": ok(responses.activityListSchema), ...errors("400", "401", "404") },
        },
      },
      "/api/errors/{id}/tags": {
        get: {
          summary:
            "The error's tag breakdown: each tag key with its most frequent values, their counts, first and last seen",
          description: `Kept as counters by the ingest write: the SDK's tags and those derived from the event (browser, os, runtime, server_name, user, url, transaction, handled, mechanism), and the key \`release\` from the events' releases. Each key counts at most ${TAG_VALUES_PER_KEY} distinct values; events of further values are counted in \`otherValues\`. A value filters the list with \`tag=key:value\`.`,
          parameters: [
            idParam("id", "Error id"),
            query("values", "Values per key", {
              type: "integer",
              minimum: 1,
              maximum: TAG_VALUES_PER_KEY,
              default: DEFAULT_TAG_VALUES,
            }),
          ],
          responses: { "200": ok(responses.errorTagsSchema), ...errors("400", "401", "404") },
        },
      },
      "/api/events/{id}": {
        get: {
          summary: "One event, with the SDK payload",
          parameters: [idParam("id", "Event id")],
          responses: { "200": ok(responses.eventSchema), ...errors("401", "404") },
        },
        delete: {
          summary: "Delete one event; its error's count follows",
          parameters: [idParam("id", "Event id")],
          responses: { ...noContent, ...errors("401", "404") },
        },
      },
      "/api/{projectId}/envelope": sentryPath(
        "Sentry envelope endpoint (also with a trailing slash)",
        "A Sentry envelope: a JSON header line, then item header and payload lines. Its event item is stored (at most one event item, else 400); other item types are accepted and skipped. Up to 4 MiB decompressed (else 413), an event up to 1 MiB; gzip, deflate and br bodies accepted.",
      ),
      "/api/{projectId}/store": sentryPath(
        "Sentry store endpoint, one event (also with a trailing slash)",
        "One Sentry event as JSON, up to 1 MiB decompressed; gzip, deflate and br bodies accepted, and without a Content-Encoding also base64(zlib(json)), base64 JSON or plain zlib, as legacy SDKs send.",
      ),
      "/api/cron/prune": {
        get: {
          summary: "Retention: remove events older than RETENTION_DAYS (default 90), in batches",
          description:
            "For Vercel Cron (vercel.json). Authenticated by Authorization: Bearer <CRON_SECRET>, not by a user token. Works for up to 45 s a call and says whether it finished.",
          security: [{ cronSecret: [] }],
          responses: {
            "200": { description: "{eventsDeleted, errorsDeleted, batches, complete, cutoff}" },
            ...errors("401"),
          },
        },
      },
      "/api/projects": {
        get: {
          summary: "Your projects",
          responses: { "200": ok(projectListSchema), ...errors("401", "403") },
        },
        post: {
          summary: "Create a project with a default ingest key (shown once)",
          requestBody: jsonBody(createProjectSchema),
          responses: { "201": ok(createdProjectSchema, "Created"), ...errors("400", "401", "422") },
        },
      },
      "/api/projects/{id}": {
        get: {
          summary: "One project",
          parameters: [idParam("id", "Project id or slug")],
          responses: { "200": ok(projectSchema), ...errors("401", "404") },
        },
        patch: {
          summary: "Rename, or set the ingest quota in events a minute (owners)",
          parameters: [idParam("id", "Project id or slug")],
          requestBody: jsonBody(patchProjectSchema),
          responses: { "200": ok(projectSchema), ...errors("401", "403", "404", "422") },
        },
      },
      "/api/projects/{id}/releases": {
        get: {
          summary:
            "Releases, newest first (in the order the project first saw them), with their events, first and last seen, and new errors",
          parameters: [
            idParam("id", "Project id or slug"),
            query("cursor", "nextCursor of the previous page", { type: "string" }),
            query("limit", "Page size", {
              type: "integer",
              minimum: 1,
              maximum: MAX_PAGE_LIMIT,
              default: DEFAULT_RELEASES_LIMIT,
            }),
          ],
          responses: { "200": ok(responses.releaseListSchema), ...errors("400", "401", "404") },
        },
      },
      "/api/projects/{id}/alert-rules": {
        get: {
          summary: "Alert rules with their channels (any member)",
          description: `Channels show where they send (\`target\`: a webhook URL's host only, or the email addresses), never the URL or the secret. \`failing\` marks a channel whose last ${FAILING_AFTER} or more deliveries failed.`,
          parameters: [idParam("id", "Project id or slug")],
          responses: { "200": ok(alertRuleListSchema), ...errors("401", "403", "404") },
        },
        post: {
          summary: "Create an alert rule (owners)",
          description: `At least one trigger and one channel (at most 5). A webhook channel without a secret gets a generated one (32 random bytes, base64url), returned in this answer only. Slack, Discord and Teams take their incoming webhook URL; any http(s) URL is accepted. At most ${MAX_RULES_PER_PROJECT} rules a project (409 past it).`,
          parameters: [idParam("id", "Project id or slug")],
          requestBody: jsonBody(createAlertRuleSchema),
          responses: {
            "201": ok(alertRuleSchema, "Created"),
            ...errors("400", "401", "403", "404", "409", "413", "415", "422"),
          },
        },
      },
      "/api/projects/{id}/alert-rules/{ruleId}": {
        get: {
          summary: "One alert rule (any member)",
          parameters: [idParam("id", "Project id or slug"), idParam("ruleId", "Rule id")],
          responses: { "200": ok(alertRuleSchema), ...errors("401", "403", "404") },
        },
        patch: {
          summary: "Change an alert rule (owners)",
          description:
            "Any of the fields. `channels`, when sent, become the rule's channels: one with the `id` of an existing channel keeps it (its secret and history; leave `url` out to keep the URL), one without an id that sends exactly where an existing channel sends keeps that one, the others are new; channels left out are deleted with their deliveries. `rotateSecret: true` on a webhook channel generates a new secret, returned in this answer only.",
          parameters: [idParam("id", "Project id or slug"), idParam("ruleId", "Rule id")],
          requestBody: jsonBody(patchAlertRuleSchema),
          responses: {
            "200": ok(alertRuleSchema),
            ...errors("400", "401", "403", "404", "413", "415", "422"),
          },
        },
        delete: {
          summary: "Delete an alert rule with its channels and delivery log (owners)",
          parameters: [idParam("id", "Project id or slug"), idParam("ruleId", "Rule id")],
          responses: { ...noContent, ...errors("401", "403", "404") },
        },
      },
      "/api/projects/{id}/alert-rules/{ruleId}/test": {
        post: {
          summary: "Send a test alert to every channel of the rule, now (owners)",
          description:
            'A sample error ("Test alert from Error Central") is sent to each channel at once, not waiting for the delivery loop, and logged like any alert (kind test). The answer says how each channel took it: delivered, or failed with the reason. No body.',
          parameters: [idParam("id", "Project id or slug"), idParam("ruleId", "Rule id")],
          responses: { "200": ok(alertTestResultSchema), ...errors("401", "403", "404") },
        },
      },
      "/api/projects/{id}/alert-deliveries": {
        get: {
          summary: "The delivery log: every alert sent or being sent to a channel, newest first",
          parameters: [
            idParam("id", "Project id or slug"),
            query("status", "Only deliveries in this state", {
              type: "string",
              enum: ["pending", "delivered", "failed"],
            }),
            query("ruleId", "Only this rule's", { type: "integer", minimum: 1 }),
            query("errorId", "Only the alerts of this error", { type: "integer", minimum: 1 }),
            query("channel", "Only channels of this type", {
              type: "string",
              enum: ["webhook", "slack", "discord", "teams", "email"],
            }),
            query("cursor", "nextCursor of the previous page", { type: "string" }),
            query("limit", "Page size", {
              type: "integer",
              minimum: 1,
              maximum: MAX_PAGE_LIMIT,
              default: DEFAULT_DELIVERIES_LIMIT,
            }),
          ],
          responses: {
            "200": ok(alertDeliveryListSchema),
            ...errors("400", "401", "403", "404"),
          },
        },
      },
      "/api/projects/{id}/alert-deliveries/{deliveryId}": {
        get: {
          summary: "One delivery with every attempt (time, HTTP status or error, duration)",
          parameters: [idParam("id", "Project id or slug"), idParam("deliveryId", "Delivery id")],
          responses: { "200": ok(alertDeliveryDetailSchema), ...errors("401", "403", "404") },
        },
      },
      "/api/projects/{id}/keys": {
        get: {
          summary: "Ingest keys (prefix only)",
          parameters: [idParam("id", "Project id or slug")],
          responses: { "200": ok(ingestKeyListSchema), ...errors("401", "404") },
        },
        post: {
          summary: "Create an ingest key (key and DSN shown once)",
          parameters: [idParam("id", "Project id or slug")],
          requestBody: jsonBody(createIngestKeySchema),
          responses: {
            "201": ok(createdIngestKeySchema, "Created"),
            ...errors("401", "404", "422"),
          },
        },
      },
      "/api/projects/{id}/keys/{keyId}": {
        delete: {
          summary: "Revoke an ingest key",
          parameters: [idParam("id", "Project id or slug"), idParam("keyId", "Key id (UUID)")],
          responses: { ...noContent, ...errors("401", "403", "404") },
        },
      },
      "/api/projects/{id}/members": {
        get: {
          summary: "Members",
          parameters: [idParam("id", "Project id or slug")],
          responses: { "200": ok(memberListSchema), ...errors("401", "404") },
        },
        post: {
          summary: "Invite by email (owners); the same as POST /api/projects/{id}/invitations",
          parameters: [idParam("id", "Project id or slug")],
          requestBody: jsonBody(inviteSchema),
          responses: {
            "202": ok(
              invitationReceiptSchema,
              "Invited (whether or not the address has an account)",
            ),
            ...errors("401", "403", "404", "409", "422"),
          },
        },
      },
      "/api/projects/{id}/invitations": {
        get: {
          summary: "Pending invitations (owners)",
          parameters: [idParam("id", "Project id or slug")],
          responses: { "200": ok(projectInvitationListSchema), ...errors("401", "403", "404") },
        },
        post: {
          summary:
            "Invite by email (owners). Same answer for any address; inviting again renews the link and expiry; emails a link when SMTP is configured",
          parameters: [idParam("id", "Project id or slug")],
          requestBody: jsonBody(inviteSchema),
          responses: {
            "202": ok(
              invitationReceiptSchema,
              "Invited (whether or not the address has an account)",
            ),
            ...errors("401", "403", "404", "409", "422"),
          },
        },
      },
      "/api/projects/{id}/invitations/{invitationId}": {
        delete: {
          summary: "Revoke a pending invitation (owners)",
          parameters: [
            idParam("id", "Project id or slug"),
            idParam("invitationId", "Invitation id (UUID)"),
          ],
          responses: { ...noContent, ...errors("401", "403", "404") },
        },
      },
      "/api/invitations": {
        get: {
          summary: "Pending invitations sent to your email address",
          responses: { "200": ok(myInvitationListSchema), ...errors("401") },
        },
      },
      "/api/invitations/{invitationId}/accept": {
        post: {
          summary: "Accept an invitation sent to you: join the project as a member",
          parameters: [idParam("invitationId", "Invitation id (UUID)")],
          responses: {
            "200": ok(acceptedInvitationSchema),
            ...errors("401", "404"),
          },
        },
      },
      "/api/invitations/{invitationId}/decline": {
        post: {
          summary: "Decline an invitation sent to you",
          parameters: [idParam("invitationId", "Invitation id (UUID)")],
          responses: { ...noContent, ...errors("401", "404") },
        },
      },
      "/api/projects/{id}/members/{userId}": {
        delete: {
          summary: "Remove a member (owners, or yourself)",
          parameters: [idParam("id", "Project id or slug"), idParam("userId", "User id")],
          responses: { ...noContent, ...errors("401", "403", "404", "409") },
        },
      },
    },
  };
}
