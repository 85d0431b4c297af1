import { type Env, settingsOf } from "@/lib/config";

export interface SmtpConfig {
  /** e.g. smtp://user:pass@host:587 or smtps://user:pass@host:465 */
  url: string;
  /** The From address, e.g. "Error Central <errors@example.com>". */
  from: string;
}

/**
 * SMTP_URL and SMTP_FROM: without SMTP_URL no mail is sent (invitations are still shown in
 * the invitee's Settings). SMTP_FROM defaults to no-reply@ the SMTP host. Both are checked at
 * start-up by lib/config.ts.
 */
export function smtpConfig(env?: Env): SmtpConfig | null {
  const { SMTP_URL: url, SMTP_FROM: from } = settingsOf(env);
  if (!url) return null;
  return { url, from: from ?? `Error Central <no-reply@${new URL(url).hostname}>` };
}
