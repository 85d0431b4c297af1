import { z } from "zod";
import {
  ALERT_CHANNEL_TYPES,
  ALERT_DELIVERY_STATUS_VALUES,
  ALERT_KIND_VALUES,
  LEVEL_VALUES,
} from "@/db/schema";
import { LOCALES } from "../i18n/config";
import { parseText, zodMessage } from "../i18n/server-messages";
import { normalizeEnvironment } from "../ingest/environments";
import { MAX_ENVIRONMENT_LENGTH } from "../ingest/limits";
import { emailSchema } from "./auth";

// Alert rules and their channels (POST and PATCH /api/projects/:id/alert-rules…), and the
// answers of the rules and the delivery log. Documented in the OpenAPI document and checked
// against real answers in tests/api/alert-rules.test.ts.

export const MAX_RULES_PER_PROJECT = 50;
export const MAX_CHANNELS_PER_RULE = 5;
export const MAX_RECIPIENTS = 20;
export const MAX_ENVIRONMENTS_PER_RULE = 20;
export const MAX_WEBHOOK_URL_LENGTH = 2048;
export const DEFAULT_COOLDOWN_MINUTES = 30;
export const MAX_COOLDOWN_MINUTES = 1440;
export const DEFAULT_DIGEST_THRESHOLD = 5;
export const MAX_DIGEST_THRESHOLD = 1000;
export const MAX_FREQUENCY_COUNT = 100_000;
export const MAX_FREQUENCY_MINUTES = 1440;
/** A channel is flagged as failing after this many failed deliveries in a row. */
export const FAILING_AFTER = 3;

export const ALERT_TRIGGER_NAMES = ["newError", "regression", "escalation"] as const;
export type AlertTriggerName = (typeof ALERT_TRIGGER_NAMES)[number];
export type AlertChannelType = (typeof ALERT_CHANNEL_TYPES)[number];

/** The frequency trigger's shape, quoted in messages (JSON, not language). */
const TRIGGER_VALUES = { frequency: '{"frequency": {"count", "minutes"}}' };

const wholeNumber = (name: string, min: number, max: number) =>
  z
    .number(
      zodMessage("ServerValidation.fieldWholeRange", { name, min: String(min), max: String(max) }),
    )
    .int(zodMessage("ServerValidation.fieldWhole", { name }))
    .min(min, zodMessage("ServerValidation.fieldMin", { name, min: String(min) }))
    .max(max, zodMessage("ServerValidation.fieldMax", { name, max: String(max) }));

export const frequencyTriggerSchema = z.strictObject({
  frequency: z
    .strictObject(
      {
        count: wholeNumber("count", 1, MAX_FREQUENCY_COUNT).meta({
          description: "More than this many events of one error…",
        }),
        minutes: wholeNumber("minutes", 1, MAX_FREQUENCY_MINUTES).meta({
          description: "…within this many minutes.",
        }),
      },
      zodMessage("ServerValidation.frequencyShape", { shape: '{"count": N, "minutes": M}' }),
    )
    .meta({ description: "More than `count` events of one error within `minutes`." }),
});

export const alertTriggerSchema = z.union(
  [z.enum(ALERT_TRIGGER_NAMES), frequencyTriggerSchema],
  zodMessage("ServerValidation.triggerHelp", TRIGGER_VALUES),
);

export type AlertTrigger = z.infer<typeof alertTriggerSchema>;

const ruleNameSchema = z
  .string(zodMessage("ServerValidation.ruleNameRequired"))
  .trim()
  .min(1, zodMessage("ServerValidation.ruleNameRequired"))
  .max(100, zodMessage("ServerValidation.ruleNameTooLong"));

/** An environment as events name it; aliases map as on ingest (prod → production…). */
const environmentSchema = z
  .string(zodMessage("ServerValidation.environmentString"))
  .trim()
  .min(1, zodMessage("ServerValidation.environmentEmpty"))
  .max(
    MAX_ENVIRONMENT_LENGTH,
    zodMessage("ServerValidation.environmentTooLong", { max: String(MAX_ENVIRONMENT_LENGTH) }),
  )
  .transform((value) => normalizeEnvironment(value));

