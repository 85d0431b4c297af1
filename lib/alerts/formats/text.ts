import { formatDateTime } from "@/lib/errors/detail-format";
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
    title: text(value.title) ?? "(untitled error)",
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

/** The first words of a message: what happened. */
export function headline(kind: AlertKind): string {
  switch (kind) {
    case "newError":
      return "New error";
    case "regression":
      return "Regression";
    case "escalation":
      return "Escalating error";
    case "frequency":
      return "Frequent error";
    case "test":
      return "Test alert";
  }
}

/** "New error in Shop", "Test alert for Shop", "3 alerts in Shop". */
export function messageHeadline(message: AlertMessage): string {
  if (message.type === "digest") return `${message.items.length} alerts in ${message.project.name}`;
  const { kind } = message.item;
  return kind === "test"
    ? `Test alert for ${message.project.name}`
    : `${headline(kind)} in ${message.project.name}`;
}

/** The subject of an email, and the fallback text of chat messages. */
export function messageSummary(message: AlertMessage): string {
  if (message.type === "digest") {
    const titles = message.items.map((item) => oneLine(item.context.title));
    return `${messageHeadline(message)}: ${titles.slice(0, 3).join("; ")}${titles.length > 3 ? "; …" : ""}`;
  }
  return `${messageHeadline(message)}: ${oneLine(message.item.context.title)}`;
}

/** "27 Nov 2026, 14:03 UTC"; the raw text when it is not a time. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${formatDateTime(iso, { timeZone: "UTC" })} UTC`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}

/** Why this alert fired, in a sentence (or two); null for a new error. */
export function describeReason(item: Pick<AlertItem, "kind" | "context">): string | null {
  const { kind, context } = item;
  if (kind === "test") {
    return "A test sent from the project's alert settings: this channel receives Error Central's alerts.";
  }
  if (kind === "frequency") {
    const f = context.frequency;
    return f
      ? `More than ${plural(f.count, "event")} in ${plural(f.minutes, "minute")}.`
      : "More events than the rule allows in its time window.";
  }
  const reason = context.reason;
  if (kind === "regression") {
    const parts: string[] = [];
    const resolvedAt = text(reason?.resolvedAt);
    const inRelease = text(reason?.resolvedInRelease);
    const resolution = text(reason?.resolution);
    let resolved = "It was resolved";
    if (resolvedAt) resolved += ` on ${formatTime(resolvedAt)}`;
    if (resolution === "inNextRelease")
      resolved += inRelease ? ` for the release after ${inRelease}` : " for the next release";
    parts.push(`${resolved} and happened again`);
    const release = text(reason?.release);
    return `${parts.join("")}${release ? ` in release ${release}` : ""}.`;
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
      met = `${plural(rateCount, "event")} within ${plural(rateMinutes, "minute")}`;
    else if (untilEvents !== null) met = `${plural(untilEvents, "more event")}`;
    else if (until) met = `its time limit (${formatTime(until)})`;
    else met = "its condition";
    const since = count(reason?.eventsSinceArchived);
    return (
      `It was archived${archivedAt ? ` on ${formatTime(archivedAt)}` : ""} until ${met}, and that was reached` +
      `${since !== null ? ` (${plural(since, "event")} since)` : ""}.`
    );
  }
  return null;
}

/** The facts a message lists, in order, without the absent ones. */
export function facts(context: AlertContext): { name: string; value: string }[] {
  const list: { name: string; value: string | null }[] = [
    { name: "Level", value: context.level },
    { name: "Environment", value: context.environment },
    {
      name: "Events",
      value: context.count === null ? null : context.count.toLocaleString("en-US"),
    },
    { name: "Release", value: context.release },
    { name: "Origin", value: context.origin },
    { name: "First seen", value: context.firstSeen && formatTime(context.firstSeen) },
    { name: "Last seen", value: context.lastSeen && formatTime(context.lastSeen) },
  ];
  return list.filter((fact): fact is { name: string; value: string } => !!fact.value);
}

/** "error · production · 12 events": a digest line's details. */
export function shortDetails(item: AlertItem): string {
  const { context } = item;
  const parts = [headline(item.kind), context.level];
  if (context.environment) parts.push(context.environment);
  if (context.count !== null) parts.push(plural(context.count, "event"));
  return parts.join(" · ");
}

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
