import { connect, type Socket } from "node:net";
import { gzipSync } from "node:zlib";
import { benchEvent, benchSentryEvent } from "../lib/sample-events";

/**
 * The load generator of `npm run bench`, run as its own process so that it does not share the
 * server's event loop. Prints one JSON line: requests, events, latencies, non-2xx, the answers'
 * statuses, and the events each server acknowledged.
 *
 *   scripts/bench/load.ts --url http://127.0.0.1:3000 --token KEY --project 1 --mode single|batch|envelope
 *              --seconds 15 --concurrency 64 --run-id abc
 *
 * `--url` may list several servers, comma-separated (several instances of the app): the
 * clients are dealt out among them in turn, so each gets concurrency / servers.
 */
const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2)
  args.set(process.argv[i]?.replace(/^--/, "") ?? "", process.argv[i + 1] ?? "");
const urls = (args.get("url") ?? "http://127.0.0.1:3000").split(",").map((raw) => new URL(raw));
const token = args.get("token") ?? "";
const projectId = args.get("project") ?? "1";
const mode = (args.get("mode") ?? "single") as "single" | "batch" | "envelope";
const seconds = Number(args.get("seconds") ?? 15);
const concurrency = Number(args.get("concurrency") ?? 64);
const runId = args.get("run-id") ?? String(Date.now());
const batchSize = Number(args.get("batch") ?? 100);

let sequence = 0;

function sentryEnvelope(): Buffer {
  const event = benchSentryEvent(sequence++, runId);
  const header = JSON.stringify({ event_id: event.event_id, sent_at: new Date().toISOString() });
  const payload = JSON.stringify(event);
  return Buffer.from(
    `${header}\n${JSON.stringify({ type: "event", length: Buffer.byteLength(payload) })}\n${payload}\n`,
  );
}

const latencies: number[] = [];
let requests = 0;
let events = 0;
let non2xx = 0;
let failures = 0;
/** How many answers had each status. */
const statuses: Record<string, number> = {};
/** Events acknowledged by each server of `urls`. */
const perUrl = urls.map(() => 0);
const acknowledged: number[] = [];

interface Prepared {
  body: Buffer;
  path: string;
  count: number;
  headers: Record<string, string>;
  bytes?: Buffer;
}

function prepare(): Prepared {
  let body: Buffer;
  let path: string;
  let count = 1;
  const headers: Record<string, string> = {};
  if (mode === "envelope") {
    body = sentryEnvelope();
    path = `/api/${projectId}/envelope/`;
    headers["content-type"] = "application/x-sentry-envelope";
    headers["x-sentry-auth"] = `Sentry sentry_key=${token}, sentry_version=7`;
    if (body.length > 32 * 1024) {
      body = gzipSync(body);
      headers["content-encoding"] = "gzip";
    }
  } else {
    const payload =
      mode === "batch"
        ? { events: Array.from({ length: batchSize }, () => benchEvent(sequence++, runId, mode)) }
        : benchEvent(sequence++, runId, mode);
    count = mode === "batch" ? batchSize : 1;
    body = Buffer.from(JSON.stringify(payload));
    path = "/api/events";
    headers["content-type"] = "application/json";
    headers.authorization = `Bearer ${token}`;
  }
  headers["content-length"] = String(body.length);
  return { body, path, count, headers };
}

// The requests are built before the clock starts, as wrk's are, so that the generator spends
// its share of the machine's two cores on HTTP rather than on building JSON. Enough for a rate
// well above the targets; past that, requests are built as they go.
const expectedPerSecond = mode === "batch" ? 500 : 8_000;
// One pool per server: the Host header is part of the prepared bytes.
const pools: Prepared[][] = urls.map((target) =>
  Array.from({ length: Math.ceil((expectedPerSecond * seconds) / urls.length) }, () => {
    const prepared = prepare();
    prepared.bytes = requestBytes(prepared, target);
    return prepared;
  }),
);

/**
 * A keep-alive HTTP/1.1 client on a plain socket, one request at a time, as wrk's are: the
 * request's bytes are built beforehand and the answer is read only as far as its status and
 * length. Node's `http` client cost the generator about three times the CPU a request, on a
 * machine whose two cores it shares with the server and PostgreSQL.
 */
