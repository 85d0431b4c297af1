import { BlockList, isIP } from "node:net";

import { type Env, settingsOf } from "@/lib/config";

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

/** The proxies' addresses as a BlockList; config has checked every entry already. */
function trustedProxies(raw: string | undefined): BlockList | null {
  if (!raw) return null;
  const list = new BlockList();
  for (const entry of raw.split(",")) {
    const [address = "", prefix] = entry.trim().split("/");
    const type = isIP(address) === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return list;
}

let cached: { raw: string | undefined; list: BlockList | null } | null = null;

/**
 * The limit settings, from the one settings module (lib/config.ts), which stops the start on a
 * bad value, naming the variable, instead of disabling a limit.
 */
export function authLimitSettings(env?: Env): AuthLimitSettings {
  const s = settingsOf(env);
  const proxies =
    cached && cached.raw === s.TRUSTED_PROXIES
      ? cached
      : { raw: s.TRUSTED_PROXIES, list: trustedProxies(s.TRUSTED_PROXIES) };
  cached = proxies;
  const { list } = proxies;
  return {
    trustedProxies: list,
    loginFailuresPerEmailAndIp: s.LOGIN_FAILURES_PER_EMAIL_AND_IP,
    loginFailuresPerIp: s.LOGIN_FAILURES_PER_IP,
    loginFailuresPerEmail: s.LOGIN_FAILURES_PER_EMAIL,
    signupsPerIp: s.SIGNUPS_PER_IP,
  };
}
