import { createHmac, timingSafeEqual } from "node:crypto";

/** The header that carries a webhook's signature (`t=<unix seconds>,v1=<hex HMAC-SHA256>`). */
export const SIGNATURE_HEADER = "X-Error-Central-Signature";

/** The signature header's value for `body` sent at `timestamp` (unix seconds). */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  const digest = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
  return `t=${timestamp},v1=${digest}`;
}

/**
 * What a receiver does (and what the tests do): true when `header` carries a v1 signature of
 * `body` with `secret`, made less than `toleranceSeconds` before `now`.
 */
export function verifyWebhookSignature(
  header: string | undefined,
  body: string,
  secret: string,
  options: { toleranceSeconds?: number; now?: Date } = {},
): boolean {
  if (!header) return false;
  const parts = header.split(",").map((part) => part.trim().split("="));
  const t = Number(parts.find(([key]) => key === "t")?.[1]);
  if (!Number.isSafeInteger(t)) return false;
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - t) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signWebhook(secret, t, body).split("v1=")[1] ?? "", "hex");
  return parts.some(([key, value]) => {
    if (key !== "v1" || !value || !/^[0-9a-f]+$/i.test(value)) return false;
    const given = Buffer.from(value, "hex");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
