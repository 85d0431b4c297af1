import {
  alertTitle,
  alertWords,
  describeReason,
  digestLead,
  escapeDiscord,
  facts,
  fitText,
  headlineIn,
  messageHeadline,
  oneLine,
  shortDetails,
  truncate,
} from "./text";
import type { AlertKind, AlertMessage, HttpPayload } from "./types";

/**
 * A Discord webhook message (execute webhook): a short `content` line and one embed. User text
 * is Markdown-escaped and cut to Discord's embed limits (title ≤ 256, description ≤ 4096,
 * ≤ 25 fields, a field's name ≤ 256 and value ≤ 1024, a footer ≤ 2048, all embeds together
 * ≤ 6000 characters; content ≤ 2000). `allowed_mentions: {parse: []}`: no text in an alert
 * can ping anyone, `@everyone` included.
 */

export const DISCORD_LIMITS = {
  content: 2000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  total: 6000,
} as const;

export const DISCORD_COLORS: Record<AlertKind | "digest", number> = {
  newError: 0xe5484d,
  regression: 0xf76b15,
  escalation: 0xffb224,
  frequency: 0x8e4ec6,
  test: 0x30a46c,
  digest: 0x3e63dd,
};

const safe = (value: string, max: number) => fitText(oneLine(value), max, escapeDiscord);

interface Embed {
  title: string;
  url: string;
  description: string;
  color: number;
  fields: { name: string; value: string; inline: boolean }[];
  timestamp: string;
  footer: { text: string };
}

function singleEmbed(message: AlertMessage & { type: "single" }): Embed {
  const { item, project, locale } = message;
  const { context } = item;
  const t = alertWords(locale);
  const lines: string[] = [];
  const reason = describeReason(item, locale);
  if (reason) lines.push(safe(reason, 1000));
  if (context.culprit)
    lines.push(t("ServerAlerts.culprit", { culprit: safe(context.culprit, 500) }));
  return {
    title: safe(alertTitle(context, locale), DISCORD_LIMITS.title),
    url: item.links.error,
    description: lines.join("\n\n"),
    color: DISCORD_COLORS[item.kind],
    fields: facts(context, locale)
      .slice(0, DISCORD_LIMITS.fields)
      .map((fact) => ({ name: fact.name, value: safe(fact.value, 256), inline: true })),
    timestamp: (context.lastSeen && !Number.isNaN(Date.parse(context.lastSeen))
      ? new Date(context.lastSeen)
      : message.sentAt
    ).toISOString(),
    footer: { text: truncate(`Error Central · ${oneLine(project.name)}`, 200) },
  };
}

function digestEmbed(message: AlertMessage & { type: "digest" }): Embed {
  let description = "";
  let shown = 0;
  for (const item of message.items) {
    const line = `• [${safe(alertTitle(item.context, message.locale), 200)}](${item.links.error}) ${safe(shortDetails(item, message.locale), 200)}\n`;
    // Room for the "…and N more" line.
    if (description.length + line.length > DISCORD_LIMITS.description - 40) break;
    description += line;
    shown++;
  }
  const rest = message.items.length - shown;
  const t = alertWords(message.locale);
  if (rest > 0) description += t("ServerAlerts.andMore", { count: String(rest) });
  return {
    title: safe(messageHeadline(message), DISCORD_LIMITS.title),
    url: message.links.settings,
    description: description.trimEnd(),
    color: DISCORD_COLORS.digest,
    fields: [],
    timestamp: message.sentAt.toISOString(),
    footer: { text: `Error Central · ${t("ServerAlerts.sentTogetherShort")}` },
  };
}

export function discordBody(message: AlertMessage) {
  const bold = (text: string) => `**${text}**`;
  const project = safe(message.project.name, 200);
  const lead =
    message.type === "digest"
      ? digestLead(message.items.length, project, message.locale, bold)
      : headlineIn(message.item.kind, project, message.locale, { headline: bold });
  return {
    content: truncate(lead, DISCORD_LIMITS.content),
    embeds: [message.type === "digest" ? digestEmbed(message) : singleEmbed(message)],
    allowed_mentions: { parse: [] },
  };
}

export function discordPayload(message: AlertMessage): HttpPayload {
  return {
    body: JSON.stringify(discordBody(message)),
    headers: { "Content-Type": "application/json" },
  };
}
