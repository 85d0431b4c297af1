import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import { Agent, request } from "node:http";
import { connect } from "node:net";
import { networkInterfaces } from "node:os";
import { brotliCompressSync, constants, deflateSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BASE_URL, signUp, type TestAccount } from "../support/api";

/**
 * Fuzzing the public doors with seeded random input (no dependency: a small generator below).
 * Every answer must be < 500 (429 included), and after each group the server must still answer
 * GET /api/health with 200 quickly and, when it runs on this machine (its process must then be
 * found, or the suite fails), keep its memory bounded. FUZZ_SEED=<n> replays a run;
 * FUZZ_SCALE=<k> multiplies the case counts.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 0x5eed2026);
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const CONCURRENCY = 6;
const TIMEOUT_MS = 15_000;
const base = new URL(BASE_URL);
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
const LOCAL = isLocalHost(base.hostname);

// ---------------------------------------------------------------------------------------------
// A seeded generator (mulberry32)

class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  bool(p = 0.5): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
  bytes(n: number): Buffer {
    const out = Buffer.alloc(n);
    for (let i = 0; i < n; i++) out[i] = this.int(256);
    return out;
  }
}

const WEIRD_STRINGS = [
  "",
  " ",
  "\t\n\r",
  "null",
  "undefined",
  "0",
  "-1",
  "1e309",
  "NaN",
  "true",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "'; DROP TABLE events; --",
  '" OR 1=1 --',
  "%s%n%x%d",
  "$" + "{7*7}{{7*7}}",
  "<script>alert(1)</script>",
  "javascript:alert(1)",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "\udfff",
  "x\ud83dy",
  "😀🔥👩‍👩‍👧",
  "\u202egnirts\u202c",
  "e\u0301\u0301\u0301",
  "ﷺ",
  "\uffff\ufffe",
  "../../etc/passwd",
  "C:\\Windows\\System32",
  "production",
  "staging",
  "homologação",
  "fatal",
  "error",
  "debug",
  "2026-01-01T00:00:00Z",
  "2026-13-45T99:99:99Z",
  "0000-00-00",
  "-271821-04-20T00:00:00Z",
  "+275760-09-13T00:00:01Z",
  "a@b.c",
  "user@example.test",
  "a".repeat(255),
  "b".repeat(256),
  "c".repeat(5000),
];

function randomString(rng: Rng): string {
  switch (rng.int(6)) {
    case 0:
    case 1:
      return rng.pick(WEIRD_STRINGS);
    case 2: {
      let s = "";
      const n = rng.int(40);
      for (let i = 0; i < n; i++) s += String.fromCharCode(32 + rng.int(95));
      return s;
    }
    case 3: {
      let s = "";
      const n = rng.int(30);
      // Any UTF-16 code unit: lone surrogates, controls, private use…
      for (let i = 0; i < n; i++) s += String.fromCharCode(rng.int(0x10000));
      return s;
    }
    case 4:
      return rng
        .pick(["x", "é", "😀", "\u0000", "\ud800"])
        .repeat(rng.pick([100, 70_000, 300_000]));
    default:
      return String(rng.int(1_000_000));
  }
}

function randomNumber(rng: Rng): number {
  return rng.pick([
    0,
    -0,
    1,
    -1,
    0.5,
    2 ** 31,
    2 ** 53,
    2 ** 53 + 2,
    -(2 ** 63),
    1e308,
    -1e308,
    Number.MIN_VALUE,
    1_700_000_000,
    1_700_000_000_000,
    rng.next() * 1e12,
  ]);
}

const KEYS = [
  "__proto__",
  "constructor",
  "prototype",
  "title",
  "details",
  "level",
  "environment",
  "origin",
  "timestamp",
  "fingerprint",
  "tags",
  "eventId",
  "project",
  "events",
  "event_id",
  "exception",
  "values",
  "stacktrace",
  "frames",
  "message",
  "logentry",
  "extra",
  "contexts",
  "",
  "\u0000",
  "\ud800",
];

function randomKey(rng: Rng): string {
  return rng.bool(0.7) ? rng.pick(KEYS) : randomString(rng).slice(0, 64);
}

/** A random JSON value, as text (deep values are made as text: JSON.stringify would overflow). */
function randomJsonText(rng: Rng, depth = 0): string {
  const roll = rng.int(depth > 3 ? 5 : 8);
  switch (roll) {
    case 0:
      return "null";
    case 1:
      return rng.bool() ? "true" : "false";
    case 2:
      return JSON.stringify(randomNumber(rng));
    case 3:
    case 4:
      return JSON.stringify(randomString(rng));
    case 5: {
      const n = rng.int(5);
      return `[${Array.from({ length: n }, () => randomJsonText(rng, depth + 1)).join(",")}]`;
    }
    case 6: {
      const n = rng.int(5);
      return `{${Array.from(
        { length: n },
        () => `${JSON.stringify(randomKey(rng))}:${randomJsonText(rng, depth + 1)}`,
      ).join(",")}}`;
    }
    default:
      return deepText(rng);
  }
}

