import {
  alertTitle,
  alertWords,
  describeReason,
  escapeHtml,
  facts,
  messageHeadline,
  messageSummary,
  oneLine,
  shortDetails,
  truncate,
} from "./text";
import type { AlertItem, AlertMessage, EmailPayload } from "./types";

/**
 * An alert email: plain text and HTML saying the same, with a link to the error. In HTML every
 * value, links included, is escaped; the subject is one line ("[Error Central] New error in
 * Shop: TypeError: …"), at most 200 characters.
 */

export const EMAIL_LIMITS = { subject: 200, title: 1000, digestItems: 50 } as const;

const PREFIX = "[Error Central] ";

export function emailSubject(message: AlertMessage): string {
  return truncate(PREFIX + oneLine(messageSummary(message)), EMAIL_LIMITS.subject);
}

function footerText(message: AlertMessage): string {
  const t = alertWords(message.locale);
  return (
    `${t("ServerAlerts.footer", { project: oneLine(message.project.name) })}\n` +
    `${t("ServerAlerts.alertSettings")}: ${settingsUrl(message)}`
  );
}

function settingsUrl(message: AlertMessage): string {
  return message.type === "digest" ? message.links.settings : message.item.links.settings;
}

function singleText(message: AlertMessage & { type: "single" }): string {
  const { item, locale } = message;
  const { context } = item;
  const t = alertWords(locale);
  const lines = [
    messageHeadline(message),
    "",
    truncate(oneLine(alertTitle(context, locale)), EMAIL_LIMITS.title),
  ];
  if (context.culprit) lines.push(oneLine(context.culprit));
  lines.push("");
  for (const fact of facts(context, locale)) lines.push(`${fact.name}: ${oneLine(fact.value)}`);
  const reason = describeReason(item, locale);
  if (reason) lines.push("", reason);
  const open = t(
    item.kind === "test" ? "ServerAlerts.alertSettings" : "ServerAlerts.openItInErrorCentral",
  );
  lines.push("", `${open}: ${item.links.error}`);
  lines.push("", "-- ", footerText(message));
  return lines.join("\n");
}

function digestText(message: AlertMessage & { type: "digest" }): string {
  const t = alertWords(message.locale);
  const lines = [messageHeadline(message), t("ServerAlerts.sentTogetherEmail"), ""];
  const shown = message.items.slice(0, EMAIL_LIMITS.digestItems);
  for (const item of shown) {
    lines.push(`- ${truncate(oneLine(alertTitle(item.context, message.locale)), 300)}`);
    lines.push(`  ${shortDetails(item, message.locale)}`);
    lines.push(`  ${item.links.error}`);
  }
  const rest = message.items.length - shown.length;
  if (rest > 0) lines.push(t("ServerAlerts.andMore", { count: String(rest) }));
  lines.push("", "-- ", footerText(message));
  return lines.join("\n");
}

const STYLE = {
  body: "margin:0;padding:24px;background:#f6f7f9;font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#1c2024",
  card: "max-width:600px;margin:0 auto;background:#ffffff;border:1px solid #e0e1e6;border-radius:8px;padding:24px",
  kicker:
    "margin:0 0 8px;font-size:13px;font-weight:600;color:#ce2c31;text-transform:uppercase;letter-spacing:.04em",
  title: "margin:0 0 4px;font-size:18px;line-height:1.35;word-break:break-word",
  muted: "margin:0;color:#60646c;font-size:13px;word-break:break-word",
  table: "margin:16px 0;border-collapse:collapse;font-size:14px",
  th: "padding:2px 16px 2px 0;text-align:left;color:#60646c;font-weight:normal;vertical-align:top",
  td: "padding:2px 0;word-break:break-word",
  button:
    "display:inline-block;margin-top:16px;padding:10px 16px;background:#1c2024;color:#ffffff;text-decoration:none;border-radius:6px;font-size:14px",
  footer: "max-width:600px;margin:16px auto 0;color:#80838d;font-size:12px",
  item: "margin:0 0 12px",
};

