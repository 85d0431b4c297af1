import type { ALERT_CHANNEL_TYPES, ALERT_KIND_VALUES } from "@/db/schema";
import type { Locale } from "@/lib/i18n/config";

/** What made a rule fire (`test`: a person's "send a test"). */
export type AlertKind = (typeof ALERT_KIND_VALUES)[number];
export type AlertChannelType = (typeof ALERT_CHANNEL_TYPES)[number];

/** Why a resolved error regressed or an archived one escalated: errors.reopen_detail. */
export type ReopenReason = Record<string, unknown> & { reason?: unknown };

/**
 * The snapshot a notification carries (alert_notifications.context), written by the decision
 * side when the rule fired: the message says what was true then, even if the error is gone.
 */
export interface AlertContext {
  /** Null when the stored context has none: alertTitle shows "(untitled error)" instead. */
  title: string | null;
  level: string;
  environment: string | null;
  origin: string | null;
  culprit: string | null;
  count: number | null;
  firstSeen: string | null;
  lastSeen: string | null;
  release: string | null;
  reason: ReopenReason | null;
  frequency: { count: number; minutes: number } | null;
}

export interface AlertProject {
  id: number;
  name: string;
  slug: string;
}

/** Absolute links into Error Central, built from the public base URL. */
export interface AlertLinks {
  /** The error's page (for a test alert, which has no error: the project's alert settings). */
  error: string;
  /** The project's alert settings. */
  settings: string;
}

/** One notification, as a message describes it. */
export interface AlertItem {
  kind: AlertKind;
  errorId: number | null;
  context: AlertContext;
  links: AlertLinks;
}

/**
 * What one request (or one email) says: one notification, or a digest listing several of one
 * channel that were due together.
 */
export type AlertMessage = (
  | { type: "single"; project: AlertProject; item: AlertItem; sentAt: Date }
  | {
      type: "digest";
      project: AlertProject;
      items: AlertItem[];
      links: Pick<AlertLinks, "settings">;
      sentAt: Date;
    }
) & {
  /** The rule's language; English when absent. Webhook JSON field names never change. */
  locale?: Locale;
};

/** An HTTP request body and the headers that go with it (besides Content-Length). */
export interface HttpPayload {
  body: string;
  headers: Record<string, string>;
}

export interface EmailPayload {
  subject: string;
  text: string;
  html: string;
}
