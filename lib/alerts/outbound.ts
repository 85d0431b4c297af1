import { lookup as dnsLookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { settings } from "@/lib/config";
import { Invalid } from "@/lib/domain-errors";
import type { Messages } from "@/lib/i18n/messages";
import { type Message, message, render, type Text } from "@/lib/i18n/server-messages";
import type { HttpPayload } from "./formats/types";
import { USER_AGENT } from "./formats/webhook";

/**
 * Requests to the URLs people give alert channels, made so that a channel cannot be used to
 * reach what only the server can reach (SSRF): only http(s); the host is resolved and every
 * address it resolves to must be public (not loopback, private, link-local, CGNAT, multicast,
 * unspecified, reserved, nor an IPv6 form of those) unless ALLOW_PRIVATE_WEBHOOKS is on; the
 * checked address is the one connected to (a second DNS answer cannot swap it: DNS
 * rebinding), with the Host header and TLS server name of the URL; redirects are not followed;
 * 5 s for everything; at most 64 KiB of the answer is read.
 */

export const OUTBOUND_TIMEOUT_MS = 5_000;
export const MAX_RESPONSE_BYTES = 64 * 1024;

export type Resolver = (hostname: string) => Promise<{ address: string; family: number }[]>;

export interface OutboundOptions {
  /** Allow non-public addresses; ALLOW_PRIVATE_WEBHOOKS by default (tests turn it on). */
  allowPrivate?: boolean;
  timeoutMs?: number;
  maxResponseBytes?: number;
  /** How host names are resolved (every address, as node:dns lookup with `all`). */
  resolve?: Resolver;
}

export interface OutboundResult {
  /** A 2xx answer. */
  ok: boolean;
  statusCode: number | null;
  /**
   * Why it is not ok, in words: the receiver's or the system's own text, or one of ours (a
   * catalogue message, written in the reader's language); null when ok.
   */
  error: Text | null;
  durationMs: number;
}

/** What a non-public range is, and how an IPv6 address may carry an IPv4 one (ServerWebhookUrl). */
type RangeKind = keyof Messages["ServerWebhookUrl"]["ranges"];
type EmbeddingForm = keyof Messages["ServerWebhookUrl"]["forms"];
type Range<K = RangeKind> = { bytes: number[]; bits: number; kind: K };

function v4(address: string): number[] {
  return address.split(".").map(Number);
}

const V4_RANGES: Range[] = (
  [
    ["0.0.0.0", 8, "thisNetwork"],
    ["10.0.0.0", 8, "private"],
    ["100.64.0.0", 10, "cgnat"],
    ["127.0.0.0", 8, "loopback"],
    ["169.254.0.0", 16, "linkLocal"],
    ["172.16.0.0", 12, "private"],
    ["192.0.0.0", 24, "ietf"],
    ["192.0.2.0", 24, "documentation"],
    ["192.88.99.0", 24, "relay6to4"],
    ["192.168.0.0", 16, "private"],
    ["198.18.0.0", 15, "benchmarking"],
    ["198.51.100.0", 24, "documentation"],
    ["203.0.113.0", 24, "documentation"],
    ["224.0.0.0", 4, "multicast"],
    ["240.0.0.0", 4, "future"],
  ] as const
).map(([address, bits, kind]) => ({ bytes: v4(address), bits, kind }));

/** 16 bytes of an IPv6 address (a zone id is ignored); null when it does not parse. */
export function ipv6Bytes(address: string): number[] | null {
  let text = address.replace(/^\[|\]$/g, "").split("%")[0] ?? "";
  const tail: number[] = [];
  const dotted = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  if (dotted?.[1]) {
    if (isIP(dotted[1]) !== 4) return null;
    tail.push(...v4(dotted[1]));
    text = `${text.slice(0, -dotted[1].length)}0:0`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const groups = (part: string | undefined) => (part ? part.split(":") : []);
  const head = groups(halves[0]);
  const rest = groups(halves[1]);
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const all = [...head, ...Array(halves.length === 2 ? missing : 0).fill("0"), ...rest];
  const bytes: number[] = [];
  for (const group of all) {
    if (!/^[0-9a-f]{1,4}$/i.test(group)) return null;
    const value = Number.parseInt(group, 16);
    bytes.push(value >> 8, value & 0xff);
  }
  if (tail.length === 4) bytes.splice(12, 4, ...tail);
  return bytes;
}

function v6(prefix: string): number[] {
  return ipv6Bytes(prefix) as number[];
}

const V6_RANGES: Range[] = (
  [
    ["::", 128, "unspecified"],
    ["::1", 128, "loopback"],
    ["fc00::", 7, "uniqueLocal"],
    ["fe80::", 10, "linkLocal"],
    ["fec0::", 10, "siteLocal"],
    ["ff00::", 8, "multicast"],
    ["100::", 64, "discard"],
    ["2001::", 32, "teredo"],
    ["2001:db8::", 32, "documentation"],
  ] as const
).map(([address, bits, kind]) => ({ bytes: v6(address), bits, kind }));

/** IPv6 ranges that carry an IPv4 address: where it sits (byte offset) and what the form is. */
const V6_EMBEDDING: { range: Range<EmbeddingForm>; offset: number }[] = [
  { range: { bytes: v6("::ffff:0:0"), bits: 96, kind: "ipv4Mapped" }, offset: 12 },
  { range: { bytes: v6("::"), bits: 96, kind: "ipv4Compatible" }, offset: 12 },
  { range: { bytes: v6("64:ff9b::"), bits: 96, kind: "nat64" }, offset: 12 },
  { range: { bytes: v6("64:ff9b:1::"), bits: 48, kind: "localNat64" }, offset: 12 },
  { range: { bytes: v6("2002::"), bits: 16, kind: "sixToFour" }, offset: 2 },
];

function inRange(bytes: number[], range: Range<unknown>): boolean {
  let bits = range.bits;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if (((bytes[i] ?? 0) & mask) !== ((range.bytes[i] ?? 0) & mask)) return false;
  }
  return true;
}

/** The kind of a range, as a phrase of the catalogue. */
const rangeText = (kind: RangeKind): Message => message(`ServerWebhookUrl.ranges.${kind}`);

/**
 * Why an address is not a public one ("loopback", "private", "link-local (IPv4-mapped)"…, as
 * a catalogue phrase), or null when it is public. Anything that is not an IP address counts as
 * not public.
 */
function nonPublic(address: string): Message | null {
  const family = isIP(address.replace(/^\[|\]$/g, "").split("%")[0] ?? "");
  if (family === 4) {
    const bytes = v4(address);
    const range = V4_RANGES.find((one) => inRange(bytes, one));
    return range ? rangeText(range.kind) : null;
  }
  if (family !== 6) return rangeText("notIp");
  const bytes = ipv6Bytes(address);
  if (!bytes) return rangeText("notIp");
  const own = V6_RANGES.find((range) => inRange(bytes, range));
  if (own && own.bits === 128) return rangeText(own.kind); // :: and ::1 before the IPv4-compatible form
  for (const { range, offset } of V6_EMBEDDING) {
    if (!inRange(bytes, range)) continue;
    const inner = nonPublic(bytes.slice(offset, offset + 4).join("."));
    if (inner) {
      const form = message(`ServerWebhookUrl.forms.${range.kind}`);
      return message("ServerWebhookUrl.embedded", { reason: inner, form });
    }
  }
  return own ? rangeText(own.kind) : null;
}

/** nonPublic in English: "loopback", "private (IPv4-mapped)"…, or null for a public address. */
export function nonPublicReason(address: string): string | null {
  const reason = nonPublic(address);
  return reason ? render(reason) : null;
}

const defaultResolve: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

function invalid(text: Message): Invalid {
  return new Invalid("invalid_webhook_url", text);
}

function parseWebhookUrl(raw: string): URL {
  if (typeof raw !== "string" || !URL.canParse(raw.trim())) {
    throw invalid(message("ServerWebhookUrl.invalid"));
  }
  const url = new URL(raw.trim());
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw invalid(message("ServerWebhookUrl.scheme", { protocol: url.protocol }));
  }
  if (url.username || url.password) {
    throw invalid(message("ServerWebhookUrl.credentials"));
  }
  if (!url.hostname) throw invalid(message("ServerWebhookUrl.noHost"));
  return url;
}

