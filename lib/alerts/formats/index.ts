import { discordPayload } from "./discord";
import { slackPayload } from "./slack";
import { teamsPayload } from "./teams";
import type { AlertChannelType, AlertMessage, HttpPayload } from "./types";
import { webhookPayload } from "./webhook";

export { emailPayload } from "./email";
export { parseAlertContext } from "./text";
export type * from "./types";

/** The HTTP request body (and headers) of a message for a channel type that speaks HTTP. */
export function httpPayload(
  type: Exclude<AlertChannelType, "email">,
  message: AlertMessage,
  options: { secret: string | null; timestamp: number },
): HttpPayload {
  switch (type) {
    case "webhook":
      return webhookPayload(message, options);
    case "slack":
      return slackPayload(message);
    case "discord":
      return discordPayload(message);
    case "teams":
      return teamsPayload(message);
  }
}
