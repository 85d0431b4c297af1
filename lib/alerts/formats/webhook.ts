import { alertTitle } from "./text";
import { SIGNATURE_HEADER, signWebhook } from "./webhook-signature";

// The signature lives apart, free of the message catalogues, for receivers and tests.
export { SIGNATURE_HEADER, signWebhook, verifyWebhookSignature } from "./webhook-signature";

import type { AlertItem, AlertMessage, HttpPayload } from "./types";

/**
 * The generic webhook: a versioned JSON body (docs/alerts.md), signed like Stripe's webhooks.
 * `X-Error-Central-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` with the
 * channel's secret: the receiver recomputes it over the raw body and refuses an old `t`, so a
 * captured request cannot be replayed later. Without a secret the request is not signed.
 */

export const WEBHOOK_VERSION = 1;
export const EVENT_HEADER = "X-Error-Central-Event";
/** The delivery's id: the same on every retry of one delivery, so receivers can drop repeats. */
export const DELIVERY_HEADER = "X-Error-Central-Delivery";
export const USER_AGENT = "ErrorCentral-Alerts/1";

function errorFields(item: AlertItem) {
  const c = item.context;
  return {
    id: item.errorId,
    // The webhook's JSON is the same in every language: an untitled error reads in English.
    title: alertTitle(c),
    level: c.level,
    environment: c.environment,
    origin: c.origin,
    culprit: c.culprit,
    count: c.count,
    firstSeen: c.firstSeen,
    lastSeen: c.lastSeen,
    release: c.release,
    url: item.links.error,
  };
}

/** Who resolved or archived it is an account id of this instance: it means nothing outside. */
const INTERNAL_REASON_KEYS = new Set(["resolvedByUserId", "archivedByUserId"]);

/** `reason` (regression, escalation) and `frequency` only when the alert has them. */
function why(item: AlertItem) {
  const reason = item.context.reason;
  return {
    ...(reason
      ? {
          reason: Object.fromEntries(
            Object.entries(reason).filter(([key]) => !INTERNAL_REASON_KEYS.has(key)),
          ),
        }
      : {}),
    ...(item.kind === "frequency" && item.context.frequency
      ? { frequency: item.context.frequency }
      : {}),
  };
}

/** The JSON body, as an object. */
export function webhookBody(message: AlertMessage): Record<string, unknown> {
  const project = {
    id: message.project.id,
    name: message.project.name,
    slug: message.project.slug,
  };
  if (message.type === "digest") {
    return {
      version: WEBHOOK_VERSION,
      kind: "digest",
      project,
      errors: message.items.map((item) => ({
        kind: item.kind,
        ...errorFields(item),
        ...why(item),
      })),
      sentAt: message.sentAt.toISOString(),
    };
  }
  return {
    version: WEBHOOK_VERSION,
    kind: message.item.kind,
    project,
    error: errorFields(message.item),
    ...why(message.item),
    sentAt: message.sentAt.toISOString(),
  };
}

/** The request: the body, its content type, the event, and the signature when there is a secret. */
export function webhookPayload(
  message: AlertMessage,
  options: { secret: string | null; timestamp: number },
): HttpPayload {
  const body = JSON.stringify(webhookBody(message));
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    [EVENT_HEADER]: message.type === "digest" ? "digest" : message.item.kind,
  };
  if (options.secret)
    headers[SIGNATURE_HEADER] = signWebhook(options.secret, options.timestamp, body);
  return { body, headers };
}