/** Deep nesting: up to 10,000 arrays or objects. */
function deepText(rng: Rng): string {
  const n = rng.pick([64, 200, 1000, 10_000]);
  return rng.bool()
    ? `${"[".repeat(n)}${rng.bool() ? "1" : ""}${"]".repeat(n)}`
    : `${'{"a":'.repeat(n)}1${"}".repeat(n)}`;
}

/** Replaces, removes or adds one field of a JSON object (given as [key, jsonText] pairs). */
function mutateFields(rng: Rng, fields: [string, string][]): string {
  const out = fields.map(([k, v]) => [k, v] as [string, string]);
  const times = 1 + rng.int(3);
  for (let i = 0; i < times; i++) {
    const action = rng.int(4);
    if (action === 0 && out.length > 0) out.splice(rng.int(out.length), 1);
    else if (action === 1 || out.length === 0) out.push([randomKey(rng), randomJsonText(rng)]);
    else {
      const index = rng.int(out.length);
      const field = out[index] as [string, string];
      field[1] = randomJsonText(rng);
    }
  }
  return `{${out.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(",")}}`;
}

/** Byte-level damage to a valid body. */
function corrupt(rng: Rng, body: Buffer): Buffer {
  switch (rng.int(6)) {
    case 0:
      return body.subarray(0, rng.int(body.length + 1)); // truncated
    case 1: {
      const copy = Buffer.from(body);
      for (let i = 0; i < 1 + rng.int(4); i++) copy[rng.int(copy.length || 1)] = rng.int(256);
      return copy;
    }
    case 2: {
      // Invalid UTF-8: a lone continuation byte, an overlong form, an encoded surrogate, 0xff.
      const bad = rng.pick([[0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xff], [0xc3, 0x28]]);
      const at = rng.int(body.length + 1);
      return Buffer.concat([body.subarray(0, at), Buffer.from(bad), body.subarray(at)]);
    }
    case 3:
      return rng.bytes(rng.int(2000));
    case 4:
      return Buffer.concat([body, rng.bytes(rng.int(50))]);
    default:
      return Buffer.from(body.toString("latin1"), "utf16le");
  }
}

// ---------------------------------------------------------------------------------------------
// Compression, bombs included (made once: 64 MiB of zeros in about 64 KiB, or less for brotli)

let bombs: { gzip: Buffer; br: Buffer; deflate: Buffer } | undefined;
function getBombs() {
  if (!bombs) {
    const zeros = Buffer.alloc(64 * 1024 * 1024);
    bombs = {
      gzip: gzipSync(zeros, { level: 9 }),
      br: brotliCompressSync(zeros, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }),
      deflate: deflateSync(zeros, { level: 9 }),
    };
  }
  return bombs;
}

const ENCODINGS = [
  "gzip",
  "br",
  "deflate",
  "identity",
  "x-gzip",
  "GZIP",
  "compress",
  "zstd",
  "gzip, br",
  "*",
  "",
];

/** Optionally compresses a body (correctly, wrongly labelled, truncated, or as a bomb). */
function encode(rng: Rng, body: Buffer): { body: Buffer; encoding?: string } {
  const roll = rng.int(10);
  if (roll < 5) return { body };
  if (roll === 5) return { body: gzipSync(body), encoding: "gzip" };
  if (roll === 6) return { body: brotliCompressSync(body), encoding: "br" };
  if (roll === 7) return { body, encoding: rng.pick(ENCODINGS) }; // labelled, not compressed
  if (roll === 8) {
    const zipped = rng.bool() ? gzipSync(body) : brotliCompressSync(body);
    return { body: zipped.subarray(0, rng.int(zipped.length)), encoding: rng.pick(["gzip", "br"]) };
  }
  const which = rng.pick(["gzip", "br", "deflate"] as const);
  return { body: getBombs()[which], encoding: which };
}

const CONTENT_TYPES = [
  "application/json",
  "application/json; charset=utf-8",
  "application/json; charset=latin1",
  "text/plain",
  "application/x-sentry-envelope",
  "application/octet-stream",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "text/html",
  "application/json\u00ff",
  ";;;",
  "",
];

