import { formatDateTime } from "@/lib/errors/detail-format";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/config";
import { formatDateTime as formatLocaleDateTime, formatNumber } from "@/lib/i18n/format";
import { serverTranslator } from "@/lib/i18n/server-messages";
import type { AlertContext, AlertItem, AlertKind, AlertMessage, ReopenReason } from "./types";

/**
 * What every format shares: reading a notification's context, the words that describe it, and
 * cutting text to a vendor's limit without breaking a character or an escape.
 */

const KINDS: readonly AlertKind[] = ["newError", "regression", "escalation", "frequency", "test"];

function text(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

function count(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/**
 * A notification's context as stored (jsonb written by SQL, or by an older version): every key
 * read defensively, so an odd value shows as absent instead of breaking the message.
 */
export function parseAlertContext(raw: unknown): AlertContext {
  const value = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
  const reason = value.reason;
  const frequency = value.frequency as Record<string, unknown> | null | undefined;
  const frequencyCount = count(frequency?.count);
  const frequencyMinutes = count(frequency?.minutes);
  return {
    title: text(value.title),
    level: text(value.level) ?? "error",
    environment: text(value.environment),
    origin: text(value.origin),
    culprit: text(value.culprit),
    count: count(value.count),
    firstSeen: text(value.firstSeen),
    lastSeen: text(value.lastSeen),
    release: text(value.release),
    reason:
      reason && typeof reason === "object" && !Array.isArray(reason)
        ? (reason as ReopenReason)
        : null,
    frequency:
      frequencyCount !== null && frequencyMinutes !== null
        ? { count: frequencyCount, minutes: frequencyMinutes }
        : null,
  };
}

export function isAlertKind(value: unknown): value is AlertKind {
  return KINDS.includes(value as AlertKind);
}

/** The words of one language, for a message's text. */
export function alertWords(locale: Locale = DEFAULT_LOCALE) {
  return serverTranslator(locale);
}

/**
 * The error's title as a message shows it: "(untitled error)" in `locale` when the stored
 * context has none (the context itself is left as stored).
 */
export function alertTitle(context: AlertContext, locale: Locale = DEFAULT_LOCALE): string {
  return context.title ?? alertWords(locale)("ServerAlerts.untitled");
}

/** The first words of a message: what happened. */
export function headline(kind: AlertKind, locale: Locale = DEFAULT_LOCALE): string {
  return alertWords(locale)(`ServerAlerts.headline.${kind}`);
}

type Wrap = (text: string) => string;
const plainText: Wrap = (text) => text;

/**
 * "New error in Shop", "Test alert for Shop": `wrap` marks up the headline and the project
 * name (bold in chat) around the words of the language.
 */
export function headlineIn(
  kind: AlertKind,
  project: string,
  locale: Locale = DEFAULT_LOCALE,
  wrap: { headline?: Wrap; project?: Wrap } = {},
): string {
  const values = {
    headline: (wrap.headline ?? plainText)(headline(kind, locale)),
    project: (wrap.project ?? plainText)(project),
  };
  return alertWords(locale)(
    kind === "test" ? "ServerAlerts.headlineFor" : "ServerAlerts.headlineIn",
    values,
  );
}

/** "3 alerts", marked up by `wrap`, "in Shop". */
export function digestLead(
  count: number,
  project: string,
  locale: Locale = DEFAULT_LOCALE,
  wrap: Wrap = plainText,
): string {
  const t = alertWords(locale);
  return t("ServerAlerts.alertsIn", { alerts: wrap(t("ServerAlerts.alerts", { count })), project });
}

/** "New error in Shop", "Test alert for Shop", "3 alerts in Shop". */
export function messageHeadline(message: AlertMessage): string {
  if (message.type === "digest")
    return digestLead(message.items.length, message.project.name, message.locale);
  return headlineIn(message.item.kind, message.project.name, message.locale);
}

/** The subject of an email, and the fallback text of chat messages. */
export function messageSummary(message: AlertMessage): string {
  if (message.type === "digest") {
    const titles = message.items.map((item) => oneLine(alertTitle(item.context, message.locale)));
    return `${messageHeadline(message)}: ${titles.slice(0, 3).join("; ")}${titles.length > 3 ? "; …" : ""}`;
  }
  return `${messageHeadline(message)}: ${oneLine(alertTitle(message.item.context, message.locale))}`;
}

/** "27 Nov 2026, 14:03 UTC" (in Portuguese "27 de nov. de 2026, 14:03 UTC"); the raw text when it is not a time. */
export function formatTime(iso: string, locale: Locale = DEFAULT_LOCALE): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  if (locale !== DEFAULT_LOCALE) return formatLocaleDateTime(date, locale);
  return `${formatDateTime(iso, { timeZone: "UTC" })} UTC`;
}

const yesNo = (value: unknown) => (value ? "yes" : "no");

/** Why this alert fired, in a sentence (or two); null for a new error. */
export function describeReason(
  item: Pick<AlertItem, "kind" | "context">,
  locale: Locale = DEFAULT_LOCALE,
): string | null {
  const t = alertWords(locale);
  const { kind, context } = item;
  if (kind === "test") return t("ServerAlerts.reasonTest");
  if (kind === "frequency") {
    const f = context.frequency;
    return f
      ? t("ServerAlerts.reasonFrequency", { count: f.count, minutes: f.minutes })
      : t("ServerAlerts.reasonFrequencyUnknown");
  }
  const reason = context.reason;
  if (kind === "regression") {
    const resolvedAt = text(reason?.resolvedAt);
    const inRelease = text(reason?.resolvedInRelease);
    const nextRelease = text(reason?.resolution) === "inNextRelease";
    const release = text(reason?.release);
    return t("ServerAlerts.reasonRegression", {
      hasAt: yesNo(resolvedAt),
      at: resolvedAt ? formatTime(resolvedAt, locale) : "",
      target: !nextRelease ? "none" : inRelease ? "after" : "next",
      after: inRelease ?? "",
      hasRelease: yesNo(release),
      release: release ?? "",
    });
  }
  if (kind === "escalation") {
    const archivedAt = text(reason?.archivedAt);
    const condition = (reason?.condition ?? {}) as Record<string, unknown>;
    const rate = condition.untilRate as Record<string, unknown> | undefined;
    const rateCount = count(rate?.count);
    const rateMinutes = count(rate?.minutes);
    const untilEvents = count(condition.untilEvents);
    const until = text(condition.until);
    let met: string;
    if (rateCount !== null && rateMinutes !== null)
      met = t("ServerAlerts.metRate", { count: rateCount, minutes: rateMinutes });
    else if (untilEvents !== null) met = t("ServerAlerts.metEvents", { count: untilEvents });
    else if (until) met = t("ServerAlerts.metTime", { time: formatTime(until, locale) });
    else met = t("ServerAlerts.metCondition");
    const since = count(reason?.eventsSinceArchived);
    return t("ServerAlerts.reasonEscalation", {
      hasAt: yesNo(archivedAt),
      at: archivedAt ? formatTime(archivedAt, locale) : "",
      met,
      hasSince: yesNo(since !== null),
      since: since ?? 0,
    });
  }
  return null;
}

/** The facts a message lists, in order, without the absent ones. */
export function facts(
  context: AlertContext,
  locale: Locale = DEFAULT_LOCALE,
): { name: string; value: string }[] {
  const t = alertWords(locale);
  const list: { name: string; value: string | null }[] = [
    { name: t("ServerAlerts.facts.level"), value: context.level },
    { name: t("ServerAlerts.facts.environment"), value: context.environment },
    {
      name: t("ServerAlerts.facts.events"),
      value: context.count === null ? null : formatNumber(context.count, numberLocale(locale)),
    },
    { name: t("ServerAlerts.facts.release"), value: context.release },
    { name: t("ServerAlerts.facts.origin"), value: context.origin },
    {
      name: t("ServerAlerts.facts.firstSeen"),
      value: context.firstSeen && formatTime(context.firstSeen, locale),
    },
    {
      name: t("ServerAlerts.facts.lastSeen"),
      value: context.lastSeen && formatTime(context.lastSeen, locale),
    },
  ];
  return list.filter((fact): fact is { name: string; value: string } => !!fact.value);
}

/** "error · production · 12 events": a digest line's details. */
export function shortDetails(item: AlertItem, locale: Locale = DEFAULT_LOCALE): string {
  const { context } = item;
  const parts = [headline(item.kind, locale), context.level];
  if (context.environment) parts.push(context.environment);
  if (context.count !== null)
    parts.push(alertWords(locale)("ServerAlerts.events", { count: context.count }));
  return parts.join(" · ");
}

const numberLocale = (locale: Locale) => (locale === DEFAULT_LOCALE ? "en-US" : locale);

/** Line breaks and tabs become spaces: a title stays one line in every format. */
export function oneLine(value: string): string {
  return value.replace(/[\r\n\t\v\f\u2028\u2029]+/g, " ").trim();
}

/**
 * At most `max` UTF-16 units (what vendors count), ending in "…" when cut, never splitting a
 * surrogate pair.
 */
export function truncate(value: string, max: number): string {
  if (value.length <= max) return value;
  let cut = value.slice(0, Math.max(0, max - 1));
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/**
 * `escape(value)` cut to `max`: the raw text is cut before escaping, so an entity or a
 * backslash escape is never split, and cut further while the escaped text is too long.
 */
export function fitText(value: string, max: number, escapeText: (raw: string) => string): string {
  let budget = max;
  for (;;) {
    const escaped = escapeText(truncate(value, budget));
    if (escaped.length <= max || budget <= 1) return escaped;
    budget = Math.max(1, Math.min(budget - 1, Math.floor((budget * max) / escaped.length)));
  }
}

/** `&`, `<` and `>` as HTML entities: Slack's mrkdwn control characters. */
export function escapeSlack(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Text for an HTML document, attribute values included. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/**
 * Discord's Markdown characters behind a backslash (Discord drops the backslash before any
 * punctuation): user text shows as typed, never as formatting, links, headings or mentions.
 */
export function escapeDiscord(value: string): string {
  return value.replace(/[\\`*_~|[\]()<>#+\-.@]/g, (c) => `\\${c}`);
}
