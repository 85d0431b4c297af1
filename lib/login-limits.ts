import type { DbOrTx } from "@/db/client";
import { addToWindow, readWindow } from "@/db/queries/rate-limits";
import { normalizeEmail } from "@/db/queries/users";
import { ApiError } from "./api-error";

const WINDOW_SECONDS = 15 * 60;

function limits(env: Record<string, string | undefined> = process.env) {
  return {
    perEmail: Number(env.LOGIN_FAILURES_PER_EMAIL ?? 10),
    perIp: Number(env.LOGIN_FAILURES_PER_IP ?? 50),
  };
}

const keys = (email: string, ip: string) => [
  `login:email:${normalizeEmail(email).slice(0, 254)}`,
  `login:ip:${ip.slice(0, 64)}`,
];

/** The client address: the first X-Forwarded-For hop (set by Vercel or a reverse proxy), else unknown. */
export function clientIp(header: (name: string) => string | null): string {
  return (
    header("x-forwarded-for")?.split(",")[0]?.trim() || header("x-real-ip")?.trim() || "unknown"
  );
}

/**
 * Refuses (429) a login or token request when the email or the address has failed too often
 * within 15 minutes. Counted in PostgreSQL, so the limit holds across app instances.
 */
export async function assertLoginAllowed(
  db: DbOrTx,
  input: { email: string; ip: string },
): Promise<void> {
  const { perEmail, perIp } = limits();
  const [emailKey, ipKey] = keys(input.email, input.ip) as [string, string];
  const [byEmail, byIp] = await Promise.all([
    readWindow(db, { key: emailKey, windowSeconds: WINDOW_SECONDS }),
    readWindow(db, { key: ipKey, windowSeconds: WINDOW_SECONDS }),
  ]);
  const blocked = [
    byEmail.count >= perEmail ? byEmail : null,
    byIp.count >= perIp ? byIp : null,
  ].filter(Boolean);
  if (blocked.length > 0) {
    const retryAfter = Math.max(...blocked.map((w) => w?.resetIn ?? WINDOW_SECONDS));
    throw new ApiError(429, "too_many_attempts", "Too many failed attempts; try again later.", {
      headers: { "Retry-After": String(retryAfter) },
    });
  }
}

export async function recordLoginFailure(
  db: DbOrTx,
  input: { email: string; ip: string },
): Promise<void> {
  for (const key of keys(input.email, input.ip))
    await addToWindow(db, { key, windowSeconds: WINDOW_SECONDS });
}