/** Random extra headers, some of them odd (header values may hold Latin-1 bytes, not controls). */
function randomHeaders(rng: Rng): Record<string, string> {
  const headers: Record<string, string> = {};
  const n = rng.int(4);
  for (let i = 0; i < n; i++) {
    const name = rng.pick([
      "accept",
      "accept-encoding",
      "x-forwarded-for",
      "x-forwarded-host",
      "x-real-ip",
      "origin",
      "referer",
      "user-agent",
      "cookie",
      "x-sentry-auth",
      "sec-fetch-site",
      "x-fuzz",
    ]);
    let value = "";
    const length = rng.pick([0, 5, 40, 4000]);
    for (let j = 0; j < length; j++)
      value += String.fromCharCode(rng.pick([32 + rng.int(95), 0x80 + rng.int(128)]));
    headers[name] = value;
  }
  return headers;
}

// ---------------------------------------------------------------------------------------------
// Sending, checking, and the server's health and memory

interface Case {
  label: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

interface Answer {
  status: number;
  ms: number;
  error?: string;
  body: string;
}

function send(c: Case): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve) => {
    let done = false;
    const finish = (answer: Omit<Answer, "ms">) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve({ ...answer, ms: performance.now() - started });
    };
    let req: ReturnType<typeof request>;
    try {
      req = request(
        {
          host: base.hostname,
          port: base.port,
          method: c.method,
          path: c.path,
          agent,
          headers: c.body ? { ...c.headers, "content-length": String(c.body.length) } : c.headers,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () =>
            finish({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }),
          );
          res.on("error", (error) => finish({ status: 0, body: "", error: error.message }));
        },
      );
    } catch (error) {
      // The client refused to send it (an invalid header): nothing reached the server.
      resolve({ status: -1, ms: 0, body: "", error: (error as Error).message });
      return;
    }
    const timer = setTimeout(() => {
      finish({ status: 0, body: "", error: "timeout" });
      req.destroy();
    }, TIMEOUT_MS);
    req.on("error", (error: Error & { code?: string }) =>
      finish({ status: 0, body: "", error: error.code ?? error.message }),
    );
    req.end(c.body);
  });
}

/** Runs cases CONCURRENCY at a time; returns those answered with a 5xx, a hang or a reset. */
async function runCases(cases: Case[]) {
  const failures: string[] = [];
  const statuses = new Map<number, number>();
  let index = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (index < cases.length) {
        const c = cases[index++] as Case;
        const answer = await send(c);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        // A connection reset without an answer is a crash or a hang as far as a client knows.
        if (answer.status >= 500 || answer.status === 0) {
          const headers = JSON.stringify(c.headers, (_k, v) =>
            typeof v === "string" && v.length > 60 ? `${v.slice(0, 60)}…(${v.length})` : v,
          );
          failures.push(
            `${c.label} (${c.method} ${c.path.slice(0, 80)}, ${c.body?.length ?? 0} bytes, headers ${headers}): ${answer.status || answer.error} ${answer.body.slice(0, 200)}`,
          );
        }
      }
    }),
  );
  return { failures, statuses: Object.fromEntries(statuses) };
}

/** Whether the base URL names this machine: then its server process must be found. */
function isLocalHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "");
  if (host === "localhost" || host === "::1" || host === "0.0.0.0" || host === "::") return true;
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)) return true;
  return Object.values(networkInterfaces()).some((addresses) =>
    (addresses ?? []).some((address) => address.address === host),
  );
}

/**
 * The pid of the process listening on the server's port (Linux: the listening socket's inode in
 * /proc/net/tcp{,6}, then the process holding it). When several hold it (a parent that handed
 * the socket on), the one using the most memory is the server. Throws with what it saw when
 * none is found, so the memory bound can never be skipped silently.
 */
function serverPid(): number {
  const port = Number(base.port || 80)
    .toString(16)
    .toUpperCase()
    .padStart(4, "0");
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text = "";
    try {
      text = readFileSync(table, "utf8");
    } catch {
      continue; // No IPv6 table, say.
    }
    for (const line of text.split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols[1]?.endsWith(`:${port}`) && cols[3] === "0A" && cols[9] && cols[9] !== "0") {
        inodes.add(cols[9]);
      }
    }
  }
  if (inodes.size === 0) {
    throw new Error(
      `The server at ${BASE_URL} is local, but no socket listens on port ${Number(`0x${port}`)} in /proc/net/tcp{,6}.`,
    );
  }
  const holders: number[] = [];
  let unreadable = 0;
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      unreadable++;
      continue;
    }
    for (const fd of fds) {
      try {
        const inode = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1];
        if (inode && inodes.has(inode)) {
          holders.push(Number(pid));
          break;
        }
      } catch {
        // A descriptor that closed meanwhile.
      }
    }
  }
  if (holders.length === 0) {
    throw new Error(
      `The server at ${BASE_URL} is local, but no process holding its listening socket (inode ${[...inodes].join(", ")}) was found; ${unreadable} processes could not be read (another user's?). Run the tests as the server's user.`,
    );
  }
  return holders.reduce((best, pid) => (rssMiB(pid) > rssMiB(best) ? pid : best));
}

