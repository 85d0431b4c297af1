import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";

export const LEVEL_VALUES = ["fatal", "error", "warning", "info", "debug"] as const;
export const ERROR_STATUS_VALUES = ["open", "resolved", "archived"] as const;
/** Why an open error came back by itself: an event after a resolve, or an archive condition met. */
export const ERROR_SUBSTATUS_VALUES = ["regressed", "escalating"] as const;
export const RESOLUTION_VALUES = ["now", "inNextRelease"] as const;
export const ACTIVITY_KIND_VALUES = [
  "resolved",
  "archived",
  "reopened",
  "assigned",
  "unassigned",
  "regression",
  "escalation",
] as const;
export const MEMBER_ROLE_VALUES = ["owner", "member"] as const;
export const TOKEN_KIND_VALUES = ["personal", "ingest"] as const;

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

export const users = pgTable(
  "users",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    name: varchar("name", { length: 50 }).notNull(),
    // Stored lower-cased; the unique index on lower() guards against any writer that forgets.
    email: varchar("email", { length: 254 }).notNull(),
    passwordHash: text("password_hash").notNull(),
    // The project Settings opened last; Settings falls back to the user's own first project.
    lastProjectId: integer("last_project_id").references((): AnyPgColumn => projects.id, {
      onDelete: "set null",
    }),
    // The language chosen in the header ("en", "pt-BR"); null: the browser's Accept-Language decides.
    locale: varchar("locale", { length: 16 }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_lower_key").on(sql`lower(${t.email})`)],
);

/**
 * One row per signed-in browser. The session cookie (a JWT) carries the row's id, and every
 * request checks the row is still there: signing out deletes it, so a replayed cookie stops
 * working at once; a password change or "sign out everywhere" deletes the user's other rows.
 */
export const userSessions = pgTable(
  "user_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("user_sessions_user_idx").on(t.userId)],
);

export const projects = pgTable("projects", {
  // Integer ids: Sentry SDKs only accept a numeric project id in a DSN.
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  name: varchar("name", { length: 100 }).notNull(),
  slug: varchar("slug", { length: 100 }).notNull().unique(),
  // Events a minute this project may send; null: INGEST_QUOTA_PER_MINUTE, or no limit.
  eventsPerMinute: integer("events_per_minute"),
  createdAt: createdAt(),
});

export const projectMembers = pgTable(
  "project_members",
  {
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: varchar("role", { length: 16, enum: MEMBER_ROLE_VALUES }).notNull().default("member"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.userId] }),
    index("project_members_user_idx").on(t.userId),
  ],
);

/**
 * An invitation to join a project, by email address. Nobody becomes a member without
 * accepting; the invitee sees it in Settings (matched by their account's email) or follows the
 * emailed link, whose token is stored only as SHA-256.
 */
export const projectInvitations = pgTable(
  "project_invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    // Stored lower-cased, like users.email.
    email: varchar("email", { length: 254 }).notNull(),
    invitedByUserId: integer("invited_by_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    tokenHash: varchar("token_hash", { length: 64 }).notNull().unique(),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("project_invitations_project_email_key").on(t.projectId, sql`lower(${t.email})`),
    index("project_invitations_email_idx").on(sql`lower(${t.email})`),
  ],
);

export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: varchar("name", { length: 100 }).notNull(),
    kind: varchar("kind", { length: 16, enum: TOKEN_KIND_VALUES }).notNull(),
    projectId: integer("project_id").references(() => projects.id, { onDelete: "cascade" }),
    // SHA-256 of the token, hex. The token itself is never stored.
    tokenHash: varchar("token_hash", { length: 64 }).notNull().unique(),
    prefix: varchar("prefix", { length: 16 }).notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    // Optional end of life (personal tokens); null never expires.
    expiresAt: timestamp("expires_at", { withTimezone: true }),
  },
  (t) => [
    index("api_tokens_user_idx").on(t.userId),
    index("api_tokens_project_idx").on(t.projectId),
  ],
);