const environmentsSchema = z
  .array(environmentSchema, zodMessage("ServerValidation.environmentsList"))
  .min(1, zodMessage("ServerValidation.environmentsMin"))
  .max(
    MAX_ENVIRONMENTS_PER_RULE,
    zodMessage("ServerValidation.environmentsMax", { max: String(MAX_ENVIRONMENTS_PER_RULE) }),
  )
  .transform((list) => [...new Set(list)])
  .nullable()
  .meta({ description: "Only errors of these environments (aliases map); null or absent: all." });

const webhookUrlSchema = z
  .string(zodMessage("ServerValidation.urlString"))
  .trim()
  .min(1, zodMessage("ServerValidation.urlRequired"))
  .max(
    MAX_WEBHOOK_URL_LENGTH,
    zodMessage("ServerValidation.urlTooLong", { max: String(MAX_WEBHOOK_URL_LENGTH) }),
  )
  .refine((value) => {
    if (!URL.canParse(value)) return false;
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  }, zodMessage("ServerValidation.urlScheme"));

const secretSchema = z
  .string(zodMessage("ServerValidation.secretString"))
  .min(16, zodMessage("ServerValidation.secretTooShort"))
  .max(256, zodMessage("ServerValidation.secretTooLong"))
  .regex(/^[\x21-\x7e]+$/, zodMessage("ServerValidation.secretAscii"));

const recipientsSchema = z
  .array(emailSchema, zodMessage("ServerValidation.toList"))
  .min(1, zodMessage("ServerValidation.toMin"))
  .max(MAX_RECIPIENTS, zodMessage("ServerValidation.toMax", { max: String(MAX_RECIPIENTS) }))
  .transform((list) => [...new Set(list.map((email) => email.toLowerCase()))]);

export const alertChannelInputSchema = z
  .object({
    id: z.number(zodMessage("ServerValidation.channelId")).int().positive().optional().meta({
      description:
        "Editing only: an existing channel of the rule, kept with its id, secret and history; url may then be left out to keep it.",
    }),
    type: z.enum(ALERT_CHANNEL_TYPES, {
      ...zodMessage("ServerValidation.channelType", { list: ALERT_CHANNEL_TYPES.join(", ") }),
    }),
    url: webhookUrlSchema.optional().meta({
      description:
        "The webhook URL (not for email): http or https, at most 2048 characters. For Slack an incoming webhook (https://hooks.slack.com/services/…), for Discord a channel webhook, for Teams a Workflows webhook; any http(s) URL is taken (Slack-compatible receivers exist). Never returned: the answers show only its host.",
    }),
    secret: secretSchema.optional().meta({
      description:
        "webhook only: the HMAC-SHA256 signing secret (16–256 printable characters). Absent on a new channel: one is generated and returned once.",
    }),
    rotateSecret: z.boolean().optional().meta({
      description: "webhook only, editing: generate a new secret, returned once in the answer.",
    }),
    to: recipientsSchema.optional().meta({ description: "email only: 1–20 addresses." }),
  })
  .superRefine((channel, ctx) => {
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: "custom", path: [path], message });
    if (channel.type === "email") {
      if (channel.to === undefined) issue("to", "to is required for an email channel.");
      if (channel.url !== undefined) issue("url", "url is not used by an email channel.");
    } else {
      if (channel.url === undefined && channel.id === undefined) {
        issue("url", parseText("ServerValidation.urlRequired"));
      }
      if (channel.to !== undefined) issue("to", parseText("ServerValidation.toEmailOnly"));
    }
    if (channel.type !== "webhook") {
      if (channel.secret !== undefined)
        issue("secret", parseText("ServerValidation.secretWebhookOnly"));
      if (channel.rotateSecret)
        issue("rotateSecret", parseText("ServerValidation.rotateWebhookOnly"));
    }
    if (channel.secret !== undefined && channel.rotateSecret) {
      issue("rotateSecret", parseText("ServerValidation.secretOrRotate"));
    }
  });