function rssMiB(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  if (!kb) throw new Error(`/proc/${pid}/status has no VmRSS line.`);
  return Math.round(Number(kb) / 1024);
}

let pid: number | null = null;
let startRss: number | null = null;
// The server's memory may grow by this much over the run (caches, other test files); a
// decompression bomb inflated whole would take 64 MiB per request and blow through it.
const RSS_GROWTH_LIMIT_MIB = 600;

async function assertHealthy(group: string, result: Awaited<ReturnType<typeof runCases>>) {
  const res = await send({ label: "health", method: "GET", path: "/api/health", headers: {} });
  // A server that died or was replaced fails here: its pid no longer reads.
  const rss = pid === null ? null : rssMiB(pid);
  console.log(
    `fuzz ${group}: statuses ${JSON.stringify(result.statuses)}; health ${res.status} in ${Math.round(res.ms)} ms${rss === null ? "" : `; server RSS ${rss} MiB`}`,
  );
  expect(result.failures).toEqual([]);
  expect(res.status).toBe(200);
  expect(res.ms).toBeLessThan(5_000);
  if (LOCAL) {
    expect(rss, "the local server's memory must be measured").not.toBeNull();
    expect((rss ?? 0) - (startRss ?? 0)).toBeLessThan(RSS_GROWTH_LIMIT_MIB);
  }
}

const count = (n: number) => Math.max(1, Math.round(n * SCALE));

// ---------------------------------------------------------------------------------------------
// Case generators

let account: TestAccount;

function nativeFields(rng: Rng): [string, string][] {
  const fields: [string, string][] = [["title", JSON.stringify(`Fuzz ${rng.int(50)}`)]];
  if (rng.bool()) fields.push(["details", JSON.stringify(randomString(rng).slice(0, 1000))]);
  if (rng.bool())
    fields.push([
      "level",
      JSON.stringify(rng.pick(["fatal", "error", "warning", "info", "debug", "WARN", "critical"])),
    ]);
  if (rng.bool())
    fields.push([
      "environment",
      JSON.stringify(rng.pick(["prod", "hml", "qa", "canary", "x".repeat(65)])),
    ]);
  if (rng.bool()) fields.push(["origin", JSON.stringify(`svc-${rng.int(5)}`)]);
  if (rng.bool())
    fields.push([
      "timestamp",
      JSON.stringify(new Date(1_700_000_000_000 + rng.int(1e10)).toISOString()),
    ]);
  if (rng.bool()) fields.push(["fingerprint", JSON.stringify(["{{ default }}", `f${rng.int(5)}`])]);
  if (rng.bool())
    fields.push(["tags", JSON.stringify({ region: "eu", build: String(rng.int(9)) })]);
  if (rng.bool()) fields.push(["eventId", JSON.stringify(`fuzz-${SEED}-${rng.int(1e9)}`)]);
  return fields;
}

function nativeCase(rng: Rng, i: number): Case {
  const fields = nativeFields(rng);
  const event = () =>
    rng.bool(0.3)
      ? `{${fields.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(",")}}`
      : mutateFields(rng, fields);
  let text: string;
  switch (rng.int(8)) {
    case 0:
      text = `[${Array.from({ length: 1 + rng.int(4) }, event).join(",")}]`;
      break;
    case 1:
      text = `{"events":[${Array.from({ length: 1 + rng.int(4) }, event).join(",")}]}`;
      break;
    case 2:
      text = rng.pick([
        deepText(rng),
        `{"title":"deep","tags":${deepText(rng)}}`,
        `{"title":"deep","fingerprint":${deepText(rng)}}`,
        `{"events":${deepText(rng)}}`,
        `{"__proto__":{"title":"polluted"},"constructor":{"prototype":{"title":"x"}}}`,
        `{"title":"proto tags","tags":{"__proto__":"x","constructor":"y","prototype":"z"}}`,
        `{"title":"${"t".repeat(2_000_000)}"}`,
        `{"title":"big details","details":"${"d".repeat(900_000)}"}`,
        `{"events":[${Array.from({ length: 1001 }, () => '{"title":"x"}').join(",")}]}`,
        `{"title":"many tags","tags":{${Array.from({ length: 5000 }, (_, k) => `"k${k}":"v"`).join(",")}}}`,
        "",
        "   ",
        "null",
        "[]",
        "{}",
        "{",
        '"just a string"',
        "1e999",
      ]);
      break;
    case 3:
      text = randomJsonText(rng);
      break;
    default:
      text = event();
  }
  let body: Buffer = Buffer.from(text);
  if (rng.bool(0.2)) body = corrupt(rng, body);
  const encoded = encode(rng, body);
  const headers: Record<string, string> = { ...randomHeaders(rng) };
  const auth = rng.int(10);
  if (auth < 6) headers.authorization = `Bearer ${account.project.ingestKey.key}`;
  else if (auth < 8) headers.authorization = `Bearer ${account.token}`;
  else if (auth === 8)
    headers.authorization = rng.pick([
      "Bearer",
      "Bearer  ",
      "Basic abc",
      `Bearer ${randomString(rng).replace(/[^\x20-\x7e]/g, "")}`,
      `Bearer ec_${"a".repeat(60)}`,
    ]);
  if (rng.bool(0.8))
    headers["content-type"] = rng.bool(0.7) ? "application/json" : rng.pick(CONTENT_TYPES);
  if (encoded.encoding !== undefined) headers["content-encoding"] = encoded.encoding;
  return {
    label: `native #${i}`,
    method: "POST",
    path: "/api/events",
    headers,
    body: encoded.body,
  };
}

