import type { Db } from "@/db/client";
import {
  type ClaimedDelivery,
  claimDueDeliveries,
  deliveryStatuses,
  findRuleForMember,
  insertTestNotification,
  recordDelivered,
  recordFailed,
} from "@/db/queries/alert-delivery";
import { settings } from "@/lib/config";
import { notFound } from "@/lib/domain-errors";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { message, render } from "@/lib/i18n/server-messages";
import type { SmtpConfig } from "@/lib/mail/config";
import { trySendMail } from "@/lib/mail/send";
import { readAttemptText, storedAttemptText } from "./attempt-text";
import {
  type AlertItem,
  type AlertMessage,
  type AlertProject,
  emailPayload,
  httpPayload,
  parseAlertContext,
} from "./formats";
import { DELIVERY_HEADER } from "./formats/webhook";
import { OUTBOUND_TIMEOUT_MS, type OutboundResult, postWebhook, type Resolver } from "./outbound";

/**
 * The alert delivery worker. The decision side writes the outbox (alert_notifications, one
 * pending alert_deliveries row per channel) in the transaction of the change that fired the
 * rule; this sends them: claim what is due (a lease, so a worker that dies gives it back), send
 * outside any transaction, then record the attempt and either delivered or the next try.
 * Under `npm start` a loop runs it (lib/alerts/runner.ts); on Vercel, `after()` on the request
 * that fired the rule and the cron route. docs/alerts.md describes it for users.
 */

/** Waits after failed attempts 1, 2, 3…: the first retries within a minute, then longer. */
export const RETRY_DELAYS_SECONDS = [10, 30, 60, 120, 300, 600, 1800, 3600, 7200, 14400] as const;
/** A delivery is given up (status failed) when an attempt fails this long after it was created. */
export const GIVE_UP_AFTER_MS = 24 * 60 * 60 * 1000;
/** Deliveries claimed at a time by default. */
export const CLAIM_LIMIT = 50;
/** Messages in flight at once within one run. */
const CONCURRENCY = 8;

export interface DeliveryOptions {
  /** At most this many deliveries claimed in this run (50). */
  limit?: number;
  /** The time the run acts at (tests drive it); the clock otherwise. */
  now?: Date;
  /** Allow private addresses; ALLOW_PRIVATE_WEBHOOKS by default (receivers in tests are local). */
  allowPrivateWebhooks?: boolean;
  /** How long a claim holds; ALERT_DELIVERY_LEASE_SECONDS by default. */
  leaseMs?: number;
  /** Where links point; PUBLIC_URL, else http://localhost:PORT. */
  baseUrl?: string;
  /** SMTP for email channels; SMTP_URL / SMTP_FROM by default. */
  smtp?: SmtpConfig | null;
  /** Per message, connection included (5 s). */
  timeoutMs?: number;
  /** Host name resolution for webhooks (tests). */
  resolve?: Resolver;
}

export interface DeliveryRunResult {
  /** Deliveries attempted (a digest counts each delivery it carried). */
  attempted: number;
  /** Of those, delivered. */
  delivered: number;
  /** Of those, not delivered: rescheduled, or given up after 24 hours (and a failed test). */
  failed: number;
}

/**
 * When to try a delivery again after its `attempts`-th attempt failed at `now`: the next
 * delay of the schedule, but never past 24 hours after it was created (the last attempt is made
 * then); null once an attempt at or after that point has failed: give up.
 */
export function nextAttemptAt(createdAt: Date, attempts: number, now: Date): Date | null {
  const deadline = createdAt.getTime() + GIVE_UP_AFTER_MS;
  if (now.getTime() >= deadline) return null;
  const index = Math.min(Math.max(attempts, 1), RETRY_DELAYS_SECONDS.length) - 1;
  const delay = (RETRY_DELAYS_SECONDS[index] as number) * 1000;
  return new Date(Math.min(now.getTime() + delay, deadline));
}

/** PUBLIC_URL, else this server's own port on localhost; no trailing slash. */
export function alertBaseUrl(): string {
  const config = settings();
  return (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/+$/, "");
}

function settingsLink(baseUrl: string, project: AlertProject): string {
  return `${baseUrl}/settings?project=${encodeURIComponent(project.slug)}#alerts`;
}

function projectOf(row: ClaimedDelivery): AlertProject {
  return { id: row.projectId, name: row.projectName, slug: row.projectSlug };
}

function itemOf(row: ClaimedDelivery, baseUrl: string): AlertItem {
  const settings = settingsLink(baseUrl, projectOf(row));
  return {
    kind: row.kind,
    errorId: row.errorId,
    context: parseAlertContext(row.context),
    links: {
      error: row.errorId === null ? settings : `${baseUrl}/errors/${row.errorId}`,
      settings,
    },
  };
}

