import { BlockList, isIP } from "node:net";

type Env = Record<string, string | undefined>;

/** The settings of the login and sign-up limits and of the client address they count by. */
export interface AuthLimitSettings {
  /**
   * `TRUSTED_PROXIES`: comma-separated IPs or CIDRs of the reverse proxies in front of the
   * server. Their X-Forwarded-For hops are believed (walked from the right); nobody else's.
   * Unset: the client address is the socket's. Default: none.
   */
  trustedProxies: BlockList | null;
  /** `LOGIN_FAILURES_PER_EMAIL_AND_IP`: failed logins for one email from one address (15 min). Default 10. */
  loginFailuresPerEmailAndIp: number;
  /** `LOGIN_FAILURES_PER_IP`: failed logins from one address, whatever the emails (15 min). Default 50. */
  loginFailuresPerIp: number;
  /**
   * `LOGIN_FAILURES_PER_EMAIL`: failed logins for one email from all addresses together
   * (15 min). Default 200: high, so that one address cannot lock the owner out.
   */
  loginFailuresPerEmail: number;
  /** `SIGNUPS_PER_IP`: sign-up attempts from one address in an hour. Default 20. */
  signupsPerIp: number;
}

export const LOGIN_WINDOW_SECONDS = 15 * 60;
export const SIGNUP_WINDOW_SECONDS = 60 * 60;

function count(env: Env, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!/^\d{1,7}$/.test(raw) || Number(raw) < 1 || Number(raw) > 1_000_000)
    throw new Error(`${name} must be a whole number from 1 to 1000000, got "${raw}"`);
  return Number(raw);
}

function trustedProxies(env: Env): BlockList | null {
  const raw = env.TRUSTED_PROXIES?.trim();
  if (!raw) return null;
  const list = new BlockList();
  for (const entry of raw.split(",")) {
    const item = entry.trim();
    if (!item) continue;
    const [address = "", prefix, extra] = item.split("/");
    const family = isIP(address);
    const bits = family === 4 ? 32 : 128;
    const valid =
      family !== 0 &&
      extra === undefined &&
      (prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits));
    if (!valid)
      throw new Error(
        `TRUSTED_PROXIES must be a comma-separated list of IP addresses or CIDR ranges, got "${item}"`,
      );
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return list;
}

let cached: { key: string; settings: AuthLimitSettings } | null = null;
const NAMES = [
  "TRUSTED_PROXIES",
  "LOGIN_FAILURES_PER_EMAIL_AND_IP",
  "LOGIN_FAILURES_PER_IP",
  "LOGIN_FAILURES_PER_EMAIL",
  "SIGNUPS_PER_IP",
] as const;

/**
 * Reads and validates the limit settings; a bad value throws an Error naming the variable
 * (server.ts reads them at start-up, so a typo stops the server instead of disabling a limit).
 */
export function authLimitSettings(env: Env = process.env): AuthLimitSettings {
  const key = NAMES.map((name) => env[name] ?? "").join("\n");
  if (cached?.key === key) return cached.settings;
  const settings: AuthLimitSettings = {
    trustedProxies: trustedProxies(env),
    loginFailuresPerEmailAndIp: count(env, "LOGIN_FAILURES_PER_EMAIL_AND_IP", 10),
    loginFailuresPerIp: count(env, "LOGIN_FAILURES_PER_IP", 50),
    loginFailuresPerEmail: count(env, "LOGIN_FAILURES_PER_EMAIL", 200),
    signupsPerIp: count(env, "SIGNUPS_PER_IP", 20),
  };
  cached = { key, settings };
  return settings;
}
