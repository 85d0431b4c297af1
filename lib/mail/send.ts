import nodemailer from "nodemailer";
import { type SmtpConfig, smtpConfig } from "./config";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** How long one message may take, connection included, before it counts as not sent. */
export const MAIL_TIMEOUT_MS = 5_000;

/**
 * Sends one message when SMTP is configured. Never throws and never waits longer than
 * `timeoutMs`: the caller's request goes on whether or not the mail went out, and learns which.
 */
export async function sendMail(
  message: MailMessage,
  options: { config?: SmtpConfig | null; timeoutMs?: number } = {},
): Promise<boolean> {
  let config: SmtpConfig | null;
  try {
    config = options.config === undefined ? smtpConfig() : options.config;
  } catch (error) {
    console.error(`mail not sent: ${(error as Error).message}`);
    return false;
  }
  if (!config) return false;
  const timeoutMs = options.timeoutMs ?? MAIL_TIMEOUT_MS;
  const transport = nodemailer.createTransport(config.url, {
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const sent = transport
    .sendMail({
      from: config.from,
      to: message.to,
      // Header values on one line: a project name cannot add headers.
      subject: message.subject.replace(/[\r\n\t]+/g, " "),
      text: message.text,
    })
    .then(
      () => true,
      (error: Error) => {
        console.error(`mail to ${message.to} not sent: ${error.message}`);
        return false;
      },
    );
  try {
    return await Promise.race([sent, timedOut]);
  } finally {
    clearTimeout(timer);
    transport.close();
  }
}
