import type { DbOrTx } from "@/db/client";
import {
  type AlertAttemptRecord,
  type AlertDeliveryFilters,
  type AlertDeliveryRecord,
  findAlertDelivery,
  listAlertAttempts,
  listAlertDeliveries as listDeliveryRows,
  listAlertsOfError as listErrorAlertRows,
} from "@/db/queries/alert-log";
import type { MemberRole, ProjectInfo } from "@/db/queries/projects";
import { ALERT_CHANNEL_TYPES, ALERT_DELIVERY_STATUS_VALUES } from "@/db/schema";
import { type Issue, issue, notFound } from "@/lib/domain-errors";
import { invalidParameters } from "@/lib/errors/list-query";
import type { Locale } from "@/lib/i18n/config";
import { parseIdPage } from "@/lib/pagination";
import { requireProjectAccess } from "@/lib/projects/access";
import { parseId } from "@/lib/row-id";
import { readAttemptText } from "./attempt-text";
import { channelTarget } from "./targets";

export const DEFAULT_DELIVERIES_LIMIT = 25;
/** The error detail page shows this many of an error's alerts, newest first. */
export const ERROR_ALERTS_LIMIT = 20;

type Params = { get(name: string): string | null };

export interface AlertDeliveryView {
  id: number;
  ruleId: number;
  ruleName: string;
  notificationId: number;
  errorId: number | null;
  errorTitle: string | null;
  kind: AlertDeliveryRecord["kind"];
  channel: { id: number; type: AlertDeliveryRecord["channel"]["type"]; target: string };
  status: AlertDeliveryRecord["status"];
  attempts: number;
  lastError: string | null;
  digestId: number | null;
  createdAt: string;
  deliveredAt: string | null;
  nextAttemptAt: string | null;
}

