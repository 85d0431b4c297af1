import {
  alertTitle,
  alertWords,
  describeReason,
  facts,
  messageHeadline,
  messageSummary,
  oneLine,
  shortDetails,
  truncate,
} from "./text";
import type { AlertItem, AlertMessage, HttpPayload } from "./types";

/**
 * A Microsoft Teams Workflows webhook message ("When a Teams webhook request is received"):
 * a message with one Adaptive Card 1.4 attachment. The retired Office 365 connector card
 * (MessageCard) is not sent. User text goes in RichTextBlock TextRuns, which Adaptive Cards
 * never read as Markdown, so a title shows as typed without escaping; TextBlock (Markdown)
 * only ever holds our own words. Lengths are kept well under Teams' 28 KB message limit.
 */

export const TEAMS_LIMITS = { title: 1000, text: 1000, digestItems: 20 } as const;

const run = (text: string, style: Record<string, unknown> = {}) => ({
  type: "TextRun",
  text,
  ...style,
});
const rich = (inlines: unknown[], extra: Record<string, unknown> = {}) => ({
  type: "RichTextBlock",
  inlines,
  ...extra,
});
const plain = (value: string, max: number = TEAMS_LIMITS.text) => truncate(oneLine(value), max);

function card(body: unknown[], action: { title: string; url: string }, fallback: string) {
  return {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          msteams: { width: "Full" },
          // What clients that cannot render the card show, and screen readers say first.
          fallbackText: truncate(fallback, 500),
          speak: truncate(fallback, 500),
          body,
          actions: [{ type: "Action.OpenUrl", title: action.title, url: action.url }],
        },
      },
    ],
  };
}

function singleBody(item: AlertItem, headline: string, locale: AlertMessage["locale"]): unknown[] {
  const { context } = item;
  const body: unknown[] = [
    rich([run(headline, { weight: "Bolder", color: item.kind === "test" ? "Good" : "Attention" })]),
    rich(
      [
        run(plain(alertTitle(context, locale), TEAMS_LIMITS.title), {
          size: "Large",
          weight: "Bolder",
        }),
      ],
      {
        spacing: "Small",
      },
    ),
  ];
  if (context.culprit)
    body.push(rich([run(plain(context.culprit), { isSubtle: true })], { spacing: "None" }));
  const list = facts(context, locale);
  list.forEach((fact, i) => {
    body.push(
      rich([run(`${fact.name}: `, { weight: "Bolder" }), run(plain(fact.value, 300))], {
        spacing: i === 0 ? "Medium" : "None",
      }),
    );
  });
  const reason = describeReason(item, locale);
  if (reason) body.push(rich([run(plain(reason), { isSubtle: true })], { spacing: "Medium" }));
  return body;
}

function digestBody(message: AlertMessage & { type: "digest" }): unknown[] {
  const shown = message.items.slice(0, TEAMS_LIMITS.digestItems);
  const t = alertWords(message.locale);
  const body: unknown[] = [
    rich([run(plain(messageHeadline(message), 300), { weight: "Bolder", color: "Accent" })]),
    rich([run(t("ServerAlerts.sentTogether"), { isSubtle: true })], {
      spacing: "None",
    }),
  ];
  for (const item of shown) {
    body.push(
      rich(
        [
          run(plain(alertTitle(item.context, message.locale), 300), {
            weight: "Bolder",
            selectAction: { type: "Action.OpenUrl", url: item.links.error },
          }),
        ],
        { spacing: "Medium", separator: true },
      ),
      rich([run(plain(shortDetails(item, message.locale), 300), { isSubtle: true })], {
        spacing: "None",
      }),
    );
  }
  const rest = message.items.length - shown.length;
  if (rest > 0)
    body.push(
      rich([run(t("ServerAlerts.andMore", { count: String(rest) }), { isSubtle: true })], {
        spacing: "Medium",
      }),
    );
  return body;
}

export function teamsBody(message: AlertMessage) {
  const t = alertWords(message.locale);
  if (message.type === "digest") {
    return card(
      digestBody(message),
      { title: t("ServerAlerts.openAlertSettings"), url: message.links.settings },
      messageSummary(message),
    );
  }
  const { item } = message;
  return card(
    singleBody(item, plain(messageHeadline(message), 300), message.locale),
    {
      title: t(
        item.kind === "test" ? "ServerAlerts.openAlertSettings" : "ServerAlerts.openInErrorCentral",
      ),
      url: item.links.error,
    },
    messageSummary(message),
  );
}

export function teamsPayload(message: AlertMessage): HttpPayload {
  return {
    body: JSON.stringify(teamsBody(message)),
    headers: { "Content-Type": "application/json" },
  };
}