/**
 * The address to connect to for `url`: its literal IP, or the first address its host resolves
 * to, after checking every address the host resolves to. Throws Invalid naming the problem.
 * For a host name, a refusal never says what it resolved to, nor whether it resolved at all:
 * the message must not map the server's private network (`db.internal` → 10.0.3.4) for
 * whoever saves a channel.
 */
async function resolveTarget(
  url: URL,
  options: OutboundOptions,
): Promise<{ address: string; family: 4 | 6 }> {
  const allowPrivate = options.allowPrivate ?? settings().ALLOW_PRIVATE_WEBHOOKS;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const literal = isIP(host);
  const notPublic = () => invalid(message("ServerWebhookUrl.hostNotPublic", { host }));
  let addresses: { address: string; family: number }[];
  if (literal) {
    addresses = [{ address: host, family: literal }];
  } else {
    try {
      addresses = await (options.resolve ?? defaultResolve)(host);
    } catch (error) {
      if (!allowPrivate) throw notPublic();
      const code = (error as NodeJS.ErrnoException).code;
      throw invalid(
        code
          ? message("ServerWebhookUrl.unresolvedCode", { host, code })
          : message("ServerWebhookUrl.unresolved", { host }),
      );
    }
    if (addresses.length === 0) {
      throw allowPrivate ? invalid(message("ServerWebhookUrl.unresolved", { host })) : notPublic();
    }
  }
  if (!allowPrivate) {
    for (const { address } of addresses) {
      const reason = nonPublic(address);
      if (!reason) continue;
      // A literal address is what the person typed: its kind tells them nothing new.
      throw literal
        ? invalid(message("ServerWebhookUrl.addressNotPublic", { address, reason }))
        : notPublic();
    }
  }
  const first = addresses[0] as { address: string; family: number };
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}

