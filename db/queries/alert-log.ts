import { and, asc, desc, eq, inArray, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import {
  type ALERT_DELIVERY_STATUS_VALUES,
  type ALERT_KIND_VALUES,
  alertAttempts,
  alertChannels,
  alertDeliveries,
  alertNotifications,
  alertRules,
} from "../schema";
import type { AlertChannelType } from "./alert-rules";
import { inUserProjects } from "./scope";

export type AlertDeliveryStatus = (typeof ALERT_DELIVERY_STATUS_VALUES)[number];
export type AlertKind = (typeof ALERT_KIND_VALUES)[number];

/** One delivery of the log, with its rule, notification and channel (its URL, never its secret). */
export interface AlertDeliveryRecord {
  id: number;
  notificationId: number;
  ruleId: number;
  ruleName: string;
  errorId: number | null;
  errorTitle: string | null;
  kind: AlertKind;
  channel: {
    id: number;
    type: AlertChannelType;
    url: string | null;
    recipients: string[] | null;
  };
  status: AlertDeliveryStatus;
  attempts: number;
  lastError: string | null;
  digestId: number | null;
  createdAt: Date;
  deliveredAt: Date | null;
  nextAttemptAt: Date;
}

export interface AlertAttemptRecord {
  deliveryId: number;
  at: Date;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export interface AlertDeliveryFilters {
  status?: AlertDeliveryStatus;
  ruleId?: number;
  errorId?: number;
  channelType?: AlertChannelType;
}

const deliveryColumns = {
  id: alertDeliveries.id,
  notificationId: alertDeliveries.notificationId,
  ruleId: alertRules.id,
  ruleName: alertRules.name,
  errorId: alertNotifications.errorId,
  errorTitle: sql<string | null>`${alertNotifications.context} ->> 'title'`,
  kind: alertNotifications.kind,
  channel: {
    id: alertChannels.id,
    type: alertChannels.type,
    url: alertChannels.url,
    recipients: alertChannels.recipients,
  },
  status: alertDeliveries.status,
  attempts: alertDeliveries.attempts,
  lastError: alertDeliveries.lastError,
  digestId: alertDeliveries.digestId,
  createdAt: alertDeliveries.createdAt,
  deliveredAt: alertDeliveries.deliveredAt,
  nextAttemptAt: alertDeliveries.nextAttemptAt,
};

function deliveriesOfProject(db: DbOrTx) {
  return db
    .select(deliveryColumns)
    .from(alertDeliveries)
    .innerJoin(alertChannels, eq(alertChannels.id, alertDeliveries.channelId))
    .innerJoin(alertRules, eq(alertRules.id, alertChannels.ruleId))
    .innerJoin(alertNotifications, eq(alertNotifications.id, alertDeliveries.notificationId));
}

/**
 * A project's deliveries, newest first, `limit` of them after the delivery `before` (keyset on
 * the id), with the filters that are set. A rule's channels belong to the rule, which belongs
 * to the project: deliveries are found through them.
 */
export async function listAlertDeliveries(
  db: DbOrTx,
  input: AlertDeliveryFilters & { projectId: number; before: number | null; limit: number },
): Promise<{ items: AlertDeliveryRecord[]; more: boolean }> {
  const rows = await deliveriesOfProject(db)
    .where(
      and(
        eq(alertRules.projectId, input.projectId),
        input.status ? eq(alertDeliveries.status, input.status) : undefined,
        input.ruleId ? eq(alertRules.id, input.ruleId) : undefined,
        input.errorId ? eq(alertNotifications.errorId, input.errorId) : undefined,
        input.channelType ? eq(alertChannels.type, input.channelType) : undefined,
        input.before === null ? undefined : lt(alertDeliveries.id, input.before),
      ),
    )
    .orderBy(desc(alertDeliveries.id))
    .limit(input.limit + 1);
  return { items: rows.slice(0, input.limit), more: rows.length > input.limit };
}

export async function findAlertDelivery(
  db: DbOrTx,
  input: { projectId: number; deliveryId: number },
): Promise<AlertDeliveryRecord | null> {
  const [row] = await deliveriesOfProject(db)
    .where(and(eq(alertRules.projectId, input.projectId), eq(alertDeliveries.id, input.deliveryId)))
    .limit(1);
  return row ?? null;
}

/** The attempts of these deliveries, oldest first. */
export function listAlertAttempts(
  db: DbOrTx,
  input: { deliveryIds: number[] },
): Promise<AlertAttemptRecord[]> {
  if (input.deliveryIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      deliveryId: alertAttempts.deliveryId,
      at: alertAttempts.at,
      statusCode: alertAttempts.statusCode,
      error: alertAttempts.error,
      durationMs: alertAttempts.durationMs,
    })
    .from(alertAttempts)
    .where(inArray(alertAttempts.deliveryId, input.deliveryIds))
    .orderBy(asc(alertAttempts.deliveryId), asc(alertAttempts.at), asc(alertAttempts.id));
}

export interface ErrorAlertRecord {
  notificationId: number;
  ruleId: number;
  ruleName: string;
  kind: AlertKind;
  createdAt: Date;
  deliveries: {
    id: number;
    channel: {
      id: number;
      type: AlertChannelType;
      url: string | null;
      recipients: string[] | null;
    };
    status: AlertDeliveryStatus;
    attempts: number;
    lastError: string | null;
    deliveredAt: Date | null;
  }[];
}

/**
 * The alerts an error triggered (its notifications, newest first, at most `limit`), each with
 * its deliveries; only in the user's projects.
 */
export async function listAlertsOfError(
  db: DbOrTx,
  input: { userId: number; errorId: number; limit: number },
): Promise<ErrorAlertRecord[]> {
  const notifications = await db
    .select({
      notificationId: alertNotifications.id,
      ruleId: alertRules.id,
      ruleName: alertRules.name,
      kind: alertNotifications.kind,
      createdAt: alertNotifications.createdAt,
    })
    .from(alertNotifications)
    .innerJoin(alertRules, eq(alertRules.id, alertNotifications.ruleId))
    .where(
      and(
        eq(alertNotifications.errorId, input.errorId),
        inUserProjects(db, alertNotifications.projectId, input.userId),
      ),
    )
    .orderBy(desc(alertNotifications.id))
    .limit(input.limit);
  if (notifications.length === 0) return [];
  const deliveries = await db
    .select({
      id: alertDeliveries.id,
      notificationId: alertDeliveries.notificationId,
      channel: {
        id: alertChannels.id,
        type: alertChannels.type,
        url: alertChannels.url,
        recipients: alertChannels.recipients,
      },
      status: alertDeliveries.status,
      attempts: alertDeliveries.attempts,
      lastError: alertDeliveries.lastError,
      deliveredAt: alertDeliveries.deliveredAt,
    })
    .from(alertDeliveries)
    .innerJoin(alertChannels, eq(alertChannels.id, alertDeliveries.channelId))
    .where(
      inArray(
        alertDeliveries.notificationId,
        notifications.map((n) => n.notificationId),
      ),
    )
    .orderBy(asc(alertDeliveries.id));
  return notifications.map((notification) => ({
    ...notification,
    deliveries: deliveries
      .filter((delivery) => delivery.notificationId === notification.notificationId)
      .map(({ notificationId: _, ...delivery }) => delivery),
  }));
}