export const errors = pgTable(
  "errors",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    environment: varchar("environment", { length: 64 }).notNull(),
    fingerprint: varchar("fingerprint", { length: 64 }).notNull(),
    groupingVersion: smallint("grouping_version").notNull().default(1),
    title: varchar("title", { length: 255 }).notNull(),
    // The latest event's details, cut short: enough for the list preview and for search.
    detailsPreview: varchar("details_preview", { length: 1000 }).notNull().default(""),
    level: varchar("level", { length: 16, enum: LEVEL_VALUES }).notNull(),
    // Severity as a number so that "sort by level" is an index scan, not a CASE per row.
    severity: smallint("severity")
      .notNull()
      .generatedAlwaysAs(
        sql`CASE level WHEN 'fatal' THEN 5 WHEN 'error' THEN 4 WHEN 'warning' THEN 3 WHEN 'info' THEN 2 ELSE 1 END`,
      ),
    origin: varchar("origin", { length: 255 }).notNull(),
    culprit: varchar("culprit", { length: 255 }),
    status: varchar("status", { length: 16, enum: ERROR_STATUS_VALUES }).notNull().default("open"),
    eventCount: integer("event_count").notNull().default(0),
    firstSeen: timestamp("first_seen", { withTimezone: true }).notNull(),
    lastSeen: timestamp("last_seen", { withTimezone: true }).notNull(),
    createdAt: createdAt(),
    // The triage loop. Set by a person (resolve, archive, reopen) and by the ingest write, which
    // reopens a resolved error on a regression and an archived one when its condition is met,
    // in the statement that stores the event.
    substatus: varchar("substatus", { length: 16, enum: ERROR_SUBSTATUS_VALUES }),
    statusChangedAt: timestamp("status_changed_at", { withTimezone: true }),
    // No foreign keys to users here (nor on assignee_user_id): each would be a trigger check on
    // every counter update of the ingest write. Users are never deleted; readers left-join.
    statusChangedByUserId: integer("status_changed_by_user_id"),
    // event_count when the status last changed: "N events since archived".
    statusEventCount: integer("status_event_count").notNull().default(0),
    resolution: varchar("resolution", { length: 16, enum: RESOLUTION_VALUES }),
    // inNextRelease: the release the error was last seen in when it was resolved, with its
    // semver key and first-seen order, so that ingest compares without a lookup.
    resolvedInRelease: varchar("resolved_in_release", { length: 200 }),
    resolvedReleaseKey: text("resolved_release_key"),
    resolvedReleaseSeq: bigint("resolved_release_seq", { mode: "number" }),
    regressedAt: timestamp("regressed_at", { withTimezone: true }),
    // Why it last reopened by itself (regression or escalation): who resolved it and when, the
    // event and release that reopened it, or the archive condition that was met.
    reopenDetail: jsonb("reopen_detail").$type<Record<string, unknown>>(),
    archiveUntil: timestamp("archive_until", { withTimezone: true }),
    archiveUntilEvents: integer("archive_until_events"),
    archiveRateCount: integer("archive_rate_count"),
    archiveRateMinutes: integer("archive_rate_minutes"),
    assigneeUserId: integer("assignee_user_id"),
    firstRelease: varchar("first_release", { length: 200 }),
    lastRelease: varchar("last_release", { length: 200 }),
  },
  (t) => [
    uniqueIndex("errors_project_env_fingerprint_key").on(t.projectId, t.environment, t.fingerprint),
    // Sort indexes leave status out: searches list open and archived errors together (status
    // all), and the open list filters the few archived rows out while walking the same order.
    index("errors_frequency_idx").on(
      t.projectId,
      t.environment,
      t.eventCount.desc(),
      t.severity.desc(),
      t.lastSeen.desc(),
      t.id.desc(),
    ),
    index("errors_level_idx").on(
      t.projectId,
      t.environment,
      t.severity.desc(),
      t.eventCount.desc(),
      t.lastSeen.desc(),
      t.id.desc(),
    ),
    index("errors_last_seen_idx").on(t.projectId, t.environment, t.lastSeen.desc(), t.id.desc()),
    index("errors_first_seen_idx").on(t.projectId, t.environment, t.firstSeen.desc(), t.id.desc()),
    index("errors_origin_idx").on(t.projectId, t.origin),
    // The sweep that ends time-limited archives; only archived rows with an end time are in it.
    index("errors_archive_until_idx")
      .on(t.archiveUntil)
      .where(sql`status = 'archived' AND archive_until IS NOT NULL`),
    // No trigram index here: every counter update would re-insert the text's ~1,000
    // trigrams. Search reads error_search, which changes only when the text does.
  ],
);