function page(message: AlertMessage, content: string): string {
  const settings = escapeHtml(settingsUrl(message));
  const t = alertWords(message.locale);
  const footer = t("ServerAlerts.footer", { project: oneLine(message.project.name) });
  return (
    `<!doctype html><html lang="${message.locale ?? "en"}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
    `<title>${escapeHtml(emailSubject(message))}</title></head>` +
    `<body style="${STYLE.body}"><div style="${STYLE.card}">${content}</div>` +
    `<p style="${STYLE.footer}">${escapeHtml(footer)} ` +
    `<a href="${settings}" style="color:#60646c">${escapeHtml(t("ServerAlerts.alertSettings"))}</a></p></body></html>`
  );
}

function singleHtml(message: AlertMessage & { type: "single" }): string {
  const { item, locale } = message;
  const { context } = item;
  const t = alertWords(locale);
  const rows = facts(context, locale)
    .map(
      (fact) =>
        `<tr><th style="${STYLE.th}">${escapeHtml(fact.name)}</th><td style="${STYLE.td}">${escapeHtml(oneLine(fact.value))}</td></tr>`,
    )
    .join("");
  const reason = describeReason(item, locale);
  const link = escapeHtml(item.links.error);
  const open = t(
    item.kind === "test" ? "ServerAlerts.openAlertSettings" : "ServerAlerts.openInErrorCentral",
  );
  return page(
    message,
    `<p style="${STYLE.kicker}">${escapeHtml(messageHeadline(message))}</p>` +
      `<h1 style="${STYLE.title}"><a href="${link}" style="color:#1c2024;text-decoration:none">${escapeHtml(truncate(oneLine(alertTitle(context, locale)), EMAIL_LIMITS.title))}</a></h1>` +
      (context.culprit
        ? `<p style="${STYLE.muted}">${escapeHtml(oneLine(context.culprit))}</p>`
        : "") +
      (rows ? `<table style="${STYLE.table}">${rows}</table>` : "") +
      (reason ? `<p style="${STYLE.muted}">${escapeHtml(reason)}</p>` : "") +
      `<a href="${link}" style="${STYLE.button}">${escapeHtml(open)}</a>`,
  );
}

function digestItemHtml(item: AlertItem, locale: AlertMessage["locale"]): string {
  return (
    `<p style="${STYLE.item}"><a href="${escapeHtml(item.links.error)}" style="color:#1c2024;font-weight:600">${escapeHtml(truncate(oneLine(alertTitle(item.context, locale)), 300))}</a><br>` +
    `<span style="${STYLE.muted}">${escapeHtml(shortDetails(item, locale))}</span></p>`
  );
}

function digestHtml(message: AlertMessage & { type: "digest" }): string {
  const shown = message.items.slice(0, EMAIL_LIMITS.digestItems);
  const rest = message.items.length - shown.length;
  const t = alertWords(message.locale);
  return page(
    message,
    `<p style="${STYLE.kicker}">${escapeHtml(messageHeadline(message))}</p>` +
      `<p style="${STYLE.muted};margin-bottom:16px">${escapeHtml(t("ServerAlerts.sentTogetherEmail"))}</p>` +
      shown.map((item) => digestItemHtml(item, message.locale)).join("") +
      (rest > 0
        ? `<p style="${STYLE.muted}">${escapeHtml(t("ServerAlerts.andMore", { count: String(rest) }))}</p>`
        : "") +
      `<a href="${escapeHtml(message.links.settings)}" style="${STYLE.button}">${escapeHtml(t("ServerAlerts.openAlertSettings"))}</a>`,
  );
}

export function emailPayload(message: AlertMessage): EmailPayload {
  return message.type === "digest"
    ? { subject: emailSubject(message), text: digestText(message), html: digestHtml(message) }
    : { subject: emailSubject(message), text: singleText(message), html: singleHtml(message) };
}