export interface AlertAttemptView {
  at: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/** A delivery as the log shows it, its last error in `locale` (English by default). */
function deliveryView(row: AlertDeliveryRecord, locale?: Locale): AlertDeliveryView {
  return {
    id: row.id,
    ruleId: row.ruleId,
    ruleName: row.ruleName,
    notificationId: row.notificationId,
    errorId: row.errorId,
    errorTitle: row.errorTitle,
    kind: row.kind,
    channel: { id: row.channel.id, type: row.channel.type, target: channelTarget(row.channel) },
    status: row.status,
    attempts: row.attempts,
    lastError: readAttemptText(row.lastError, locale),
    digestId: row.digestId,
    createdAt: row.createdAt.toISOString(),
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    nextAttemptAt: row.status === "pending" ? row.nextAttemptAt.toISOString() : null,
  };
}

function attemptView(row: AlertAttemptRecord, locale?: Locale): AlertAttemptView {
  return {
    at: row.at.toISOString(),
    statusCode: row.statusCode,
    error: readAttemptText(row.error, locale),
    durationMs: row.durationMs,
  };
}

function oneOf<T extends string>(values: readonly T[], raw: string): T | undefined {
  return (values as readonly string[]).includes(raw) ? (raw as T) : undefined;
}

/** The log's filters from query parameters; a bad one is a 400 naming it. */
export function parseDeliveryFilters(params: Params): AlertDeliveryFilters {
  const issues: Issue[] = [];
  const filters: AlertDeliveryFilters = {};
  const status = params.get("status");
  if (status) {
    filters.status = oneOf(ALERT_DELIVERY_STATUS_VALUES, status);
    if (!filters.status) {
      issues.push(
        issue(["status"], "ServerListParams.oneOf", {
          name: "status",
          allowed: ALERT_DELIVERY_STATUS_VALUES.join(", "),
        }),
      );
    }
  }
  const channel = params.get("channel");
  if (channel) {
    filters.channelType = oneOf(ALERT_CHANNEL_TYPES, channel);
    if (!filters.channelType) {
      issues.push(
        issue(["channel"], "ServerListParams.oneOf", {
          name: "channel",
          allowed: ALERT_CHANNEL_TYPES.join(", "),
        }),
      );
    }
  }
  for (const name of ["ruleId", "errorId"] as const) {
    const raw = params.get(name);
    if (!raw) continue;
    const id = /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : Number.NaN;
    if (Number.isSafeInteger(id)) filters[name] = id;
    else issues.push(issue([name], "ServerListParams.positiveId", { name }));
  }
  if (issues.length > 0) throw invalidParameters(issues);
  return filters;
}

/**
 * The project's delivery log (`GET …/alert-deliveries`), newest first, with the filters
 * status, ruleId, errorId and channel (a channel type); `cursor` and `limit` (1–100, default
 * 25) page it. Any member may read it. Errors are written in `locale` (English by default).
 */
export async function listAlertDeliveries(
  db: DbOrTx,
  input: { userId: number; project: string | number; params: Params; locale?: Locale },
): Promise<{
  project: ProjectInfo;
  role: MemberRole;
  items: AlertDeliveryView[];
  nextCursor: string | null;
}> {
  const page = parseIdPage(input.params, { defaultLimit: DEFAULT_DELIVERIES_LIMIT });
  const filters = parseDeliveryFilters(input.params);
  const { project, role } = await requireProjectAccess(db, input);
  const { items, more } = await listDeliveryRows(db, {
    projectId: project.id,
    ...filters,
    ...page,
  });
  const last = items[items.length - 1];
  return {
    project,
    role,
    items: items.map((row) => deliveryView(row, input.locale)),
    nextCursor: more && last ? String(last.id) : null,
  };
}

/** One delivery with every attempt, oldest first (`GET …/alert-deliveries/:deliveryId`). */
export async function getAlertDelivery(
  db: DbOrTx,
  input: {
    userId: number;
    project: string | number;
    deliveryId: string | number;
    locale?: Locale;
  },
): Promise<{ delivery: AlertDeliveryView; attempts: AlertAttemptView[] }> {
  const { project } = await requireProjectAccess(db, input);
  const deliveryId = parseId(String(input.deliveryId), "alertDelivery");
  const row = await findAlertDelivery(db, { projectId: project.id, deliveryId });
  if (!row) throw notFound("alertDelivery");
  const attempts = await listAlertAttempts(db, { deliveryIds: [row.id] });
  return {
    delivery: deliveryView(row, input.locale),
    attempts: attempts.map((attempt) => attemptView(attempt, input.locale)),
  };
}

/** The attempts of several deliveries (a page of the log), by delivery id. */
export async function attemptsOfDeliveries(
  db: DbOrTx,
  deliveries: { id: number }[],
  locale?: Locale,
): Promise<Map<number, AlertAttemptView[]>> {
  const rows = await listAlertAttempts(db, { deliveryIds: deliveries.map((d) => d.id) });
  const byDelivery = new Map<number, AlertAttemptView[]>();
  for (const row of rows) {
    const list = byDelivery.get(row.deliveryId) ?? [];
    list.push(attemptView(row, locale));
    byDelivery.set(row.deliveryId, list);
  }
  return byDelivery;
}

export interface ErrorAlertView {
  notificationId: number;
  ruleId: number;
  ruleName: string;
  kind: AlertDeliveryRecord["kind"];
  createdAt: string;
  deliveries: {
    id: number;
    channel: { id: number; type: AlertDeliveryRecord["channel"]["type"]; target: string };
    status: AlertDeliveryRecord["status"];
    attempts: number;
    lastError: string | null;
    deliveredAt: string | null;
  }[];
}

/**
 * The alerts an error triggered, newest first, with each delivery's status: for the error's
 * page, which has already checked that the error is the user's (the query checks it again).
 */
export async function listAlertsOfError(
  db: DbOrTx,
  input: { userId: number; errorId: number; locale?: Locale },
): Promise<ErrorAlertView[]> {
  const rows = await listErrorAlertRows(db, {
    userId: input.userId,
    errorId: input.errorId,
    limit: ERROR_ALERTS_LIMIT,
  });
  return rows.map((row) => ({
    notificationId: row.notificationId,
    ruleId: row.ruleId,
    ruleName: row.ruleName,
    kind: row.kind,
    createdAt: row.createdAt.toISOString(),
    deliveries: row.deliveries.map((delivery) => ({
      id: delivery.id,
      channel: {
        id: delivery.channel.id,
        type: delivery.channel.type,
        target: channelTarget(delivery.channel),
      },
      status: delivery.status,
      attempts: delivery.attempts,
      lastError: readAttemptText(delivery.lastError, input.locale),
      deliveredAt: delivery.deliveredAt?.toISOString() ?? null,
    })),
  }));
}