/**
 * The searchable text of each error (its title and details preview) under a trigram index.
 * Triggers on errors (migration 0008) never write here: they queue the text in
 * error_search_queue when an error is created and when its title or preview changes, and
 * drainSearchQueue moves it here in its own transaction. Trigram indexing (~50 µs an error)
 * thus stays out of the ingest statement, which holds its hot errors' locks until it ends.
 * A search reads both tables, so a queued text is found at once. The text is a prefilter: a
 * search re-checks the error's columns.
 */
export const errorSearch = pgTable("error_search", searchTextColumns(), (t) => [
  index("error_search_text_trgm_idx").using("gin", t.text.op("gin_trgm_ops")),
]);

/** Search texts not yet in error_search's index: a few seconds' worth of new or changed errors. */
export const errorSearchQueue = pgTable("error_search_queue", searchTextColumns());

/** An error's searchable text, as both search tables hold it. */
function searchTextColumns() {
  return {
    errorId: bigint("error_id", { mode: "number" })
      .primaryKey()
      .references(() => errors.id, { onDelete: "cascade" }),
    projectId: integer("project_id").notNull(),
    environment: varchar("environment", { length: 64 }).notNull(),
    text: text("text").notNull(),
  };
}

export const events = pgTable(
  "events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    errorId: bigint("error_id", { mode: "number" })
      .notNull()
      .references(() => errors.id, { onDelete: "cascade" }),
    // No foreign keys but error_id's: each is a check per inserted row at the end of the
    // ingest statement, while it holds the errors' row locks. The project goes with its
    // errors (whose deletion cascades here); users and tokens are never deleted (tokens are
    // revoked), and the readers left-join them anyway.
    projectId: integer("project_id").notNull(),
    eventId: varchar("event_id", { length: 64 }).notNull(),
    title: varchar("title", { length: 255 }).notNull(),
    details: text("details").notNull().default(""),
    level: varchar("level", { length: 16, enum: LEVEL_VALUES }).notNull(),
    origin: varchar("origin", { length: 255 }).notNull(),
    environment: varchar("environment", { length: 64 }).notNull(),
    release: varchar("release", { length: 200 }),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    collectedByUserId: integer("collected_by_user_id"),
    collectedByTokenId: uuid("collected_by_token_id"),
    tags: jsonb("tags").$type<Record<string, string>>().notNull().default({}),
    payload: jsonb("payload").$type<Record<string, unknown>>(),
  },
  (t) => [
    uniqueIndex("events_project_event_id_key").on(t.projectId, t.eventId),
    index("events_error_occurred_idx").on(t.errorId, t.occurredAt),
    index("events_received_at_idx").on(t.receivedAt),
  ],
);

/**
 * The releases a project has seen, in the order it first saw them (id). Semver order is
 * computed by the database function release_semver_key (migration 0010), in queries.
 */
export const releases = pgTable(
  "releases",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    name: varchar("name", { length: 200 }).notNull(),
    firstSeen: timestamp("first_seen", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("releases_project_name_key").on(t.projectId, t.name)],
);

/** Events per error per release, kept by the ingest write like the hourly counts. */
export const errorReleases = pgTable(
  "error_releases",
  {
    errorId: bigint("error_id", { mode: "number" })
      .notNull()
      .references(() => errors.id, { onDelete: "cascade" }),
    projectId: integer("project_id").notNull(),
    release: varchar("release", { length: 200 }).notNull(),
    count: integer("count").notNull(),
    firstSeen: timestamp("first_seen", { withTimezone: true }).notNull(),
    lastSeen: timestamp("last_seen", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.errorId, t.release] }),
    index("error_releases_project_release_idx").on(t.projectId, t.release, t.errorId),
  ],
);

/** Who changed what on an error, and what changed it by itself (regressions, escalations). */
export const errorActivity = pgTable(
  "error_activity",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    errorId: bigint("error_id", { mode: "number" })
      .notNull()
      .references(() => errors.id, { onDelete: "cascade" }),
    // null: Error Central itself (a regression or an escalation).
    actorUserId: integer("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    kind: varchar("kind", { length: 16, enum: ACTIVITY_KIND_VALUES }).notNull(),
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("error_activity_error_idx").on(t.errorId, t.id)],
);

