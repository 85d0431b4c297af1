import nodemailer from "nodemailer";
import { type SmtpConfig, smtpConfig } from "./config";

export interface MailMessage {
  /** One address, or several (one message with all of them in To). */
  to: string | string[];
  subject: string;
  text: string;
  /** An HTML alternative to `text`; the caller escapes what it puts in. */
  html?: string;
}

/** How long one message may take, connection included, before it counts as not sent. */
export const MAIL_TIMEOUT_MS = 5_000;

/** Why a message did not go out, or that it did. */
export type MailOutcome =
  | { sent: true }
  | { sent: false; reason: "not_configured" | "failed"; error: string };

/**
 * Sends one message when SMTP is configured, and says what happened. Never throws and never
 * waits longer than `timeoutMs`.
 */
export async function trySendMail(
  message: MailMessage,
  options: { config?: SmtpConfig | null; timeoutMs?: number } = {},
): Promise<MailOutcome> {
  let config: SmtpConfig | null;
  try {
    config = options.config === undefined ? smtpConfig() : options.config;
  } catch (error) {
    return { sent: false, reason: "failed", error: (error as Error).message };
  }
  if (!config) return { sent: false, reason: "not_configured", error: "SMTP_URL is not set" };
  const timeoutMs = options.timeoutMs ?? MAIL_TIMEOUT_MS;
  const transport = nodemailer.createTransport(config.url, {
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<MailOutcome>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({
          sent: false,
          reason: "failed",
          error: `no answer from the SMTP server within ${timeoutMs / 1000} s`,
        }),
      timeoutMs,
    );
  });
  const sent = transport
    .sendMail({
      from: config.from,
      to: message.to,
      // Header values on one line: a project name cannot add headers.
      subject: message.subject.replace(/[\r\n\t]+/g, " "),
      text: message.text,
      ...(message.html === undefined ? {} : { html: message.html }),
    })
    .then(
      (): MailOutcome => ({ sent: true }),
      (error: Error): MailOutcome => ({ sent: false, reason: "failed", error: error.message }),
    );
  try {
    return await Promise.race([sent, timedOut]);
  } finally {
    clearTimeout(timer);
    transport.close();
  }
}

/**
 * Sends one message when SMTP is configured. Never throws and never waits longer than
 * `timeoutMs`: the caller's request goes on whether or not the mail went out, and learns which.
 */
export async function sendMail(
  message: MailMessage,
  options: { config?: SmtpConfig | null; timeoutMs?: number } = {},
): Promise<boolean> {
  const outcome = await trySendMail(message, options);
  if (outcome.sent) return true;
  if (outcome.reason === "failed") {
    const to = Array.isArray(message.to) ? message.to.join(", ") : message.to;
    console.error(`mail to ${to} not sent: ${outcome.error}`);
  }
  return false;
}