/**
 * Checks a channel URL when a rule is saved: http(s), no credentials, and a host that resolves
 * to public addresses only. When private addresses are allowed there is no address to check,
 * so the host is not resolved (a server without DNS, as in tests, can still save channels).
 * Throws Invalid with a message that says what is wrong. The same check runs again before
 * every request.
 */
export async function assertSafeWebhookUrl(
  url: string,
  options: Pick<OutboundOptions, "allowPrivate" | "resolve"> = {},
): Promise<void> {
  const parsed = parseWebhookUrl(url);
  if (options.allowPrivate ?? settings().ALLOW_PRIVATE_WEBHOOKS) return;
  await resolveTarget(parsed, { ...options, allowPrivate: false });
}

const timeoutText = (ms: number): Message =>
  message("ServerAlertDelivery.timedOut", { seconds: ms / 1000 });

function oneLineSnippet(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/**
 * POSTs `payload` to `url` under the rules above. Never throws: the result says whether a 2xx
 * came back, the status, and otherwise why not (refused address, timeout, a redirect, an
 * error status with the start of its body…), with how long it took.
 */
export async function postWebhook(
  url: string,
  payload: HttpPayload,
  options: OutboundOptions = {},
): Promise<OutboundResult> {
  const started = performance.now();
  const timeoutMs = options.timeoutMs ?? OUTBOUND_TIMEOUT_MS;
  const maxBytes = options.maxResponseBytes ?? MAX_RESPONSE_BYTES;
  const elapsed = () => Math.round(performance.now() - started);
  const failure = (error: Text, statusCode: number | null = null): OutboundResult => ({
    ok: false,
    statusCode,
    error,
    durationMs: elapsed(),
  });

  let timer: NodeJS.Timeout | undefined;
  let cancelled = false;
  let onTimeout: () => void = () => {};
  const timedOut = new Promise<OutboundResult>((resolve) => {
    timer = setTimeout(() => {
      cancelled = true;
      onTimeout();
      resolve(failure(timeoutText(timeoutMs)));
    }, timeoutMs);
  });

  const attempt = async (): Promise<OutboundResult> => {
    let target: URL;
    let pinned: { address: string; family: 4 | 6 };
    try {
      target = parseWebhookUrl(url);
      pinned = await resolveTarget(target, options);
    } catch (error) {
      return failure(error instanceof Invalid ? error.text : (error as Error).message);
    }
    // The time ran out while resolving: nothing is sent.
    if (cancelled) return failure(timeoutText(timeoutMs));
    const lookup = ((_hostname: string, lookupOptions: unknown, callback: unknown) => {
      const cb = (typeof lookupOptions === "function" ? lookupOptions : callback) as (
        error: Error | null,
        address: string | { address: string; family: number }[],
        family?: number,
      ) => void;
      if (typeof lookupOptions === "object" && (lookupOptions as { all?: boolean })?.all) {
        cb(null, [{ address: pinned.address, family: pinned.family }]);
      } else {
        cb(null, pinned.address, pinned.family);
      }
    }) as unknown as LookupFunction;
    const body = Buffer.from(payload.body);
    const transport = target.protocol === "https:" ? https : http;
    return new Promise<OutboundResult>((resolve) => {
      let settled = false;
      const settle = (result: OutboundResult) => {
        if (settled) return;
        settled = true;
        resolve(result);
      };
      const request = transport.request(
        {
          method: "POST",
          protocol: target.protocol,
          hostname: target.hostname.replace(/^\[|\]$/g, ""),
          port: target.port || undefined,
          path: `${target.pathname}${target.search}`,
          headers: {
            "User-Agent": USER_AGENT,
            ...payload.headers,
            "Content-Length": String(body.length),
          },
          lookup,
          // One connection per request: a pooled socket would skip the pinned lookup.
          agent: false,
        },
        (response) => {
          const status = response.statusCode ?? 0;
          const chunks: Buffer[] = [];
          let received = 0;
          const finish = () => {
            const text = Buffer.concat(chunks).toString("utf8");
            if (status >= 200 && status < 300) {
              settle({ ok: true, statusCode: status, error: null, durationMs: elapsed() });
            } else if (status >= 300 && status < 400) {
              const location = response.headers.location;
              settle(
                failure(
                  location
                    ? message("ServerAlertDelivery.redirect", {
                        status: String(status),
                        location: oneLineSnippet(location),
                      })
                    : message("ServerAlertDelivery.redirectNoLocation", { status: String(status) }),
                  status,
                ),
              );
            } else {
              const snippet = oneLineSnippet(text);
              settle(failure(`HTTP ${status}${snippet ? `: ${snippet}` : ""}`, status));
            }
          };
          response.on("data", (chunk: Buffer) => {
            if (received >= maxBytes) return;
            chunks.push(chunk.subarray(0, maxBytes - received));
            received += chunk.length;
            if (received >= maxBytes) {
              // Enough: the status is what counts; the rest is not read.
              finish();
              response.destroy();
            }
          });
          response.on("end", finish);
          response.on("error", finish);
          response.on("close", finish);
        },
      );
      onTimeout = () => request.destroy();
      request.on("error", (error: NodeJS.ErrnoException) => {
        const code = error.code && !error.message.includes(error.code) ? `${error.code}: ` : "";
        settle(failure(`${code}${error.message}`));
      });
      request.end(body);
    });
  };

  try {
    return await Promise.race([attempt(), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