/** Events per error per hour, kept with the counts so that charts never scan events. */
export const errorHourlyCounts = pgTable(
  "error_hourly_counts",
  {
    errorId: bigint("error_id", { mode: "number" })
      .notNull()
      .references(() => errors.id, { onDelete: "cascade" }),
    hour: timestamp("hour", { withTimezone: true }).notNull(),
    count: integer("count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.errorId, t.hour] })],
);

/**
 * Events per error per tag value: the SDK's own tags and those derived from the event
 * (lib/ingest/event-tags.ts), kept by the ingest write like the hourly counts. A key holds at
 * most TAG_VALUES_PER_KEY values; the events of any further value count in the key's row of
 * value '' (other values), so that keys nearly unique per event (request or trace ids) stay
 * bounded. Empty values are not counted, so '' means nothing else.
 */
export const TAG_VALUES_PER_KEY = 100;
export const errorTagValues = pgTable(
  "error_tag_values",
  {
    // No foreign key: the events of the same statement check that the error exists, and the
    // errors_tag_values_cascade trigger (migration 0015) deletes an error's rows with it, so
    // no new row pays a key check.
    errorId: bigint("error_id", { mode: "number" }).notNull(),
    projectId: integer("project_id").notNull(),
    key: varchar("key", { length: 32 }).notNull(),
    value: varchar("value", { length: 200 }).notNull(),
    count: integer("count").notNull(),
    firstSeen: timestamp("first_seen", { withTimezone: true }).notNull(),
    lastSeen: timestamp("last_seen", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.errorId, t.key, t.value] }),
    index("error_tag_values_project_key_value_idx").on(t.projectId, t.key, t.value, t.errorId),
  ],
);

/**
 * Tag counts written by ingest batches and not yet folded into error_tag_values: one row per
 * batch, its (error, key, value) counts as a JSON array of
 * [error_id, project_id, key, value, count, first_seen, last_seen]. The ingest statement
 * appends a row in the transaction that stores the events, so no count is lost; a fold
 * (foldTagDeltas, db/queries/error-tags.ts) moves them into the counters shortly after, many
 * batches at once, and before any read of the counters. No key and no index: rows are only
 * appended and taken whole.
 */
export const errorTagDeltas = pgTable("error_tag_deltas", {
  deltas: jsonb("deltas").notNull(),
});

export const ALERT_CHANNEL_TYPES = ["webhook", "slack", "discord", "teams", "email"] as const;
/** What made a rule fire; `test` is a person's "send a test", `digest` never appears here. */
export const ALERT_KIND_VALUES = [
  "newError",
  "regression",
  "escalation",
  "frequency",
  "test",
] as const;
export const ALERT_DELIVERY_STATUS_VALUES = ["pending", "delivered", "failed"] as const;

/**
 * An alert rule of a project: what fires it (a new error, a regression, an escalation, more
 * than N events of one error in M minutes), which errors (environments, a minimum level), and
 * how quiet it keeps (a cooldown per error; a digest when it fires for many errors at once).
 */
