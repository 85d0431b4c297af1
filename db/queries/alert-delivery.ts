import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import {
  type ALERT_CHANNEL_TYPES,
  type ALERT_KIND_VALUES,
  alertDeliveries,
  alertNotifications,
  alertRules,
} from "../schema";
import { resultRows, storableText, toJsonParam } from "../sql";
import { inUserProjects } from "./scope";

/**
 * The delivery side of alerts (lib/alerts/delivery.ts): claiming due deliveries, and recording
 * what became of an attempt. A claim is a lease: it moves the deliveries' next_attempt_at to
 * the lease's end, so that no other worker takes them meanwhile and a worker that died gives
 * them back when it passes. That value is also the claim's token: an outcome is recorded only
 * while the delivery is still pending with that next_attempt_at, so a worker whose lease ran
 * out (and whose delivery another worker took) cannot record a second outcome.
 */

export type AlertKindValue = (typeof ALERT_KIND_VALUES)[number];
export type AlertChannelTypeValue = (typeof ALERT_CHANNEL_TYPES)[number];

/** A claimed delivery with everything its message needs. */
export interface ClaimedDelivery {
  id: number;
  notificationId: number;
  channelId: number;
  /** Attempts recorded before this one. */
  attempts: number;
  createdAt: Date;
  kind: AlertKindValue;
  errorId: number | null;
  context: Record<string, unknown>;
  projectId: number;
  projectName: string;
  projectSlug: string;
  ruleId: number;
  ruleName: string;
  digestThreshold: number;
  /** The rule's language (en, pt-BR). */
  locale: string;
  channelType: AlertChannelTypeValue;
  url: string | null;
  secret: string | null;
  recipients: string[] | null;
}

// One JSON object a row: the same types from postgres.js and PGlite (ids as numbers).
const ROW = sql`json_build_object(
    'id', d.id, 'notificationId', d.notification_id, 'channelId', d.channel_id,
    'attempts', d.attempts, 'createdAt', (extract(epoch FROM d.created_at) * 1000)::float8,
    'kind', n.kind, 'errorId', n.error_id, 'context', n.context,
    'projectId', p.id, 'projectName', p.name, 'projectSlug', p.slug,
    'ruleId', r.id, 'ruleName', r.name, 'digestThreshold', r.digest_threshold, 'locale', r.locale,
    'channelType', c.type, 'url', c.url, 'secret', c.secret, 'recipients', c.recipients
  )::text AS row`;

const JOINS = sql`JOIN alert_notifications n ON n.id = d.notification_id
  JOIN alert_channels c ON c.id = d.channel_id
  JOIN alert_rules r ON r.id = c.rule_id
  JOIN projects p ON p.id = n.project_id`;

function parseRows(result: unknown): ClaimedDelivery[] {
  return resultRows<{ row: string }>(result).map(({ row }) => {
    const value = JSON.parse(row) as Omit<ClaimedDelivery, "createdAt"> & { createdAt: number };
    return { ...value, context: value.context ?? {}, createdAt: new Date(value.createdAt) };
  });
}

const idArray = (ids: number[]) => `{${ids.map((id) => Math.trunc(id)).join(",")}}`;

/**
 * Claims up to `limit` deliveries that are pending and due at `now` (oldest due first), in one
 * statement: rows another worker holds are skipped (FOR UPDATE SKIP LOCKED), and the claimed
 * ones get next_attempt_at = `lease`, the token their outcome is recorded with.
 */
export async function claimDueDeliveries(
  db: DbOrTx,
  input: { now: Date; lease: Date; limit: number },
): Promise<ClaimedDelivery[]> {
  const result = await db.execute(sql`
    WITH due AS (
      SELECT id FROM alert_deliveries
      WHERE status = 'pending' AND next_attempt_at <= ${input.now.toISOString()}::timestamptz
      ORDER BY next_attempt_at, id
      LIMIT ${input.limit}
      FOR UPDATE SKIP LOCKED
    ), claimed AS (
      UPDATE alert_deliveries d SET next_attempt_at = ${input.lease.toISOString()}::timestamptz
      FROM due WHERE d.id = due.id
      RETURNING d.*
    )
    SELECT ${ROW} FROM claimed d ${JOINS}
    ORDER BY d.id`);
  return parseRows(result);
}

/** Deliveries by id, in the claim's shape (the test send reads its fresh ones). */
export async function findDeliveries(db: DbOrTx, ids: number[]): Promise<ClaimedDelivery[]> {
  if (ids.length === 0) return [];
  const result = await db.execute(sql`
    SELECT ${ROW} FROM alert_deliveries d ${JOINS}
    WHERE d.id = ANY(${idArray(ids)}::bigint[])
    ORDER BY d.id`);
  return parseRows(result);
}

interface AttemptInput {
  channelId: number;
  /** The claim's token (next_attempt_at as claimed). */
  lease: Date;
  /** When the attempt started. */
  at: Date;
  /** When it ended: delivered_at, last_success_at / last_failure_at. */
  now: Date;
  statusCode: number | null;
  durationMs: number;
}

/**
 * A 2xx: the deliveries (one, or a digest's) become delivered, each with its attempt logged,
 * and the channel's failure streak ends. `digestId`: the delivery that carried a digest (null
 * for a single message). Returns the ids actually recorded (those still held by this claim).
 */