/** One message to one channel: a single delivery, or a digest of several. */
interface Job {
  members: ClaimedDelivery[];
  digest: boolean;
}

/**
 * Groups claimed deliveries into messages: per channel, more than its rule's digest threshold
 * due together go out as one digest; otherwise (and always for tests) one message each.
 */
export function planMessages(claimed: ClaimedDelivery[]): Job[] {
  const byChannel = new Map<number, ClaimedDelivery[]>();
  for (const row of claimed) {
    const list = byChannel.get(row.channelId) ?? [];
    list.push(row);
    byChannel.set(row.channelId, list);
  }
  const jobs: Job[] = [];
  for (const rows of byChannel.values()) {
    const tests = rows.filter((row) => row.kind === "test");
    const alerts = rows.filter((row) => row.kind !== "test");
    for (const row of tests) jobs.push({ members: [row], digest: false });
    const threshold = alerts[0]?.digestThreshold ?? Number.POSITIVE_INFINITY;
    if (alerts.length > threshold && alerts.length > 1)
      jobs.push({ members: alerts, digest: true });
    else for (const row of alerts) jobs.push({ members: [row], digest: false });
  }
  return jobs;
}

interface Resolved {
  allowPrivate: boolean;
  leaseMs: number;
  baseUrl: string;
  smtp: SmtpConfig | null | undefined;
  timeoutMs: number;
  resolve?: Resolver;
  now?: Date;
}

function resolveOptions(options: DeliveryOptions): Resolved {
  const config = settings();
  return {
    allowPrivate: options.allowPrivateWebhooks ?? config.ALLOW_PRIVATE_WEBHOOKS,
    leaseMs: options.leaseMs ?? config.ALERT_DELIVERY_LEASE_SECONDS * 1000,
    baseUrl: (options.baseUrl ?? alertBaseUrl()).replace(/\/+$/, ""),
    smtp: options.smtp,
    timeoutMs: options.timeoutMs ?? OUTBOUND_TIMEOUT_MS,
    resolve: options.resolve,
    now: options.now,
  };
}

/** Sends one message; never throws. */
async function send(job: Job, at: Date, options: Resolved): Promise<OutboundResult> {
  const first = job.members[0] as ClaimedDelivery;
  const project = projectOf(first);
  // In the rule's language (all members of a job come from one channel, so one rule).
  const locale = isLocale(first.locale) ? first.locale : undefined;
  const alert: AlertMessage = job.digest
    ? {
        type: "digest",
        project,
        items: job.members.map((row) => itemOf(row, options.baseUrl)),
        links: { settings: settingsLink(options.baseUrl, project) },
        sentAt: at,
        locale,
      }
    : { type: "single", project, item: itemOf(first, options.baseUrl), sentAt: at, locale };
  const started = performance.now();
  try {
    if (first.channelType === "email") {
      const to = (first.recipients ?? []).filter((address) => address.trim() !== "");
      if (to.length === 0) {
        return {
          ok: false,
          statusCode: null,
          error: message("ServerAlertDelivery.noRecipients"),
          durationMs: 0,
        };
      }
      const email = emailPayload(alert);
      const outcome = await trySendMail(
        { to, subject: email.subject, text: email.text, html: email.html },
        { config: options.smtp, timeoutMs: options.timeoutMs },
      );
      const durationMs = Math.round(performance.now() - started);
      if (outcome.sent) return { ok: true, statusCode: null, error: null, durationMs };
      const error =
        outcome.reason === "not_configured"
          ? message("ServerAlertDelivery.smtpNotConfigured")
          : `SMTP: ${outcome.error}`;
      return { ok: false, statusCode: null, error, durationMs };
    }
    if (!first.url) {
      return {
        ok: false,
        statusCode: null,
        error: message("ServerAlertDelivery.noUrl"),
        durationMs: 0,
      };
    }
    const payload = httpPayload(first.channelType, alert, {
      secret: first.secret,
      timestamp: Math.floor(at.getTime() / 1000),
    });
    // The carrier's id: the same on every retry, so a receiver can drop a repeat.
    payload.headers[DELIVERY_HEADER] = String(first.id);
    return await postWebhook(first.url, payload, {
      allowPrivate: options.allowPrivate,
      timeoutMs: options.timeoutMs,
      resolve: options.resolve,
    });
  } catch (error) {
    // A bug in a format, not the receiver's fault; still an attempt that failed.
    return {
      ok: false,
      statusCode: null,
      error: message("ServerAlertDelivery.couldNotSend", { reason: (error as Error).message }),
      durationMs: Math.round(performance.now() - started),
    };
  }
}