export const alertRules = pgTable(
  "alert_rules",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    name: varchar("name", { length: 100 }).notNull(),
    enabled: boolean("enabled").notNull().default(true),
    onNewError: boolean("on_new_error").notNull().default(false),
    onRegression: boolean("on_regression").notNull().default(false),
    onEscalation: boolean("on_escalation").notNull().default(false),
    // "More than frequency_count events of one error within frequency_minutes"; null: off.
    frequencyCount: integer("frequency_count"),
    frequencyMinutes: integer("frequency_minutes"),
    // null: every environment.
    environments: text("environments").array(),
    // Errors at this severity or above (errors.severity: 5 fatal … 1 debug); 1: every level.
    minSeverity: smallint("min_severity").notNull().default(1),
    cooldownMinutes: integer("cooldown_minutes").notNull().default(30),
    // More notifications than this for one channel, due together: one digest message.
    digestThreshold: integer("digest_threshold").notNull().default(5),
    // The language of its emails and chat messages (en, pt-BR): the creator's, unless chosen.
    locale: varchar("locale", { length: 16 }).notNull().default("en"),
    createdByUserId: integer("created_by_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("alert_rules_project_idx").on(t.projectId)],
);

/** Where a rule sends. The webhook secret signs bodies and is never shown after creation. */
export const alertChannels = pgTable(
  "alert_channels",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    ruleId: bigint("rule_id", { mode: "number" })
      .notNull()
      .references(() => alertRules.id, { onDelete: "cascade" }),
    type: varchar("type", { length: 16, enum: ALERT_CHANNEL_TYPES }).notNull(),
    url: text("url"),
    secret: text("secret"),
    recipients: text("recipients").array(),
    // Failures in a row (0 after a success): the UI flags a channel that keeps failing.
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
    lastFailureAt: timestamp("last_failure_at", { withTimezone: true }),
    lastSuccessAt: timestamp("last_success_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("alert_channels_rule_idx").on(t.ruleId)],
);

/**
 * The outbox: a rule fired for an error. Written in the transaction of the change that fired
 * it (the ingest write, a regression, an escalation), with a snapshot of what the message
 * says, so that it survives the process dying and the error being deleted.
 */
export const alertNotifications = pgTable(
  "alert_notifications",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    ruleId: bigint("rule_id", { mode: "number" })
      .notNull()
      .references(() => alertRules.id, { onDelete: "cascade" }),
    projectId: integer("project_id").notNull(),
    // No foreign key: the notification outlives a deleted error.
    errorId: bigint("error_id", { mode: "number" }),
    kind: varchar("kind", { length: 16, enum: ALERT_KIND_VALUES }).notNull(),
    context: jsonb("context").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    index("alert_notifications_error_idx").on(t.errorId),
    index("alert_notifications_project_idx").on(t.projectId, t.id),
  ],
);

/** One notification to one channel, until it is delivered or given up (24 hours). */
export const alertDeliveries = pgTable(
  "alert_deliveries",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    notificationId: bigint("notification_id", { mode: "number" })
      .notNull()
      .references(() => alertNotifications.id, { onDelete: "cascade" }),
    channelId: bigint("channel_id", { mode: "number" })
      .notNull()
      .references(() => alertChannels.id, { onDelete: "cascade" }),
    status: varchar("status", { length: 16, enum: ALERT_DELIVERY_STATUS_VALUES })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error"),
    // Set when it went out inside a digest: the delivery that carried it.
    digestId: bigint("digest_id", { mode: "number" }),
    createdAt: createdAt(),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
  },
  (t) => [
    index("alert_deliveries_due_idx").on(t.nextAttemptAt).where(sql`status = 'pending'`),
    index("alert_deliveries_notification_idx").on(t.notificationId),
    index("alert_deliveries_channel_idx").on(t.channelId, t.id),
  ],
);

/** Every attempt at a delivery: its HTTP status or error, and how long it took. */
export const alertAttempts = pgTable(
  "alert_attempts",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    deliveryId: bigint("delivery_id", { mode: "number" })
      .notNull()
      .references(() => alertDeliveries.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    statusCode: integer("status_code"),
    error: text("error"),
    durationMs: integer("duration_ms").notNull(),
  },
  (t) => [index("alert_attempts_delivery_idx").on(t.deliveryId)],
);

/** When a rule last fired for an error: no second alert within its cooldown. */
export const alertCooldowns = pgTable(
  "alert_cooldowns",
  {
    ruleId: bigint("rule_id", { mode: "number" })
      .notNull()
      .references(() => alertRules.id, { onDelete: "cascade" }),
    errorId: bigint("error_id", { mode: "number" }).notNull(),
    lastFiredAt: timestamp("last_fired_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.ruleId, t.errorId] })],
);

/** Fixed-window counters shared by every app instance: login failures, ingest quotas. */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: varchar("key", { length: 300 }).primaryKey(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    count: integer("count").notNull(),
  },
  // Pruning deletes the windows that ended.
  (t) => [index("rate_limits_window_start_idx").on(t.windowStart)],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Project = typeof projects.$inferSelect;
export type NewProject = typeof projects.$inferInsert;
export type ProjectMember = typeof projectMembers.$inferSelect;
export type ProjectInvitation = typeof projectInvitations.$inferSelect;
export type UserSession = typeof userSessions.$inferSelect;
export type ApiToken = typeof apiTokens.$inferSelect;
export type NewApiToken = typeof apiTokens.$inferInsert;
export type ErrorGroup = typeof errors.$inferSelect;
export type Event = typeof events.$inferSelect;
export type NewEvent = typeof events.$inferInsert;
