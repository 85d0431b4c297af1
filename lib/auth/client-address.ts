import type { IncomingMessage } from "node:http";
import { type BlockList, isIP } from "node:net";
import { settingsOf } from "@/lib/config";
import { authLimitSettings } from "./limit-settings";

/**
 * Where the client address is told to the route handlers. server.ts computes it from the
 * socket (and the trusted proxies' hops) and always overwrites this header, so a client that
 * sends it has no say; it is believed only when server.ts runs (see `requestClientAddress`).
 */
export const CLIENT_ADDRESS_HEADER = "x-error-central-client-address";
/** Set by server.ts in its own process: the header above is then always its own. */
const FROM_SERVER_FLAG = "ERROR_CENTRAL_CLIENT_ADDRESS_HEADER";

type Env = Record<string, string | undefined>;

/** An IP address in one spelling (IPv4-mapped IPv6 as IPv4, no port or zone), or null. */
export function normalizeAddress(raw: string): string | null {
  let s = raw.trim();
  if (s.startsWith("[")) {
    const end = s.indexOf("]");
    s = end > 0 ? s.slice(1, end) : "";
  } else if (/^\d{1,3}(\.\d{1,3}){3}:\d{1,5}$/.test(s)) s = s.slice(0, s.lastIndexOf(":"));
  const zone = s.indexOf("%");
  if (zone >= 0) s = s.slice(0, zone);
  const family = isIP(s);
  if (family === 4) return s;
  if (family !== 6) return null;
  s = s.toLowerCase();
  const mapped = /^(?:0{0,4}:){0,5}(?:0{0,4}:)?ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(s);
  if (mapped?.[1] && isIP(mapped[1]) === 4) return mapped[1];
  return s;
}

function ipv6Groups(address: string): number[] {
  let s = address;
  const v4 = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    s = `${s.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const parts = s.includes("::")
    ? (() => {
        const [head = "", tail = ""] = s.split("::");
        const h = head ? head.split(":") : [];
        const t = tail ? tail.split(":") : [];
        return [...h, ...Array<string>(8 - h.length - t.length).fill("0"), ...t];
      })()
    : s.split(":");
  return parts.map((g) => Number.parseInt(g, 16));
}

/**
 * The key a per-address limit counts under: an IPv4 address, or an IPv6 address's /64 (one
 * subscriber usually holds a whole /64, so single IPv6 addresses would cost nothing to change).
 */
export function addressKey(address: string): string {
  if (isIP(address) !== 6) return address;
  const groups = ipv6Groups(address).slice(0, 4);
  return `${groups.map((g) => g.toString(16)).join(":")}::/64`;
}

function isTrusted(list: BlockList, address: string): boolean {
  return list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}

/**
 * The client's address: the socket's peer, unless that peer is a trusted proxy, in which case
 * X-Forwarded-For is walked from the right, skipping trusted hops, and the first untrusted hop
 * is the client. Hops left of it were written by the client and are never believed.
 */
export function resolveClientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: BlockList | null,
): string {
  const peer = normalizeAddress(socketAddress ?? "");
  if (!peer) return "unknown";
  if (!trusted || !isTrusted(trusted, peer)) return peer;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "")).split(
    ",",
  );
  let current = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalizeAddress(hops[i] ?? "");
    // A malformed hop: the last trusted proxy is the nearest thing to the client we know.
    if (!hop) return current;
    current = hop;
    if (!isTrusted(trusted, hop)) return hop;
  }
  return current;
}

/**
 * For server.ts: records the client address of a Node request in CLIENT_ADDRESS_HEADER,
 * replacing whatever the client sent under that name, and marks this process as one whose
 * route handlers may believe that header.
 */
export function stampClientAddress(req: IncomingMessage, env: Env = process.env): void {
  req.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(
    req.socket.remoteAddress,
    req.headers["x-forwarded-for"],
    authLimitSettings(env).trustedProxies,
  );
}

/** Marks this process as served by server.ts (before the first request arrives). */
export function markClientAddressFromServer(env: Env = process.env): void {
  env[FROM_SERVER_FLAG] = "1";
}

/**
 * The client address of a request, for route handlers and server actions (which do not see
 * the socket):
 * - under server.ts (`npm start`): the header it always writes;
 * - on Vercel (`VERCEL` set): `x-vercel-forwarded-for`, which Vercel's edge sets to the client
 *   (it overwrites X-Forwarded-For as well and does not pass on a client's own value);
 * - otherwise (`next dev`, a bare `next start`): Next puts the socket address in
 *   X-Forwarded-For only when the request has none, so the header is walked from the right
 *   with TRUSTED_PROXIES; there a client can choose its address. Use `npm start` in production.
 */
export function requestClientAddress(
  headers: { get(name: string): string | null },
  env: Env = process.env,
): string {
  if (env[FROM_SERVER_FLAG] === "1")
    return normalizeAddress(headers.get(CLIENT_ADDRESS_HEADER) ?? "") ?? "unknown";
  if (settingsOf(env).VERCEL) {
    for (const name of ["x-vercel-forwarded-for", "x-forwarded-for", "x-real-ip"]) {
      const address = normalizeAddress(headers.get(name)?.split(",")[0] ?? "");
      if (address) return address;
    }
    return "unknown";
  }
  const hops = (headers.get("x-forwarded-for") ?? "").split(",");
  const last = hops.pop() ?? "";
  return resolveClientAddress(last, hops.join(","), authLimitSettings(env).trustedProxies);
}