/** Sends one message and records its outcome for every delivery it carries. */
async function sendAndRecord(
  db: Db,
  job: Job,
  lease: Date,
  options: Resolved,
): Promise<DeliveryRunResult> {
  const at = options.now ?? new Date();
  const result = await send(job, at, options);
  const now = options.now ?? new Date();
  const channelId = (job.members[0] as ClaimedDelivery).channelId;
  const common = {
    channelId,
    lease,
    at,
    now,
    statusCode: result.statusCode,
    durationMs: result.durationMs,
  };
  if (result.ok) {
    const ids = job.members.map((row) => row.id);
    const recorded = await recordDelivered(db, {
      ...common,
      ids,
      digestId: job.digest ? Math.min(...ids) : null,
    });
    return { attempted: job.members.length, delivered: recorded.length, failed: 0 };
  }
  const recorded = await recordFailed(db, {
    ...common,
    error: storedAttemptText(result.error ?? message("ServerAlertDelivery.failed")),
    outcomes: job.members.map((row) => ({
      id: row.id,
      // A test is tried once: its answer is what the person who sent it sees.
      nextAttemptAt:
        row.kind === "test" ? null : nextAttemptAt(row.createdAt, row.attempts + 1, now),
    })),
  });
  return { attempted: job.members.length, delivered: 0, failed: recorded.length };
}

async function eachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await fn(item);
    }
  });
  await Promise.all(workers);
}

async function sendAll(db: Db, jobs: Job[], lease: Date, options: Resolved) {
  const total: DeliveryRunResult = { attempted: 0, delivered: 0, failed: 0 };
  await eachLimited(jobs, CONCURRENCY, async (job) => {
    try {
      const result = await sendAndRecord(db, job, lease, options);
      total.attempted += result.attempted;
      total.delivered += result.delivered;
      total.failed += result.failed;
    } catch (error) {
      // Recording failed (the database went away): the lease brings the deliveries back.
      total.attempted += job.members.length;
      console.error("alert delivery: could not record an attempt:", error);
    }
  });
  return total;
}

/**
 * Claims the deliveries due now (up to `limit`), sends them (digests per channel above the
 * rule's threshold), and records each attempt: delivered, rescheduled with backoff, or failed
 * after 24 hours. Several workers (processes, instances) may run it at once: each delivery is
 * claimed by one, and its outcome recorded once.
 */
export async function deliverDueAlerts(
  db: Db,
  options: DeliveryOptions = {},
): Promise<DeliveryRunResult> {
  const resolved = resolveOptions(options);
  const now = options.now ?? new Date();
  const lease = new Date(now.getTime() + resolved.leaseMs);
  const claimed = await claimDueDeliveries(db, {
    now,
    lease,
    limit: options.limit ?? CLAIM_LIMIT,
  });
  if (claimed.length === 0) return { attempted: 0, delivered: 0, failed: 0 };
  return sendAll(db, planMessages(claimed), lease, resolved);
}

/**
 * What a test alert says: a sample error, so every field of every format shows; its title in
 * the rule's language (English by default).
 */
export function testAlertContext(now: Date, locale?: Locale): Record<string, unknown> {
  return {
    title: render(message("ServerAlerts.testTitle"), locale),
    level: "error",
    environment: "production",
    origin: "error-central",
    culprit: null,
    count: 1,
    firstSeen: now.toISOString(),
    lastSeen: now.toISOString(),
    release: null,
    reason: null,
    frequency: null,
  };
}

/**
 * "Send a test": a kind "test" notification of the rule with one delivery per channel,
 * attempted at once (not waiting for the worker), once each. The rule must belong to one of the
 * user's projects (NotFound otherwise). Returns each channel's outcome, its error in `locale`.
 */
export async function sendTestAlert(
  db: Db,
  input: { userId: number; ruleId: number; locale?: Locale },
  options: Omit<DeliveryOptions, "limit"> = {},
): Promise<{
  notificationId: number;
  deliveries: { channelId: number; status: string; lastError: string | null }[];
}> {
  const rule = await findRuleForMember(db, input);
  if (!rule) throw notFound("alertRule");
  const resolved = resolveOptions(options);
  const now = options.now ?? new Date();
  const lease = new Date(now.getTime() + resolved.leaseMs);
  const { notificationId, deliveries } = await insertTestNotification(db, {
    ruleId: rule.id,
    projectId: rule.projectId,
    context: testAlertContext(now, isLocale(rule.locale) ? rule.locale : undefined),
    lease,
  });
  await sendAll(
    db,
    deliveries.map((row) => ({ members: [row], digest: false })),
    lease,
    resolved,
  );
  const statuses = await deliveryStatuses(
    db,
    deliveries.map((row) => row.id),
  );
  return {
    notificationId,
    deliveries: statuses.map((row) => ({
      channelId: row.channelId,
      status: row.status,
      lastError: readAttemptText(row.lastError, input.locale),
    })),
  };
}