function sentryFields(rng: Rng): [string, string][] {
  const fields: [string, string][] = [
    ["event_id", JSON.stringify(rng.bytes(16).toString("hex"))],
    [
      "timestamp",
      JSON.stringify(rng.bool() ? 1_700_000_000 + rng.int(1e7) : new Date().toISOString()),
    ],
    ["platform", JSON.stringify("javascript")],
    ["level", JSON.stringify(rng.pick(["error", "fatal", "warning", "info", "debug", "log"]))],
  ];
  if (rng.bool(0.7)) {
    fields.push([
      "exception",
      JSON.stringify({
        values: [
          {
            type: rng.pick(["TypeError", "Error", ""]),
            value: `fuzz ${rng.int(20)}`,
            stacktrace: {
              frames: Array.from({ length: rng.int(4) }, (_, k) => ({
                filename: `app/file${k}.js`,
                function: `fn${k}`,
                lineno: k + 1,
                in_app: rng.bool(),
              })),
            },
          },
        ],
      }),
    ]);
  } else fields.push(["message", JSON.stringify(`fuzz message ${rng.int(20)}`)]);
  if (rng.bool()) fields.push(["tags", JSON.stringify({ a: "1", b: 2 })]);
  if (rng.bool()) fields.push(["extra", randomJsonText(rng)]);
  if (rng.bool(0.3)) fields.push(["contexts", `{"deep":${deepText(rng)}}`]);
  if (rng.bool(0.3)) fields.push(["breadcrumbs", `{"values":[${randomJsonText(rng)}]}`]);
  return fields;
}

function sentryAuthHeaders(rng: Rng): Record<string, string> {
  const key = account.project.ingestKey.key;
  switch (rng.int(8)) {
    case 0:
      return {};
    case 1:
      return {
        "x-sentry-auth": `Sentry sentry_key=${randomString(rng)
          .replace(/[^\x21-\x7e]/g, "")
          .slice(0, 80)}`,
      };
    case 2:
      return { "x-sentry-auth": "Sentry sentry_key=, sentry_key=" };
    default:
      return {
        "x-sentry-auth": `Sentry sentry_version=7, sentry_client=fuzz/1.0, sentry_key=${key}`,
      };
  }
}

function projectPath(rng: Rng, kind: "store" | "envelope"): string {
  const id = rng.bool(0.85)
    ? String(account.project.id)
    : rng.pick(["0", "9999999999", "01", "1", String(account.project.id + 1)]);
  const query = rng.bool(0.1)
    ? `?sentry_key=${account.project.ingestKey.key}&sentry_version=7`
    : "";
  return `/api/${id}/${kind}/${query}`;
}

function storeCase(rng: Rng, i: number): Case {
  const fields = sentryFields(rng);
  let text = rng.bool(0.3)
    ? `{${fields.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(",")}}`
    : mutateFields(rng, fields);
  if (rng.bool(0.1)) text = randomJsonText(rng);
  let body: Buffer = Buffer.from(text);
  if (rng.bool(0.15)) body = corrupt(rng, body);
  const encoded = encode(rng, body);
  const headers = { ...randomHeaders(rng), ...sentryAuthHeaders(rng) };
  if (rng.bool(0.8))
    headers["content-type"] = rng.bool(0.7) ? "application/json" : rng.pick(CONTENT_TYPES);
  if (encoded.encoding !== undefined) headers["content-encoding"] = encoded.encoding;
  return {
    label: `store #${i}`,
    method: "POST",
    path: projectPath(rng, "store"),
    headers,
    body: encoded.body,
  };
}