export async function recordDelivered(
  db: DbOrTx,
  input: AttemptInput & { ids: number[]; digestId: number | null },
): Promise<number[]> {
  if (input.ids.length === 0) return [];
  const now = input.now.toISOString();
  const result = await db.execute(sql`
    WITH upd AS (
      UPDATE alert_deliveries SET status = 'delivered', delivered_at = ${now}::timestamptz,
        attempts = attempts + 1, last_error = NULL, digest_id = ${input.digestId}::bigint
      WHERE id = ANY(${idArray(input.ids)}::bigint[]) AND status = 'pending'
        AND next_attempt_at = ${input.lease.toISOString()}::timestamptz
      RETURNING id
    ), logged AS (
      INSERT INTO alert_attempts (delivery_id, at, status_code, error, duration_ms)
      SELECT id, ${input.at.toISOString()}::timestamptz, ${input.statusCode}::integer, NULL,
        ${input.durationMs}::integer
      FROM upd
    ), channel AS (
      UPDATE alert_channels SET consecutive_failures = 0, last_success_at = ${now}::timestamptz
      WHERE id = ${input.channelId}::bigint AND EXISTS (SELECT 1 FROM upd)
    )
    SELECT id::float8 AS id FROM upd`);
  return resultRows<{ id: number }>(result).map((row) => Number(row.id));
}

/**
 * A failed attempt: each delivery is rescheduled at its `nextAttemptAt`, or, when that is
 * null, given up (status failed); every one gets its attempt logged and `error` as last_error,
 * and the channel one more failure in a row. Returns what was recorded, by id.
 */
export async function recordFailed(
  db: DbOrTx,
  input: AttemptInput & {
    outcomes: { id: number; nextAttemptAt: Date | null }[];
    error: string;
  },
): Promise<{ id: number; status: "pending" | "failed" }[]> {
  if (input.outcomes.length === 0) return [];
  const now = input.now.toISOString();
  const error = storableText(input.error).slice(0, 2000);
  const outcomes = toJsonParam(
    input.outcomes.map((o) => ({ id: o.id, next_at: o.nextAttemptAt?.toISOString() ?? null })),
  );
  const result = await db.execute(sql`
    WITH v AS (
      SELECT * FROM jsonb_to_recordset(${outcomes}::jsonb) AS v(id bigint, next_at timestamptz)
    ), upd AS (
      UPDATE alert_deliveries d SET attempts = d.attempts + 1, last_error = ${error},
        status = CASE WHEN v.next_at IS NULL THEN 'failed' ELSE 'pending' END,
        next_attempt_at = coalesce(v.next_at, d.next_attempt_at)
      FROM v
      WHERE d.id = v.id AND d.status = 'pending'
        AND d.next_attempt_at = ${input.lease.toISOString()}::timestamptz
      RETURNING d.id, d.status
    ), logged AS (
      INSERT INTO alert_attempts (delivery_id, at, status_code, error, duration_ms)
      SELECT id, ${input.at.toISOString()}::timestamptz, ${input.statusCode}::integer, ${error},
        ${input.durationMs}::integer
      FROM upd
    ), channel AS (
      UPDATE alert_channels SET consecutive_failures = consecutive_failures + 1,
        last_failure_at = ${now}::timestamptz
      WHERE id = ${input.channelId}::bigint AND EXISTS (SELECT 1 FROM upd)
    )
    SELECT id::float8 AS id, status FROM upd`);
  return resultRows<{ id: number; status: "pending" | "failed" }>(result).map((row) => ({
    id: Number(row.id),
    status: row.status,
  }));
}

/** A rule of one of the user's projects, or null (missing and not theirs alike). */
export async function findRuleForMember(
  db: DbOrTx,
  input: { userId: number; ruleId: number },
): Promise<{ id: number; projectId: number; locale: string } | null> {
  const [rule] = await db
    .select({ id: alertRules.id, projectId: alertRules.projectId, locale: alertRules.locale })
    .from(alertRules)
    .where(
      and(
        eq(alertRules.id, input.ruleId),
        inUserProjects(db, alertRules.projectId, input.userId),
      ) as SQL,
    );
  return rule ?? null;
}

/**
 * A "send a test" notification of a rule, with one delivery per channel, written already
 * claimed (next_attempt_at = `lease`): the caller sends them at once, and if it dies before
 * recording, the worker sends them when the lease ends.
 */
export async function insertTestNotification(
  db: DbOrTx,
  input: { ruleId: number; projectId: number; context: Record<string, unknown>; lease: Date },
): Promise<{ notificationId: number; deliveries: ClaimedDelivery[] }> {
  return db.transaction(async (tx) => {
    const [notification] = await tx
      .insert(alertNotifications)
      .values({
        ruleId: input.ruleId,
        projectId: input.projectId,
        errorId: null,
        kind: "test",
        context: input.context,
      })
      .returning({ id: alertNotifications.id });
    const notificationId = (notification as { id: number }).id;
    const inserted = resultRows<{ id: number }>(
      await tx.execute(sql`
        INSERT INTO alert_deliveries (notification_id, channel_id, next_attempt_at)
        SELECT ${notificationId}::bigint, c.id, ${input.lease.toISOString()}::timestamptz
        FROM alert_channels c WHERE c.rule_id = ${input.ruleId}::bigint ORDER BY c.id
        RETURNING id::float8 AS id`),
    );
    const deliveries = await findDeliveries(
      tx,
      inserted.map((row) => Number(row.id)),
    );
    return { notificationId, deliveries };
  });
}

/** Where deliveries stand, by id (in id order). */
export async function deliveryStatuses(
  db: DbOrTx,
  ids: number[],
): Promise<{ id: number; channelId: number; status: string; lastError: string | null }[]> {
  if (ids.length === 0) return [];
  return db
    .select({
      id: alertDeliveries.id,
      channelId: alertDeliveries.channelId,
      status: alertDeliveries.status,
      lastError: alertDeliveries.lastError,
    })
    .from(alertDeliveries)
    .where(inArray(alertDeliveries.id, ids))
    .orderBy(alertDeliveries.id);
}