class RawClient {
  private socket: Socket | null = null;
  private buffer: Buffer = Buffer.alloc(0);
  private waiting: ((status: number) => void) | null = null;

  constructor(readonly url: URL) {}

  private open(): Socket {
    const socket = connect({ host: this.url.hostname, port: Number(this.url.port) });
    socket.setNoDelay(true);
    socket.on("data", (chunk: Buffer) => {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      this.parse();
    });
    const fail = () => {
      if (this.socket === socket) this.socket = null;
      this.buffer = Buffer.alloc(0);
      const waiting = this.waiting;
      this.waiting = null;
      waiting?.(0);
    };
    socket.on("error", fail);
    socket.on("close", fail);
    return socket;
  }

  /** Resolves with the status, or 0 when the connection failed. */
  send(bytes: Buffer): Promise<number> {
    this.socket ??= this.open();
    const socket = this.socket;
    return new Promise((resolve) => {
      this.waiting = resolve;
      socket.write(bytes);
    });
  }

  close(): void {
    this.socket?.destroy();
    this.socket = null;
  }

  private parse(): void {
    const headerEnd = this.buffer.indexOf("\r\n\r\n");
    if (headerEnd === -1) return;
    const head = this.buffer.toString("latin1", 0, headerEnd);
    const status = Number(head.slice(9, 12));
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    let end: number;
    if (length) {
      end = headerEnd + 4 + Number(length[1]);
      if (this.buffer.length < end) return;
    } else if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
      const last = this.buffer.indexOf("\r\n0\r\n\r\n", headerEnd + 2);
      const empty = this.buffer.indexOf("0\r\n\r\n", headerEnd + 4) === headerEnd + 4;
      if (empty) end = headerEnd + 9;
      else if (last !== -1) end = last + 7;
      else return;
    } else end = headerEnd + 4;
    this.buffer = this.buffer.subarray(end);
    if (/\r\nconnection:\s*close/i.test(head)) {
      this.socket?.destroy();
      this.socket = null;
      this.buffer = Buffer.alloc(0);
    }
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.(status);
  }
}

function requestBytes({ body, path, headers }: Prepared, target: URL): Buffer {
  const lines = [`POST ${path} HTTP/1.1`, `Host: ${target.host}`];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  return Buffer.concat([Buffer.from(`${lines.join("\r\n")}\r\n\r\n`, "latin1"), body]);
}

async function send(client: RawClient, server: number): Promise<void> {
  const prepared = pools[server]?.pop() ?? prepare();
  const bytes = prepared.bytes ?? requestBytes(prepared, client.url);
  const started = performance.now();
  const status = await client.send(bytes);
  if (status === 0) {
    failures++;
    return;
  }
  latencies.push(performance.now() - started);
  requests++;
  statuses[status] = (statuses[status] ?? 0) + 1;
  if (status >= 200 && status < 300) {
    events += prepared.count;
    perUrl[server] = (perUrl[server] ?? 0) + prepared.count;
  } else non2xx++;
}

const deadline = Date.now() + seconds * 1000;
const started = performance.now();
const clients = Array.from(
  { length: concurrency },
  (_, index) => new RawClient(urls[index % urls.length] as URL),
);
// A server that stops answering must not hang the bench: requests still unanswered this long
// after the end are dropped and counted as failures.
const grace = setTimeout(
  () => {
    for (const client of clients) client.close();
  },
  seconds * 1000 + 15_000,
);
grace.unref();
await Promise.all(
  clients.map(async (client, index) => {
    while (Date.now() < deadline) await send(client, index % urls.length);
    client.close();
  }),
);
clearTimeout(grace);
const elapsed = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const pct = (p: number) =>
  latencies[Math.min(latencies.length - 1, Math.floor((latencies.length * p) / 100))] ?? 0;
acknowledged.push(events);
console.log(
  JSON.stringify({
    mode,
    seconds: elapsed,
    requests,
    events,
    eventsPerSecond: events / elapsed,
    p50: pct(50),
    p99: pct(99),
    max: latencies[latencies.length - 1] ?? 0,
    non2xx,
    failures,
    statuses,
    perUrl,
  }),
);