function envelopeCase(rng: Rng, i: number): Case {
  const fields = sentryFields(rng);
  const payload = Buffer.from(
    rng.bool(0.5)
      ? `{${fields.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(",")}}`
      : mutateFields(rng, fields),
  );
  const header: Record<string, unknown> = { event_id: rng.bytes(16).toString("hex") };
  if (rng.bool(0.2)) header.dsn = rng.bool() ? account.project.dsn : randomString(rng);
  const items: Buffer[] = [];
  const n = rng.pick([1, 1, 1, 2, 3, 200]);
  for (let k = 0; k < n; k++) {
    const type = rng.pick([
      "event",
      "event",
      "event",
      "transaction",
      "session",
      "attachment",
      "client_report",
      "",
      42,
      null,
    ]);
    let itemPayload = type === "attachment" ? rng.bytes(rng.int(500)) : payload;
    if (rng.bool(0.1)) itemPayload = corrupt(rng, itemPayload);
    const itemHeader: Record<string, unknown> = { type };
    const lengthRoll = rng.int(10);
    if (lengthRoll < 4) itemHeader.length = itemPayload.length;
    else if (lengthRoll === 4) itemHeader.length = itemPayload.length + 1 + rng.int(10_000);
    else if (lengthRoll === 5)
      itemHeader.length = Math.max(0, itemPayload.length - 1 - rng.int(20));
    else if (lengthRoll === 6)
      itemHeader.length = rng.pick([-1, 1e20, 0.5, "12", null, Number.MAX_SAFE_INTEGER, [1]]);
    const headerText = rng.bool(0.05) ? randomJsonText(rng) : JSON.stringify(itemHeader);
    items.push(Buffer.from(`${headerText}\n`), itemPayload, Buffer.from(rng.bool(0.9) ? "\n" : ""));
  }
  const headerLine = rng.bool(0.05)
    ? rng.pick(["", "{", "[]", "null", deepText(rng)])
    : JSON.stringify(header);
  let body: Buffer = Buffer.concat([Buffer.from(`${headerLine}\n`), ...items]);
  if (rng.bool(0.15)) body = corrupt(rng, body);
  if (rng.bool(0.05)) body = Buffer.alloc(0);
  const encoded = encode(rng, body);
  const headers = { ...randomHeaders(rng), ...sentryAuthHeaders(rng) };
  if (rng.bool(0.8))
    headers["content-type"] = rng.bool(0.7)
      ? "application/x-sentry-envelope"
      : rng.pick(CONTENT_TYPES);
  if (encoded.encoding !== undefined) headers["content-encoding"] = encoded.encoding;
  return {
    label: `envelope #${i}`,
    method: "POST",
    path: projectPath(rng, "envelope"),
    headers,
    body: encoded.body,
  };
}

const QUERY_KEYS = [
  "environment",
  "level",
  "origin",
  "q",
  "status",
  "project",
  "sort",
  "cursor",
  "limit",
];
const QUERY_VALUES = [
  "all",
  "other",
  "production",
  "staging",
  "fatal,error",
  "error,,warning",
  "open",
  "archived",
  "frequency",
  "level",
  "lastSeen",
  "firstSeen",
  "100",
  "101",
  "0",
  "-1",
  "1.5",
  "1e3",
  "99999999999999999999",
  "eyJ2IjoxfQ",
  "eyJ2IjoxLCJrIjpbMSwyXX0",
  "not-a-cursor",
  "%00",
  "%",
  "%zz",
  "%C0%80",
  "%ED%A0%80",
  "%FF",
  "a%20b",
  "__proto__",
  "constructor",
  "'%20OR%201=1%20--",
  "%25%5C%5F",
];

function errorsQueryCase(rng: Rng, i: number): Case {
  const parts: string[] = [];
  const n = rng.int(6);
  for (let k = 0; k < n; k++) {
    const key = rng.bool(0.85)
      ? rng.pick(QUERY_KEYS)
      : encodeURIComponent(randomString(rng).slice(0, 20).toWellFormed());
    let value: string;
    const roll = rng.int(4);
    if (roll < 2) value = rng.pick(QUERY_VALUES);
    else if (roll === 2) value = encodeURIComponent(randomString(rng).slice(0, 300).toWellFormed());
    else value = rng.pick(["x", "%41"]).repeat(rng.pick([1, 300, 3000]));
    parts.push(rng.bool(0.05) ? key : `${key}=${value}`);
  }
  const headers: Record<string, string> = { ...randomHeaders(rng) };
  if (rng.bool(0.9))
    headers.authorization = `Bearer ${rng.bool(0.9) ? account.token : account.project.ingestKey.key}`;
  return {
    label: `errors query #${i}`,
    method: "GET",
    path: `/api/errors?${parts.join("&")}`,
    headers,
  };
}

