import type { Env } from "../env";

export interface SmtpConfig {
  /** e.g. smtp://user:pass@host:587 or smtps://user:pass@host:465 */
  url: string;
  /** The From address, e.g. "Error Central <errors@example.com>". */
  from: string;
}

/**
 * SMTP_URL and SMTP_FROM: without SMTP_URL no mail is sent (invitations are still shown in
 * the invitee's Settings). SMTP_FROM defaults to no-reply@ the SMTP host.
 */
export function smtpConfig(env: Env = process.env): SmtpConfig | null {
  const url = env.SMTP_URL?.trim();
  if (!url) return null;
  if (!URL.canParse(url) || !/^smtps?:$/.test(new URL(url).protocol)) {
    throw new Error("SMTP_URL must look like smtp://user:pass@host:port (or smtps://…).");
  }
  const from = env.SMTP_FROM?.trim() || `Error Central <no-reply@${new URL(url).hostname}>`;
  return { url, from };
}