export type AlertChannelInput = z.infer<typeof alertChannelInputSchema>;

const channelsSchema = z
  .array(alertChannelInputSchema, zodMessage("ServerValidation.channelsList"))
  .min(1, zodMessage("ServerValidation.channelsMin"))
  .max(
    MAX_CHANNELS_PER_RULE,
    zodMessage("ServerValidation.channelsMax", { max: String(MAX_CHANNELS_PER_RULE) }),
  )
  .superRefine((channels, ctx) => {
    const seen = new Set<number>();
    channels.forEach((channel, index) => {
      if (channel.id === undefined) return;
      if (seen.has(channel.id)) {
        ctx.addIssue({
          code: "custom",
          path: [index, "id"],
          message: parseText("ServerValidation.channelTwice"),
        });
      }
      seen.add(channel.id);
    });
  });

const triggersSchema = z
  .array(alertTriggerSchema, zodMessage("ServerValidation.triggersList", TRIGGER_VALUES))
  .min(1, zodMessage("ServerValidation.triggersMin"))
  .max(4, zodMessage("ServerValidation.triggersMax"))
  .superRefine((triggers, ctx) => {
    const seen = new Set<string>();
    triggers.forEach((trigger, index) => {
      const key = typeof trigger === "string" ? trigger : "frequency";
      if (seen.has(key)) {
        ctx.addIssue({
          code: "custom",
          path: [index],
          message: parseText("ServerValidation.triggerTwice", { key }),
        });
      }
      seen.add(key);
    });
  });

const ruleShape = {
  name: ruleNameSchema,
  enabled: z.boolean(zodMessage("ServerValidation.enabledBoolean")).optional(),
  triggers: triggersSchema,
  environments: environmentsSchema.optional(),
  minLevel: z
    .enum(
      LEVEL_VALUES,
      zodMessage("ServerValidation.minLevelOneOf", { list: LEVEL_VALUES.join(", ") }),
    )
    .optional()
    .meta({ description: "Only errors at this level or above; absent: every level (debug)." }),
  channels: channelsSchema,
  cooldownMinutes: wholeNumber("cooldownMinutes", 0, MAX_COOLDOWN_MINUTES)
    .optional()
    .meta({
      description: `No second alert for the same error within this many minutes (default ${DEFAULT_COOLDOWN_MINUTES}; 0: none).`,
    }),
  locale: z
    .enum(LOCALES, zodMessage("ServerValidation.ruleLocaleOneOf", { list: LOCALES.join(", ") }))
    .optional()
    .meta({
      description:
        "The language of the rule's emails and chat messages; absent on a create: the creating user's language, else en.",
    }),
  digestThreshold: wholeNumber("digestThreshold", 1, MAX_DIGEST_THRESHOLD)
    .optional()
    .meta({
      description: `When more than this many alerts of the rule are due for one channel at once, one message lists them (default ${DEFAULT_DIGEST_THRESHOLD}).`,
    }),
};

/** POST /api/projects/:id/alert-rules. */
export const createAlertRuleSchema = z.object(ruleShape);

/** PATCH …/alert-rules/:ruleId: any of the fields; channels, when sent, replace the rule's. */
export const patchAlertRuleSchema = z
  .object({
    name: ruleShape.name.optional(),
    enabled: ruleShape.enabled,
    triggers: ruleShape.triggers.optional(),
    environments: ruleShape.environments,
    minLevel: ruleShape.minLevel,
    channels: ruleShape.channels.optional(),
    cooldownMinutes: ruleShape.cooldownMinutes,
    digestThreshold: ruleShape.digestThreshold,
    locale: ruleShape.locale,
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    ...zodMessage("ServerValidation.patchEmpty"),
  });

export type CreateAlertRuleInput = z.infer<typeof createAlertRuleSchema>;
export type PatchAlertRuleInput = z.infer<typeof patchAlertRuleSchema>;

// Response bodies.

const timestamp = z.iso.datetime();