function authCase(rng: Rng, i: number, kind: "signup" | "token"): Case {
  const fields: [string, string][] =
    kind === "signup"
      ? [
          ["name", JSON.stringify(`Fuzz ${rng.int(100)}`)],
          ["email", JSON.stringify(`fuzz-${SEED}-${i}-${rng.int(1e9)}@example.test`)],
          ["password", JSON.stringify("correct horse battery")],
        ]
      : [
          [
            "email",
            JSON.stringify(rng.bool(0.3) ? account.email : `nobody-${rng.int(1e9)}@example.test`),
          ],
          [
            "password",
            JSON.stringify(rng.bool(0.2) ? account.password : randomString(rng).slice(0, 100)),
          ],
        ];
  // Mostly malformed: a well-formed sign-up or login costs an argon2 hash on the server.
  let text = rng.bool(0.1)
    ? `{${fields.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(",")}}`
    : mutateFields(rng, fields);
  if (rng.bool(0.1))
    text = rng.pick([deepText(rng), randomJsonText(rng), `{"email":"${"e".repeat(20_000)}"}`]);
  let body: Buffer = Buffer.from(text);
  if (rng.bool(0.15)) body = corrupt(rng, body);
  const encoded = encode(rng, body);
  const headers: Record<string, string> = { ...randomHeaders(rng) };
  if (rng.bool(0.85))
    headers["content-type"] = rng.bool(0.7) ? "application/json" : rng.pick(CONTENT_TYPES);
  if (encoded.encoding !== undefined) headers["content-encoding"] = encoded.encoding;
  // A fresh client address per request: the per-address failure budget is shared with the
  // other test files, which must never be locked out by this one.
  headers["x-forwarded-for"] = `198.18.${rng.int(256)}.${rng.int(256)}`;
  return {
    label: `${kind} #${i}`,
    method: "POST",
    path: `/api/auth/${kind}`,
    headers,
    body: encoded.body,
  };
}

// ---------------------------------------------------------------------------------------------

