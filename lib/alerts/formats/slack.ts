import {
  alertTitle,
  alertWords,
  describeReason,
  escapeSlack,
  facts,
  fitText,
  headlineIn,
  messageSummary,
  oneLine,
  shortDetails,
} from "./text";
import type { AlertItem, AlertKind, AlertMessage, HttpPayload } from "./types";

/**
 * A Slack incoming webhook message: Block Kit blocks plus `text`, the fallback shown in
 * notifications. Every piece of user text goes through mrkdwn escaping (`&`, `<`, `>` as
 * entities, so it can make neither links nor mentions) and is cut to Block Kit's limits: a
 * section's text ≤ 3000 characters, ≤ 10 fields of ≤ 2000, ≤ 50 blocks, a button's text ≤ 75.
 */

export const SLACK_LIMITS = {
  sectionText: 3000,
  fields: 10,
  fieldText: 2000,
  blocks: 50,
  buttonText: 75,
  /** Our own choice: long enough for any title, short enough to read. */
  title: 300,
  /** Errors listed one by one in a digest; the rest are counted. */
  digestItems: 20,
} as const;

const EMOJI: Record<AlertKind, string> = {
  newError: ":rotating_light:",
  regression: ":repeat:",
  escalation: ":chart_with_upwards_trend:",
  frequency: ":fire:",
  test: ":white_check_mark:",
};

const mrkdwn = (text: string) => ({ type: "mrkdwn", text });
const safe = (value: string, max: number) => fitText(oneLine(value), max, escapeSlack);
/** `<url|text>`: the URL is ours; the text is escaped, so it cannot close the link. */
const link = (url: string, text: string) => `<${url}|${text}>`;

function button(text: string, url: string) {
  return {
    type: "actions",
    elements: [{ type: "button", text: { type: "plain_text", text, emoji: true }, url }],
  };
}

function singleBlocks(message: AlertMessage & { type: "single" }): unknown[] {
  const { item, project, locale } = message;
  const { context } = item;
  const t = alertWords(locale);
  const bold = (text: string) => `*${text}*`;
  const lead =
    `${EMOJI[item.kind]} ${headlineIn(item.kind, safe(project.name, 200), locale, { headline: bold, project: bold })}\n` +
    `*${link(item.links.error, safe(alertTitle(context, locale), SLACK_LIMITS.title))}*`;
  const blocks: unknown[] = [{ type: "section", text: mrkdwn(lead) }];
  const fields = facts(context, locale)
    .slice(0, SLACK_LIMITS.fields)
    .map((fact) => mrkdwn(`*${fact.name}*\n${safe(fact.value, 300)}`));
  if (fields.length > 0) blocks.push({ type: "section", fields });
  const notes: string[] = [];
  const reason = describeReason(item, locale);
  if (reason) notes.push(safe(reason, 1000));
  if (context.culprit)
    notes.push(t("ServerAlerts.culprit", { culprit: safe(context.culprit, 500) }));
  if (notes.length > 0) blocks.push({ type: "context", elements: notes.map(mrkdwn) });
  blocks.push(
    button(
      t(
        item.kind === "test" ? "ServerAlerts.openAlertSettings" : "ServerAlerts.openInErrorCentral",
      ),
      item.links.error,
    ),
  );
  return blocks;
}

function digestLine(item: AlertItem, locale: AlertMessage["locale"]): string {
  return `*${link(item.links.error, safe(alertTitle(item.context, locale), SLACK_LIMITS.title))}*\n${safe(shortDetails(item, locale), 500)}`;
}

function digestBlocks(message: AlertMessage & { type: "digest" }): unknown[] {
  const shown = message.items.slice(0, SLACK_LIMITS.digestItems);
  const t = alertWords(message.locale);
  const alerts = `*${t("ServerAlerts.alerts", { count: message.items.length })}*`;
  const project = `*${safe(message.project.name, 200)}*`;
  const blocks: unknown[] = [
    {
      type: "section",
      text: mrkdwn(`:bell: ${t("ServerAlerts.digestLead", { alerts, project })}`),
    },
    { type: "divider" },
    ...shown.map((item) => ({ type: "section", text: mrkdwn(digestLine(item, message.locale)) })),
  ];
  const rest = message.items.length - shown.length;
  if (rest > 0) {
    blocks.push({
      type: "context",
      elements: [mrkdwn(t("ServerAlerts.andMore", { count: String(rest) }))],
    });
  }
  blocks.push(button(t("ServerAlerts.openAlertSettings"), message.links.settings));
  return blocks;
}

export function slackBody(message: AlertMessage): { text: string; blocks: unknown[] } {
  const blocks = message.type === "digest" ? digestBlocks(message) : singleBlocks(message);
  return {
    text: safe(messageSummary(message), SLACK_LIMITS.sectionText),
    blocks: blocks.slice(0, SLACK_LIMITS.blocks),
  };
}

export function slackPayload(message: AlertMessage): HttpPayload {
  return {
    body: JSON.stringify(slackBody(message)),
    headers: { "Content-Type": "application/json" },
  };
}