export const alertChannelSchema = z.strictObject({
  id: z.number().int(),
  type: z.enum(ALERT_CHANNEL_TYPES),
  target: z.string().meta({
    description:
      "Where it sends, safe to show: the URL's host only (webhook URLs are secrets too), or the email addresses.",
  }),
  to: z.array(z.string()).nullable().meta({ description: "email: the addresses; else null." }),
  hasSecret: z.boolean().meta({ description: "webhook: whether bodies are signed." }),
  secret: z.string().optional().meta({
    description:
      "Only in the answer that generated it (a new webhook channel without a secret, or rotateSecret): copy it now, it is never shown again.",
  }),
  failing: z.boolean().meta({
    description: `${FAILING_AFTER} or more deliveries in a row failed.`,
  }),
  consecutiveFailures: z.number().int(),
  lastFailureAt: timestamp.nullable(),
  lastSuccessAt: timestamp.nullable(),
  createdAt: timestamp,
});

export const alertRuleSchema = z.strictObject({
  id: z.number().int(),
  projectId: z.number().int(),
  name: z.string(),
  enabled: z.boolean(),
  triggers: z.array(alertTriggerSchema),
  environments: z.array(z.string()).nullable(),
  minLevel: z.enum(LEVEL_VALUES),
  cooldownMinutes: z.number().int(),
  digestThreshold: z.number().int(),
  locale: z.enum(LOCALES).meta({ description: "The language of the rule's messages." }),
  channels: z.array(alertChannelSchema),
  createdBy: z.strictObject({ id: z.number().int(), name: z.string() }).nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const alertRuleListSchema = z.strictObject({ items: z.array(alertRuleSchema) });

/** Why an attempt failed: the receiver's (or mail server's) own text, or Error Central's. */
const attemptError = z.string().nullable().meta({
  description:
    "Why it failed: the receiver's own answer as it came (\"HTTP 502: …\"), or Error Central's words in the request's language (Accept-Language); null when it did not fail.",
});

export const alertDeliveryChannelSchema = z.strictObject({
  id: z.number().int(),
  type: z.enum(ALERT_CHANNEL_TYPES),
  target: z.string().meta({ description: "The URL's host, or the email addresses." }),
});

export const alertDeliverySchema = z.strictObject({
  id: z.number().int(),
  ruleId: z.number().int(),
  ruleName: z.string(),
  notificationId: z.number().int(),
  errorId: z.number().int().nullable().meta({ description: "null for a test." }),
  errorTitle: z
    .string()
    .nullable()
    .meta({ description: "The error's title when the alert fired (it may be gone since)." }),
  kind: z.enum(ALERT_KIND_VALUES),
  channel: alertDeliveryChannelSchema,
  status: z.enum(ALERT_DELIVERY_STATUS_VALUES),
  attempts: z.number().int(),
  lastError: attemptError,
  digestId: z
    .number()
    .int()
    .nullable()
    .meta({ description: "Sent inside a digest: the delivery that carried it." }),
  createdAt: timestamp,
  deliveredAt: timestamp.nullable(),
  nextAttemptAt: timestamp.nullable().meta({ description: "While pending: the next try." }),
});

export const alertDeliveryListSchema = z.strictObject({
  items: z.array(alertDeliverySchema),
  nextCursor: z.string().nullable(),
});

export const alertAttemptSchema = z.strictObject({
  at: timestamp,
  statusCode: z.number().int().nullable(),
  error: attemptError,
  durationMs: z.number().int(),
});

export const alertDeliveryDetailSchema = z.strictObject({
  delivery: alertDeliverySchema,
  attempts: z.array(alertAttemptSchema).meta({ description: "Every attempt, oldest first." }),
});

export const alertTestResultSchema = z.strictObject({
  notificationId: z.number().int(),
  deliveries: z.array(
    z.strictObject({
      channelId: z.number().int(),
      type: z.enum(ALERT_CHANNEL_TYPES),
      target: z.string(),
      status: z.enum(ALERT_DELIVERY_STATUS_VALUES),
      lastError: attemptError,
    }),
  ),
});