describe("fuzzing the public endpoints", () => {
  beforeAll(async () => {
    account = await signUp({ name: "Fuzz" });
    // A local server must be found (it always can be on Linux); a remote one cannot be measured.
    pid = LOCAL ? serverPid() : null;
    startRss = pid === null ? null : rssMiB(pid);
    console.log(
      `fuzz seed ${SEED}, scale ${SCALE}; server pid ${pid ?? "not found"}, RSS ${startRss ?? "?"} MiB`,
    );
  });
  afterAll(() => agent.destroy());

  const groups: [string, number, (rng: Rng, i: number) => Case][] = [
    ["POST /api/events", 420, nativeCase],
    ["POST /api/<project>/store/", 260, storeCase],
    ["POST /api/<project>/envelope/", 300, envelopeCase],
    ["GET /api/errors", 240, errorsQueryCase],
    ["POST /api/auth/signup", 90, (rng, i) => authCase(rng, i, "signup")],
    ["POST /api/auth/token", 90, (rng, i) => authCase(rng, i, "token")],
  ];
  for (const [name, n, make] of groups) {
    it(`${name}: ${count(n)} random requests, none answered with a 5xx`, {
      timeout: 120_000,
    }, async () => {
      const rng = new Rng(
        SEED ^ [...name].reduce((h, ch) => Math.imul(h, 31) + ch.charCodeAt(0), 7),
      );
      const cases = Array.from({ length: count(n) }, (_, i) => make(rng, i));
      await assertHealthy(name, await runCases(cases));
    });
  }

  it("compression bombs and mislabelled encodings are refused, not inflated", {
    timeout: 120_000,
  }, async () => {
    const { gzip, br, deflate } = getBombs();
    const key = account.project.ingestKey.key;
    const targets: { path: string; headers: Record<string, string> }[] = [
      {
        path: "/api/events",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      },
      {
        path: `/api/${account.project.id}/store/`,
        headers: { "x-sentry-auth": `Sentry sentry_key=${key}` },
      },
      {
        path: `/api/${account.project.id}/envelope/`,
        headers: { "x-sentry-auth": `Sentry sentry_key=${key}` },
      },
      { path: "/api/auth/signup", headers: { "content-type": "application/json" } },
      {
        path: "/api/auth/token",
        headers: { "content-type": "application/json", "x-forwarded-for": "198.18.0.1" },
      },
    ];
    const cases: Case[] = [];
    for (const target of targets) {
      for (const [encoding, body] of [
        ["gzip", gzip],
        ["br", br],
        ["deflate", deflate],
        ["gzip", br],
        ["br", gzip],
        ["deflate", gzip],
        ["gzip", Buffer.concat([gzipSync(Buffer.from('{"title":"a"}')), gzip])],
        ["gzip", gzip.subarray(0, 100)],
      ] as [string, Buffer][]) {
        cases.push({
          label: `bomb ${encoding} → ${target.path}`,
          method: "POST",
          path: target.path,
          headers: { ...target.headers, "content-encoding": encoding },
          body,
        });
      }
    }
    // The same bombs, several at once.
    const parallel = Array.from({ length: 3 }, () => cases).flat();
    await assertHealthy("bombs", await runCases(parallel));
  });

  it("broken HTTP framing (wrong lengths, bad chunks, cut connections) never takes the server down", {
    timeout: 60_000,
  }, async () => {
    const rng = new Rng(SEED ^ 0xf00d);
    const key = account.project.ingestKey.key;
    const host = `${base.hostname}:${base.port}`;
    const raw: string[] = [];
    for (let i = 0; i < count(40); i++) {
      const path = rng.pick([
        "/api/events",
        `/api/${account.project.id}/envelope/`,
        `/api/${account.project.id}/store/`,
        "/api/auth/token",
        "/api/errors",
      ]);
      const body = '{"title":"framing"}';
      const auth =
        path === "/api/events"
          ? `Authorization: Bearer ${key}\r\n`
          : `X-Sentry-Auth: Sentry sentry_key=${key}\r\n`;
      raw.push(
        rng.pick([
          // Content-Length larger than the body, then the client goes away.
          `POST ${path} HTTP/1.1\r\nHost: ${host}\r\n${auth}Content-Type: application/json\r\nContent-Length: ${body.length + 1 + rng.int(5000)}\r\n\r\n${body}`,
          // Shorter than the body: the rest is a garbage second request.
          `POST ${path} HTTP/1.1\r\nHost: ${host}\r\n${auth}Content-Type: application/json\r\nContent-Length: 5\r\n\r\n${body}`,
          // Invalid chunk sizes.
          `POST ${path} HTTP/1.1\r\nHost: ${host}\r\n${auth}Transfer-Encoding: chunked\r\n\r\nzz\r\n${body}\r\n0\r\n\r\n`,
          // A chunk announced longer than it is, then the end.
          `POST ${path} HTTP/1.1\r\nHost: ${host}\r\n${auth}Transfer-Encoding: chunked\r\n\r\nfff\r\n${body}\r\n0\r\n\r\n`,
          // Both Content-Length and Transfer-Encoding.
          `POST ${path} HTTP/1.1\r\nHost: ${host}\r\n${auth}Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`,
          // Negative and huge lengths.
          `POST ${path} HTTP/1.1\r\nHost: ${host}\r\n${auth}Content-Length: -1\r\n\r\n${body}`,
          `POST ${path} HTTP/1.1\r\nHost: ${host}\r\n${auth}Content-Length: 99999999999999999999\r\n\r\n${body}`,
          // A header with control characters, and random bytes as a request.
          `POST ${path} HTTP/1.1\r\nHost: ${host}\r\nX-Bad: a\u0001b\r\n\r\n`,
          rng.bytes(1 + rng.int(400)).toString("latin1"),
          // A gzip body cut short with the connection.
          `POST ${path} HTTP/1.1\r\nHost: ${host}\r\n${auth}Content-Encoding: gzip\r\nContent-Length: 100\r\n\r\n${gzipSync(Buffer.from(body)).subarray(0, 10).toString("latin1")}`,
        ]),
      );
    }
    const answers: string[] = [];
    let index = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (index < raw.length) {
          const payload = raw[index++] as string;
          answers.push(
            await new Promise<string>((resolve) => {
              const socket = connect(Number(base.port), base.hostname);
              let data = "";
              const timer = setTimeout(() => socket.destroy(), 2_000);
              socket.on("data", (chunk) => {
                data += chunk.toString("latin1");
              });
              socket.on("error", () => {});
              socket.on("close", () => {
                clearTimeout(timer);
                resolve(data.slice(0, 12));
              });
              socket.write(Buffer.from(payload, "latin1"));
              // Half the time the client also stops sending (FIN) straight away.
              if (rng.bool()) socket.end();
            }),
          );
        }
      }),
    );
    const fiveHundreds = answers.filter((line) => /^HTTP\/1\.1 5/.test(line));
    await assertHealthy("framing", { failures: fiveHundreds, statuses: { raw: answers.length } });
  });
});
