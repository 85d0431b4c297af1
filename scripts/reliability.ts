import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  appendFileSync,
  chownSync,
  cpSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { openDatabase } from "@/db/client";
import { buildIsStale } from "./build-state";
import { freePort } from "./run";

/**
 * `npx tsx scripts/reliability.ts [--short]`: ingest under load against a throwaway PostgreSQL
 * cluster of its own (initdb in a temporary folder, a free port on 127.0.0.1; the machine's
 * shared server is never touched) and the `npm start` server, in three phases:
 *   a. no loss under load: N events (100,000; 5,000 with --short) at 64 concurrency, native
 *      singles and batches of 50, Sentry envelopes and /store/ events, repeated event ids;
 *   b. the database restarted under load (pg_ctl restart, and stop, 3 s, start), through the
 *      fast ingest path and through Next's route handlers, with health, list and token probes;
 *   c. the app killed with SIGKILL under load, restarted, the load continued.
 * After each phase the database is checked: every acknowledged event stored exactly once,
 * nothing stored that was not sent, the sum of errors.event_count equal to the stored events.
 * Exits non-zero on any violation. The cluster and its folder are removed at the end.
 */

const SHORT = process.argv.includes("--short");
const IN_PLACE = process.argv.includes("--in-place"); // serve .next where it is, not a snapshot
const CONCURRENCY = 64;
const REQUEST_TIMEOUT_MS = 10_000;
const PHASE_A_EVENTS = SHORT ? 5_000 : 100_000;
const PHASE_C_EVENTS = SHORT ? 3_000 : 20_000;
const OUTAGE_ROUNDS = SHORT ? 1 : 2;
const BATCH_SIZE = 50;
const KNOWN_ERRORS = 300;
const ROOT = process.cwd();
const started = Date.now();

const log = (message: string) =>
  console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// Violations and cleanup

const violations: string[] = [];
function violation(message: string) {
  if (violations.length < 200) violations.push(message);
  log(`VIOLATION: ${message}`);
}

const cleanups: (() => Promise<void> | void)[] = [];
let cleaningUp = false;
async function cleanup() {
  if (cleaningUp) return;
  cleaningUp = true;
  for (const step of cleanups.reverse()) {
    try {
      await step();
    } catch (error) {
      console.error("cleanup step failed:", error);
    }
  }
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping and removing the throwaway cluster`);
    void cleanup().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------
// The throwaway PostgreSQL cluster

function postgresBin(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const base = "/usr/lib/postgresql";
  const versions = existsSync(base)
    ? readdirSync(base)
        .filter((v) => existsSync(path.join(base, v, "bin", "initdb")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) {
    const found = spawnSync("pg_config", ["--bindir"], { encoding: "utf8" });
    if (found.status === 0 && existsSync(path.join(found.stdout.trim(), "initdb")))
      return found.stdout.trim();
    throw new Error("no PostgreSQL binaries: install postgresql or set PG_BIN");
  }
  return path.join(base, versions[0] as string, "bin");
}

class Cluster {
  readonly dir = mkdtempSync(path.join(tmpdir(), "ec-reliability-pg-"));
  readonly data = path.join(this.dir, "data");
  readonly bin = postgresBin();
  private readonly asRoot = process.getuid?.() === 0;
  port = 0;

  get url() {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  /** initdb refuses to run as root: the cluster then belongs to the `postgres` user. */
  private run(tool: string, args: string[], allowFailure = false): Promise<boolean> {
    const command = path.join(this.bin, tool);
    const [file, argv] = this.asRoot
      ? ["runuser", ["-u", "postgres", "--", command, ...args]]
      : [command, args];
    // Never spawnSync while loading: it would freeze this process's load generator too.
    return new Promise((resolve, reject) => {
      const child = spawn(file, argv, { cwd: this.dir, stdio: ["ignore", "pipe", "pipe"] });
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk;
      });
      child.stderr.on("data", (chunk: Buffer) => {
        output += chunk;
      });
      child.once("error", reject);
      child.once("exit", (code) => {
        if (code !== 0 && !allowFailure)
          reject(new Error(`${tool} ${args.join(" ")} failed: ${output}`));
        else resolve(code === 0);
      });
    });
  }

  async init() {
    this.port = await freePort();
    if (this.asRoot) {
      const uid = Number(spawnSync("id", ["-u", "postgres"], { encoding: "utf8" }).stdout);
      const gid = Number(spawnSync("id", ["-g", "postgres"], { encoding: "utf8" }).stdout);
      chownSync(this.dir, uid, gid);
    }
    await this.run("initdb", [
      "-D",
      this.data,
      "-U",
      "postgres",
      "--auth=trust",
      "-E",
      "UTF8",
      "--no-locale",
      "-N",
    ]);
    const conf = [
      "listen_addresses = '127.0.0.1'",
      `port = ${this.port}`,
      `unix_socket_directories = '${this.dir}'`,
      "max_connections = 100",
      "shared_buffers = 128MB",
    ].join("\n");
    appendFileSync(path.join(this.data, "postgresql.conf"), `\n${conf}\n`);
    await this.start();
  }

  private get logArgs() {
    return ["-D", this.data, "-l", path.join(this.dir, "server.log"), "-w", "-t", "60"];
  }

  async start() {
    await this.run("pg_ctl", [...this.logArgs, "start"]);
  }

  stop(mode: "fast" | "immediate" = "fast") {
    return this.run("pg_ctl", ["-D", this.data, "-m", mode, "-w", "-t", "60", "stop"], true);
  }

  async restart() {
    await this.run("pg_ctl", [...this.logArgs, "-m", "fast", "restart"]);
  }

  async destroy() {
    if (existsSync(path.join(this.data, "postmaster.pid"))) {
      if (!(await this.stop("fast"))) await this.stop("immediate");
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
// ---------------------------------------------------------------------------------------------
// The app (`npm start`'s server)

/**
 * Others may rebuild .next while this runs (a restart mid-build would find half a build), so
 * the app is served from a folder of symlinks to the project with its own copy of .next,
 * copied under the lock the project's builds take.
 */
async function prepareAppDir(workDir: string): Promise<string> {
  const lock = "/tmp/next-build.lock";
  const haveFlock = spawnSync("sh", ["-c", "command -v flock"]).status === 0;
  const locked = (command: string) =>
    haveFlock ? ["flock", lock, "sh", "-c", command] : ["sh", "-c", command];
  const hasBuild = (dir: string) => existsSync(path.join(dir, ".next", "BUILD_ID"));
  // Someone else's build may be running (under the lock or not): wait for it, then build if
  // there is still no build.
  for (let attempt = 1; !hasBuild(ROOT); attempt++) {
    if (attempt > 40)
      throw new Error("no production build in .next, and `next build` keeps failing");
    log("no production build: running `next build` (about a minute)…");
    const [file, ...args] = locked("test -f .next/BUILD_ID || npx next build");
    const built = spawnSync(file as string, args, {
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "production" },
    });
    if (built.status !== 0 && !hasBuild(ROOT)) await sleep(15_000);
  }
  if (buildIsStale()) {
    log(
      "note: .next is older than some sources; Next's routes run the build, the fast ingest path runs the sources",
    );
  }
  if (IN_PLACE) return ROOT;
  const dir = path.join(workDir, "app");
  log("copying .next (waits while another `next build` holds /tmp/next-build.lock)");
  mkdirSync(path.join(dir, ".next"), { recursive: true });
  for (const entry of readdirSync(ROOT)) {
    if ([".next", ".data", ".git", "test-results", "playwright-report"].includes(entry)) continue;
    symlinkSync(path.join(ROOT, entry), path.join(dir, entry));
  }
  for (let attempt = 1; ; attempt++) {
    const [file, ...args] = locked(
      `rm -rf '${dir}/.next' && mkdir '${dir}/.next' && tar -C '${ROOT}/.next' --exclude=./cache --exclude=./dev -cf - . | tar -C '${dir}/.next' -xf -`,
    );
    const copied = spawnSync(file as string, args, { stdio: "inherit" });
    // A build that ran without the lock may have been half-way: copy again once it is done.
    if (copied.status === 0 && hasBuild(dir)) break;
    if (attempt >= 40) throw new Error("copying .next failed");
    await sleep(15_000);
  }
  return dir;
}

class App {
  child: ChildProcess | null = null;
  port = 0;
  agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  starts = 0;
  private readonly secret = randomBytes(33).toString("base64url");

  constructor(
    readonly name: string,
    private readonly appDir: string,
    private readonly logDir: string,
    private readonly databaseUrl: string,
    private readonly fastPath: boolean,
  ) {}

  get logFile() {
    return path.join(this.logDir, `${this.name}.log`);
  }

  async start() {
    if (!this.port) this.port = await freePort();
    this.starts++;
    const out = createWriteStream(this.logFile, { flags: "a" });
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      SKIP_BUILD: "1",
      PORT: String(this.port),
      HOSTNAME: "127.0.0.1",
      DATABASE_URL: this.databaseUrl,
      DATA_DIR: path.join(this.logDir, `${this.name}-data`),
      AUTH_SECRET: this.secret,
      INGEST_FAST_PATH: this.fastPath ? "1" : "0",
    };
    delete env.INGEST_QUOTA_PER_MINUTE;
    delete env.PGLITE_DIR;
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      cwd: this.appDir,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout?.pipe(out);
    child.stderr?.pipe(out);
    this.child = child;
    const t0 = Date.now();
    const deadline = t0 + 120_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`${this.name} exited with ${child.exitCode}`);
      const res = await httpCall(this, "GET", "/api/health", {}, null, 2_000);
      if (res.status === 200) return Date.now() - t0;
      await sleep(200);
    }
    throw new Error(`${this.name} did not become healthy in 120 s (see ${this.logFile})`);
  }

  kill9() {
    this.child?.kill("SIGKILL");
  }

  async stop() {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(timer);
    this.agent.destroy();
  }

  /**
   * Lines of the app's log that show an unexpected failure, and how many were the known
   * postgres.js 3.4.9 fault: a statement of a transaction whose connection just closed is
   * written on the next tick to a socket that is gone (porsager/postgres#1154). The process
   * survives it (Next's uncaughtException handler logs it), the transaction has already been
   * rejected with CONNECTION_CLOSED, and db/client.ts drops the pool that connection was in.
   */
  failureLines(): { unexpected: string[]; knownDriverFault: number } {
    if (!existsSync(this.logFile)) return { unexpected: [], knownDriverFault: 0 };
    const lines = readFileSync(this.logFile, "utf8")
      .split("\n")
      .filter((line) => /ingest failed|request failed|unhandled error|uncaught/i.test(line));
    const known = (line: string) =>
      /uncaughtException: +TypeError: Cannot read properties of null \(reading 'write'\)/.test(
        line,
      );
    return {
      unexpected: lines.filter((line) => !known(line)),
      knownDriverFault: lines.filter(known).length,
    };
  }
}

interface Outcome {
  status: number; // 0: no HTTP answer
  retryAfter: string | null;
  body: string;
  ms: number;
  error?: string; // timeout, ECONNREFUSED, ECONNRESET…
}

function httpCall(
  app: App,
  method: string,
  urlPath: string,
  headers: Record<string, string>,
  body: Buffer | null,
  timeoutMs = REQUEST_TIMEOUT_MS,
): Promise<Outcome> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: Omit<Outcome, "ms">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...outcome, ms: performance.now() - t0 });
    };
    const req = request(
      {
        host: "127.0.0.1",
        port: app.port,
        path: urlPath,
        method,
        agent: app.agent,
        headers: body ? { ...headers, "content-length": String(body.length) } : headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          finish({
            status: res.statusCode ?? 0,
            retryAfter: (res.headers["retry-after"] as string | undefined) ?? null,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        res.on("error", (error) =>
          finish({ status: 0, retryAfter: null, body: "", error: errorName(error) }),
        );
      },
    );
    const timer = setTimeout(() => {
      finish({ status: 0, retryAfter: null, body: "", error: "timeout" });
      req.destroy();
    }, timeoutMs);
    req.on("error", (error) =>
      finish({ status: 0, retryAfter: null, body: "", error: errorName(error) }),
    );
    req.end(body ?? undefined);
  });
}

function errorName(error: Error & { code?: string }): string {
  return error.code ?? error.message;
}

// ---------------------------------------------------------------------------------------------
// Events: deterministic from their number, so that a repeat sends exactly the same event

const runTag = randomBytes(4).toString("hex");
const LEVELS = ["fatal", "error", "warning", "info", "debug"];
const ORIGINS = ["billing-api", "web-checkout", "auth-service", "search-worker", "mobile-app"];
const STACK = Array.from(
  { length: 12 },
  (_, i) => `    at handler${i} (/srv/app/src/module${i % 5}/file${i}.ts:${100 + i}:${10 + i})`,
).join("\n");

function mix(n: number): number {
  let x = Math.imul(n ^ 0x9e3779b9, 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}
const groupOf = (n: number) =>
  mix(n) % 5 === 0 ? `new-${runTag}-${n}` : String(mix(n) % KNOWN_ERRORS);
const nativeId = (n: number) => `rel-${runTag}-${n}`;
const sentryId = (n: number) => `${runTag}${n.toString(16).padStart(24, "0")}`;

function nativeEvent(n: number) {
  const group = groupOf(n);
  return {
    title: `Reliability failure ${group} in step ${n % 7}`,
    details: `Error: reliability failure ${group}\n${STACK}`,
    level: LEVELS[n % LEVELS.length],
    environment: n % 10 === 0 ? "staging" : "production",
    origin: ORIGINS[n % ORIGINS.length],
    fingerprint: [`rel-${group}`],
    eventId: nativeId(n),
    tags: { run: runTag, shard: String(n % 50) },
  };
}

function sentryEvent(n: number) {
  const group = groupOf(n);
  return {
    event_id: sentryId(n),
    timestamp: 1_700_000_000 + (n % 100_000),
    platform: "node",
    level: "error",
    environment: n % 10 === 0 ? "staging" : "production",
    server_name: ORIGINS[n % ORIGINS.length],
    release: "reliability@1.0.0",
    tags: { run: runTag },
    exception: {
      values: [
        {
          type: "ReliabilityError",
          value: `failure ${group}`,
          stacktrace: {
            frames: Array.from({ length: 8 }, (_, i) => ({
              filename: `/srv/app/src/${group}/file${i}.js`,
              function: `handler${i}`,
              lineno: 10 + i,
              colno: 5,
              in_app: true,
            })),
          },
        },
      ],
    },
    sdk: { name: "sentry.javascript.node", version: "11.12.0" },
  };
}

function envelopeBody(n: number): Buffer {
  const payload = JSON.stringify(sentryEvent(n));
  const lines = [
    JSON.stringify({ event_id: sentryId(n), sent_at: new Date().toISOString() }),
    JSON.stringify({ type: "event", length: Buffer.byteLength(payload) }),
    payload,
  ];
  // Some envelopes carry items that are not events (skipped by the server).
  if (n % 4 === 0) {
    const report = JSON.stringify({ timestamp: Date.now() / 1000, discarded_events: [] });
    lines.push(JSON.stringify({ type: "client_report" }), report);
  }
  return Buffer.from(`${lines.join("\n")}\n`);
}

type Kind = "single" | "batch" | "envelope" | "store";

/** A request to send: the event numbers it carries (a batch may hold one twice). */
interface Job {
  kind: Kind;
  nums: number[];
  repeat: boolean;
  attempts: number;
  notBefore: number;
}

/** Everything the load generator saw, for one phase. */
class Stats {
  requests = 0;
  eventsSent = 0; // events in requests, repeats and retries included
  newEvents = 0; // distinct event ids first sent in this phase
  repeats = 0; // requests deliberately repeating acknowledged ids
  retries = 0; // re-sends after a 503, timeout or connection error
  status = new Map<string, number>();
  timeouts = 0;
  netErrors = 0;
  maxMs = 0;
  missingRetryAfter = 0;
  statusBad = 0;

  count(key: string) {
    this.status.set(key, (this.status.get(key) ?? 0) + 1);
  }
  get(key: string) {
    return this.status.get(key) ?? 0;
  }
}

interface Account {
  token: string;
  key: string;
  projectId: number;
  email: string;
  password: string;
}

/** The sent and acknowledged ids over the whole run. */
const sentIds = new Set<string>();
const ackedIds = new Set<string>();
const ackedNative: number[] = [];
const ackedSentry: number[] = [];
const firstRef = new Map<string, number>(); // native event id → database id of its first answer

let nextNumber = 0;
function idOf(kind: Kind, n: number) {
  return kind === "single" || kind === "batch" ? nativeId(n) : sentryId(n);
}

function pick<T>(items: T[]): T {
  return items[Math.floor(Math.random() * items.length)] as T;
}

/** A new job: 35 % singles, 15 % batches of 50, 30 % envelopes, 20 % /store/; 5 % repeats. */
function newJob(): Job {
  const r = Math.random();
  const kind: Kind = r < 0.35 ? "single" : r < 0.5 ? "batch" : r < 0.8 ? "envelope" : "store";
  const pool = kind === "single" || kind === "batch" ? ackedNative : ackedSentry;
  const repeat = pool.length > 100 && Math.random() < 0.05;
  let nums: number[];
  if (kind === "batch") {
    nums = Array.from({ length: BATCH_SIZE }, () => nextNumber++);
    if (repeat) for (let i = 0; i < 10; i++) nums[i * 5] = pick(pool);
    // One batch in 20 holds the same event twice: it is stored and counted once.
    if (Math.random() < 0.05) nums[BATCH_SIZE - 1] = nums[0] as number;
  } else {
    nums = [repeat ? pick(pool) : nextNumber++];
  }
  return { kind, nums, repeat, attempts: 0, notBefore: 0 };
}

function requestOf(
  job: Job,
  account: Account,
): { path: string; headers: Record<string, string>; body: Buffer } {
  const n = job.nums[0] as number;
  switch (job.kind) {
    case "single":
    case "batch":
      return {
        path: "/api/events",
        headers: {
          "content-type": "application/json",
          authorization: `Bearer ${account.key}`,
        },
        body: Buffer.from(
          JSON.stringify(
            job.kind === "single" ? nativeEvent(n) : { events: job.nums.map(nativeEvent) },
          ),
        ),
      };
    case "envelope":
      return {
        path: `/api/${account.projectId}/envelope/`,
        headers: {
          "content-type": "application/x-sentry-envelope",
          "x-sentry-auth": `Sentry sentry_version=7, sentry_client=reliability/1.0, sentry_key=${account.key}`,
        },
        body: envelopeBody(n),
      };
    case "store":
      return {
        path: `/api/${account.projectId}/store/`,
        headers: {
          "content-type": "application/json",
          "x-sentry-auth": `Sentry sentry_version=7, sentry_client=reliability/1.0, sentry_key=${account.key}`,
        },
        body: Buffer.from(JSON.stringify(sentryEvent(n))),
      };
  }
}

interface LoadOptions {
  apps: { app: App; workers: number }[];
  account: Account;
  stats: Stats;
  /** Stop taking new events (retries still drain). */
  enough: () => boolean;
  /** Take no new events for now (retries still go). */
  paused?: () => boolean;
  /** Called with each outcome, for timelines. */
  onOutcome?: (outcome: Outcome, app: App, job: Job) => void;
  /** Jobs whose request failed without an HTTP answer after reaching the server. */
  onLost?: (job: Job, outcome: Outcome) => void;
  drainDeadlineMs?: number;
}

/** Runs workers until `enough()` and every failed request has been retried to success. */
async function runLoad(options: LoadOptions): Promise<void> {
  const { stats, account } = options;
  const retryQueue: Job[] = [];
  let drainStarted = 0;
  const workers = options.apps.flatMap(({ app, workers }) =>
    Array.from({ length: workers }, () => app),
  );

  const takeJob = (): Job | "wait" | null => {
    const now = Date.now();
    const ready = retryQueue.findIndex((job) => job.notBefore <= now);
    if (ready !== -1) return retryQueue.splice(ready, 1)[0] as Job;
    if (options.paused?.()) return "wait";
    if (!options.enough()) return newJob();
    return null;
  };

  await Promise.all(
    workers.map(async (app) => {
      for (;;) {
        const job = takeJob();
        if (job === "wait") {
          await sleep(100);
          continue;
        }
        if (!job) {
          if (retryQueue.length === 0) return;
          drainStarted ||= Date.now();
          if (Date.now() - drainStarted > (options.drainDeadlineMs ?? 120_000)) return;
          await sleep(100);
          continue;
        }
        const ids = job.nums.map((n) => idOf(job.kind, n));
        if (job.attempts === 0) {
          for (const id of ids) {
            if (!sentIds.has(id)) {
              sentIds.add(id);
              stats.newEvents++;
            }
          }
          if (job.repeat) stats.repeats++;
        } else stats.retries++;
        job.attempts++;
        const { path: urlPath, headers, body } = requestOf(job, account);
        stats.requests++;
        stats.eventsSent += job.nums.length;
        const outcome = await httpCall(app, "POST", urlPath, headers, body);
        stats.maxMs = Math.max(stats.maxMs, outcome.ms);
        options.onOutcome?.(outcome, app, job);
        if (outcome.status >= 200 && outcome.status < 300) {
          stats.count("2xx");
          acknowledge(job, ids, outcome);
          continue;
        }
        let retry = true;
        if (outcome.status === 503) {
          stats.count("503");
          if (!outcome.retryAfter) {
            stats.missingRetryAfter++;
            violation(`503 without Retry-After from ${app.name} ${urlPath}`);
          }
        } else if (outcome.status !== 0) {
          stats.count(String(outcome.status));
          stats.statusBad++;
          retry = outcome.status >= 500;
          violation(
            `${outcome.status} from ${app.name} ${urlPath} (${job.kind}): ${outcome.body.slice(0, 300)}`,
          );
        } else if (outcome.error === "timeout") {
          stats.timeouts++;
          options.onLost?.(job, outcome);
        } else {
          stats.netErrors++;
          options.onLost?.(job, outcome);
        }
        if (retry && job.attempts < 50) {
          job.notBefore = Date.now() + (outcome.status === 0 ? 500 : 1000);
          retryQueue.push(job);
        }
        if (outcome.status === 0) await sleep(100);
      }
    }),
  );
  if (retryQueue.length > 0) violation(`${retryQueue.length} requests never succeeded on retry`);
}

function acknowledge(job: Job, ids: string[], outcome: Outcome) {
  let refs: { id: number }[] | null = null;
  if (job.kind === "single" || job.kind === "batch") {
    try {
      refs = (JSON.parse(outcome.body) as { events: { id: number }[] }).events;
    } catch {
      violation(`unreadable answer: ${outcome.body.slice(0, 200)}`);
    }
    if (refs && refs.length !== ids.length)
      violation(`${refs.length} refs for ${ids.length} events`);
  } else {
    const answered = (JSON.parse(outcome.body) as { id?: string }).id;
    if (answered !== ids[0]) violation(`Sentry answer id ${answered}, sent ${ids[0]}`);
  }
  ids.forEach((id, i) => {
    const ref = refs?.[i]?.id;
    if (ref !== undefined) {
      const first = firstRef.get(id);
      if (first === undefined) firstRef.set(id, ref);
      else if (first !== ref) violation(`event ${id} answered as ${ref}, first as ${first}`);
    }
    if (ackedIds.has(id)) return;
    ackedIds.add(id);
    const n = job.nums[i] as number;
    (job.kind === "single" || job.kind === "batch" ? ackedNative : ackedSentry).push(n);
  });
}

// ---------------------------------------------------------------------------------------------
// Checks in the database

interface Check {
  stored: number;
  sumCounts: number;
  ackedMissing: number;
  unsent: number;
  duplicates: number;
  badErrors: number;
  badHourly: number;
  emptyErrors: number;
}

async function verify(sql: postgres.Sql, label: string, projectId: number): Promise<Check> {
  const rows = await sql<{ event_id: string }[]>`
    SELECT event_id FROM events WHERE project_id = ${projectId}`;
  const stored = new Set(rows.map((row) => row.event_id));
  const [totals] = await sql<{ events: number; counts: number }[]>`
    SELECT (SELECT count(*) FROM events WHERE project_id = ${projectId})::int AS events,
      (SELECT coalesce(sum(event_count), 0) FROM errors WHERE project_id = ${projectId})::int AS counts`;
  const [perError] = await sql<{ bad: number; hourly: number; empty: number }[]>`
    SELECT
      count(*) FILTER (WHERE e.event_count <> coalesce(v.n, 0))::int AS bad,
      count(*) FILTER (WHERE e.event_count <> coalesce(h.n, 0))::int AS hourly,
      count(*) FILTER (WHERE e.event_count = 0 OR e.first_seen = 'infinity'
        OR e.last_seen = '-infinity')::int AS empty
    FROM errors e
    LEFT JOIN (SELECT error_id, count(*) AS n FROM events GROUP BY 1) v ON v.error_id = e.id
    LEFT JOIN (SELECT error_id, sum(count) AS n FROM error_hourly_counts GROUP BY 1) h
      ON h.error_id = e.id
    WHERE e.project_id = ${projectId}`;
  let ackedMissing = 0;
  for (const id of ackedIds) if (!stored.has(id)) ackedMissing++;
  let unsent = 0;
  for (const id of stored) if (!sentIds.has(id)) unsent++;
  const check: Check = {
    stored: totals?.events ?? 0,
    sumCounts: totals?.counts ?? 0,
    ackedMissing,
    unsent,
    duplicates: rows.length - stored.size,
    badErrors: perError?.bad ?? 0,
    badHourly: perError?.hourly ?? 0,
    emptyErrors: perError?.empty ?? 0,
  };
  log(
    `${label}: stored ${check.stored}, sum(event_count) ${check.sumCounts}, acknowledged ${ackedIds.size}, acknowledged but missing ${ackedMissing}, stored but never sent ${unsent}, duplicates ${check.duplicates}, errors whose count ≠ their events ${check.badErrors}, ≠ hourly counts ${check.badHourly}, empty ${check.emptyErrors}`,
  );
  if (check.stored !== check.sumCounts)
    violation(`${label}: ${check.stored} events stored, sum of event_count ${check.sumCounts}`);
  if (ackedMissing > 0) violation(`${label}: ${ackedMissing} acknowledged events not stored`);
  if (unsent > 0) violation(`${label}: ${unsent} stored events were never sent`);
  if (check.duplicates > 0) violation(`${label}: ${check.duplicates} duplicate event ids`);
  if (check.badErrors > 0) violation(`${label}: ${check.badErrors} errors with a wrong count`);
  if (check.badHourly > 0)
    violation(`${label}: ${check.badHourly} errors with wrong hourly counts`);
  if (check.emptyErrors > 0) violation(`${label}: ${check.emptyErrors} empty or half-made errors`);
  return check;
}

// ---------------------------------------------------------------------------------------------
// Phases

interface Row {
  phase: string;
  stats: Stats;
  check: Check;
  notes: string[];
}
const rows: Row[] = [];

async function signUp(app: App): Promise<Account> {
  const email = `reliability-${runTag}@example.test`;
  const password = `pw-${randomBytes(8).toString("hex")}`;
  const res = await httpCall(
    app,
    "POST",
    "/api/auth/signup",
    { "content-type": "application/json" },
    Buffer.from(JSON.stringify({ name: "Reliability", email, password })),
  );
  if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${res.body}`);
  const body = JSON.parse(res.body);
  return {
    token: body.token,
    key: body.project.ingestKey.key,
    projectId: body.project.id,
    email,
    password,
  };
}

async function phaseA(app: App, account: Account, sql: postgres.Sql) {
  log(`phase a: ${PHASE_A_EVENTS} events at ${CONCURRENCY} concurrency`);
  const stats = new Stats();
  const target = nextNumber + PHASE_A_EVENTS;
  const t0 = Date.now();
  let lastReport = t0;
  await runLoad({
    apps: [{ app, workers: CONCURRENCY }],
    account,
    stats,
    enough: () => {
      if (Date.now() - lastReport > 10_000) {
        lastReport = Date.now();
        log(`  … ${stats.newEvents} new events sent, ${stats.requests} requests`);
      }
      return nextNumber >= target;
    },
  });
  const seconds = (Date.now() - t0) / 1000;
  const notes = [
    `${seconds.toFixed(1)} s, ${Math.round(stats.eventsSent / seconds)} events/s, max latency ${Math.round(stats.maxMs)} ms`,
  ];
  log(`phase a: ${notes[0]}`);
  if (stats.get("503") > 0) violation(`phase a: ${stats.get("503")} 503s with the database up`);
  if (stats.timeouts + stats.netErrors > 0)
    violation(`phase a: ${stats.timeouts} timeouts, ${stats.netErrors} connection errors`);
  rows.push({
    phase: "a. load",
    stats,
    check: await verify(sql, "phase a", account.projectId),
    notes,
  });
}

interface ProbeLog {
  route: string;
  t: number;
  status: number;
  ms: number;
  error?: string;
}

async function phaseB(
  cluster: Cluster,
  fast: App,
  nextDoor: App,
  account: Account,
  sql: postgres.Sql,
) {
  log(
    `phase b: database restarts under load (${OUTAGE_ROUNDS} × restart, ${OUTAGE_ROUNDS} × stop/3 s/start), fast path and Next door`,
  );
  const stats = new Stats();
  const timeline: { t: number; door: string; status: number; ms: number }[] = [];
  const probes: ProbeLog[] = [];
  let loading = true;
  const notes: string[] = [];

  const probeLoop = async () => {
    let tick = 0;
    while (loading) {
      const calls: Promise<void>[] = [];
      const probe = async (
        route: string,
        app: App,
        method: string,
        urlPath: string,
        headers: Record<string, string>,
        body: Buffer | null,
      ) => {
        const t = Date.now();
        const res = await httpCall(app, method, urlPath, headers, body);
        probes.push({ route, t, status: res.status, ms: res.ms, error: res.error });
        if (res.status === 503 && !res.retryAfter) violation(`${route}: 503 without Retry-After`);
        if (res.status >= 500 && res.status !== 503)
          violation(`${route}: ${res.status} ${res.body.slice(0, 200)}`);
        if (res.status === 0) violation(`${route}: ${res.error}`);
      };
      calls.push(probe("GET /api/health (fast app)", fast, "GET", "/api/health", {}, null));
      calls.push(probe("GET /api/health (Next app)", nextDoor, "GET", "/api/health", {}, null));
      calls.push(
        probe(
          "GET /api/errors",
          fast,
          "GET",
          "/api/errors?limit=1&environment=all",
          { authorization: `Bearer ${account.token}` },
          null,
        ),
      );
      if (tick % 4 === 0) {
        calls.push(
          probe(
            "POST /api/auth/token",
            nextDoor,
            "POST",
            "/api/auth/token",
            { "content-type": "application/json" },
            Buffer.from(JSON.stringify({ email: account.email, password: account.password })),
          ),
        );
      }
      tick++;
      await Promise.all(calls);
      await sleep(250);
    }
  };

  const outages: { kind: string; down: number; up: number }[] = [];
  const driver = async () => {
    await sleep(3_000);
    for (let round = 0; round < OUTAGE_ROUNDS; round++) {
      const down = Date.now();
      log("  pg_ctl restart -m fast");
      await cluster.restart();
      outages.push({ kind: "restart", down, up: Date.now() });
      log(`  database back after ${Date.now() - down} ms`);
      await sleep(5_000);
      const down2 = Date.now();
      log("  pg_ctl stop -m fast; 3 s; pg_ctl start");
      await cluster.stop("fast");
      await sleep(3_000);
      await cluster.start();
      outages.push({ kind: "stop/3 s/start", down: down2, up: Date.now() });
      log(`  database back after ${Date.now() - down2} ms`);
      await sleep(5_000);
    }
    loading = false;
  };

  const t0 = Date.now();
  await Promise.all([
    driver(),
    probeLoop(),
    runLoad({
      apps: [
        { app: fast, workers: 48 },
        { app: nextDoor, workers: 16 },
      ],
      account,
      stats,
      enough: () => !loading,
      onOutcome: (outcome, app) =>
        timeline.push({ t: Date.now(), door: app.name, status: outcome.status, ms: outcome.ms }),
    }),
  ]);
  notes.push(`${((Date.now() - t0) / 1000).toFixed(1)} s of load`);

  const loadEnd = Date.now();
  for (const [i, outage] of outages.entries()) {
    // Until the next outage (or the end of the load): the app should be fully back by then.
    const windowEnd = outages[i + 1]?.down ?? loadEnd;
    const during = timeline.filter((x) => x.t >= outage.down && x.t <= outage.up + 100);
    const parts = [`outage ${i + 1} (${outage.kind}, ${outage.up - outage.down} ms down)`];
    for (const door of [fast.name, nextDoor.name]) {
      const mine = timeline.filter((x) => x.door === door);
      const ok = during.filter((x) => x.door === door && x.status >= 200 && x.status < 300).length;
      const unavailable = during.filter((x) => x.door === door && x.status === 503).length;
      const firstOk = mine.find((x) => x.t >= outage.up && x.status >= 200 && x.status < 300);
      const lastBad = mine.filter(
        (x) => x.t >= outage.down && x.t <= windowEnd && (x.status < 200 || x.status >= 300),
      );
      // Stragglers queued in a discarded pool fail within its 5 s grace (db/client.ts).
      const late = lastBad.filter((x) => x.t > outage.up + 8_000).length;
      if (late > 0)
        violation(`phase b: ${door}: ${late} failures more than 8 s after outage ${i + 1} ended`);
      const recovery = firstOk ? firstOk.t - outage.up : Number.NaN;
      const maxMs = Math.max(0, ...during.filter((x) => x.door === door).map((x) => x.ms));
      parts.push(
        `${door}: ${unavailable} × 503, ${ok} × 2xx during, slowest ${Math.round(maxMs)} ms, first 2xx ${Number.isNaN(recovery) ? "never" : `${recovery} ms`} after the database was up, last failure ${lastBad.length ? `${(lastBad.at(-1)?.t ?? 0) - outage.up} ms` : "none"} after`,
      );
      if (!firstOk) violation(`phase b: ${door} never recovered after outage ${i + 1}`);
    }
    for (const route of new Set(probes.map((p) => p.route))) {
      const mine = probes.filter((p) => p.route === route);
      const in503 = mine.filter(
        (p) => p.t >= outage.down && p.t <= outage.up && p.status === 503,
      ).length;
      const firstOk = mine.find((p) => p.t >= outage.up && p.status === 200);
      parts.push(
        `${route}: ${in503} × 503, 200 again ${firstOk ? `${firstOk.t - outage.up} ms` : "never"} after`,
      );
      if (!firstOk) violation(`phase b: ${route} never recovered after outage ${i + 1}`);
    }
    const note = parts.join("; ");
    notes.push(note);
    log(`  ${note}`);
  }
  const probeCounts = new Map<string, number>();
  for (const p of probes) {
    const key = `${p.route} ${p.status || p.error}`;
    probeCounts.set(key, (probeCounts.get(key) ?? 0) + 1);
  }
  notes.push(`probes: ${[...probeCounts].map(([k, v]) => `${k} ×${v}`).join(", ")}`);
  notes.push(`max request latency ${Math.round(stats.maxMs)} ms`);
  if (stats.timeouts > 0) violation(`phase b: ${stats.timeouts} requests timed out (10 s)`);
  if (stats.netErrors > 0) violation(`phase b: ${stats.netErrors} connection errors`);
  rows.push({
    phase: "b. DB restarts",
    stats,
    check: await verify(sql, "phase b", account.projectId),
    notes,
  });
}

async function phaseC(app: App, account: Account, sql: postgres.Sql) {
  log(`phase c: ${PHASE_C_EVENTS} events, the app killed with SIGKILL half-way`);
  const stats = new Stats();
  const target = nextNumber + PHASE_C_EVENTS;
  const killAt = nextNumber + PHASE_C_EVENTS / 2;
  let killed = 0;
  let restarted = false;
  const lost = new Set<string>(); // ids of requests in flight at the kill (not acknowledged)
  const ackedBeforeKill = new Set<string>();
  let restartMs = 0;
  let downMs = 0;
  const notes: string[] = [];
  let restartDone: Promise<void> | null = null;
  let inFlightStored = -1;

  const restart = async () => {
    await sleep(1_000);
    // The ids of requests cut off by the kill: stored or not, the database decides.
    const candidates = [...lost].filter((id) => !ackedIds.has(id));
    const storedRows = await sql<{ event_id: string }[]>`
      SELECT event_id FROM events WHERE project_id = ${account.projectId}`;
    const stored = new Set(storedRows.map((row) => row.event_id));
    inFlightStored = candidates.filter((id) => stored.has(id)).length;
    notes.push(
      `${candidates.length} events in requests cut off by the kill: ${inFlightStored} stored (committed, never acknowledged), ${candidates.length - inFlightStored} not stored`,
    );
    log(`  ${notes.at(-1)}`);
    restartMs = await app.start();
    downMs = Date.now() - killed;
    log(`  app restarted in ${restartMs} ms (${downMs} ms without an app)`);
  };

  await runLoad({
    apps: [{ app, workers: CONCURRENCY }],
    account,
    stats,
    enough: () => {
      if (!killed && nextNumber >= killAt) {
        killed = Date.now();
        for (const id of ackedIds) ackedBeforeKill.add(id);
        log("  kill -9 the app");
        app.kill9();
        restartDone = restart()
          .catch((error: unknown) => violation(`phase c: restart failed: ${String(error)}`))
          .finally(() => {
            restarted = true;
          });
      }
      return nextNumber >= target;
    },
    // While the app is down the workers only retry; new events wait for the restart.
    paused: () => Boolean(killed) && !restarted,
    onLost: (job, outcome) => {
      if (killed && !restarted && outcome.error !== "ECONNREFUSED") {
        for (const n of job.nums) lost.add(idOf(job.kind, n));
      }
    },
  });
  if (restartDone) await restartDone;
  let ackedLost = 0;
  const rowsNow = await sql<{ event_id: string }[]>`
    SELECT event_id FROM events WHERE project_id = ${account.projectId}`;
  const storedNow = new Set(rowsNow.map((r) => r.event_id));
  for (const id of ackedBeforeKill) if (!storedNow.has(id)) ackedLost++;
  notes.unshift(
    `${ackedBeforeKill.size} events acknowledged before the kill, ${ackedLost} of them missing; app restart ${restartMs} ms; ${stats.netErrors} requests failed while it was down and were retried`,
  );
  if (ackedLost > 0)
    violation(`phase c: ${ackedLost} events acknowledged before the kill are lost`);
  if (inFlightStored < 0) violation("phase c: the app was never killed");
  rows.push({
    phase: "c. app SIGKILL",
    stats,
    check: await verify(sql, "phase c", account.projectId),
    notes,
  });
}

// ---------------------------------------------------------------------------------------------

function printSummary(apps: App[]) {
  const header = [
    "phase",
    "requests",
    "events sent",
    "new ids",
    "repeats",
    "retries",
    "2xx",
    "503",
    "other",
    "timeouts",
    "conn err",
    "stored",
    "Σ count",
    "acked missing",
  ];
  const table = rows.map(({ phase, stats, check }) => [
    phase,
    stats.requests,
    stats.eventsSent,
    stats.newEvents,
    stats.repeats,
    stats.retries,
    stats.get("2xx"),
    stats.get("503"),
    stats.statusBad,
    stats.timeouts,
    stats.netErrors,
    check.stored,
    check.sumCounts,
    check.ackedMissing,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => String(r[i]).length)));
  const line = (cells: (string | number)[]) =>
    `| ${cells.map((c, i) => String(c).padStart(widths[i] as number)).join(" | ")} |`;
  console.log(`\n${line(header)}`);
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const row of table) console.log(line(row));
  for (const row of rows) for (const note of row.notes) console.log(`  ${row.phase}: ${note}`);
  console.log(
    `  totals: ${sentIds.size} distinct event ids sent, ${ackedIds.size} acknowledged, ${rows.at(-1)?.check.stored ?? 0} stored`,
  );
  for (const app of apps) {
    const { unexpected, knownDriverFault } = app.failureLines();
    console.log(
      `  ${app.name} log: ${unexpected.length} unexpected failure lines${unexpected.length ? `, e.g. ${unexpected[0]}` : ""}; ${knownDriverFault} × the known postgres.js nextWrite TypeError (porsager/postgres#1154), survived`,
    );
    if (unexpected.length > 0)
      violation(`${app.name} logged ${unexpected.length} unexpected failures`);
  }
}

async function main() {
  log(`reliability run ${runTag}${SHORT ? " (short)" : ""}`);
  const cluster = new Cluster();
  cleanups.push(() => cluster.destroy());
  await cluster.init();
  log(`throwaway PostgreSQL (${cluster.bin}) on 127.0.0.1:${cluster.port} in ${cluster.dir}`);
  const migrated = await openDatabase({ kind: "postgres", url: cluster.url }, { migrate: true });
  await migrated.close();

  const workDir = mkdtempSync(path.join(tmpdir(), "ec-reliability-app-"));
  cleanups.push(() => rmSync(workDir, { recursive: true, force: true }));
  const appDir = await prepareAppDir(workDir);
  const sql = postgres(cluster.url, { max: 2, onnotice: () => {} });
  cleanups.push(() => sql.end({ timeout: 2 }));

  const fast = new App("fast-path-app", appDir, workDir, cluster.url, true);
  const nextDoor = new App("next-door-app", appDir, workDir, cluster.url, false);
  cleanups.push(() => fast.stop());
  cleanups.push(() => nextDoor.stop());
  log(`app (fast ingest path) healthy in ${await fast.start()} ms`);
  const account = await signUp(fast);

  try {
    await phaseA(fast, account, sql);
    log(
      `second app (ingest through Next's route handlers) healthy in ${await nextDoor.start()} ms`,
    );
    await phaseB(cluster, fast, nextDoor, account, sql);
    await nextDoor.stop();
    await phaseC(fast, account, sql);
  } finally {
    printSummary([fast, nextDoor]);
    if (violations.length > 0) {
      const keep = mkdtempSync(path.join(tmpdir(), "ec-reliability-logs-"));
      for (const file of readdirSync(workDir).filter((f) => f.endsWith(".log")))
        cpSync(path.join(workDir, file), path.join(keep, file));
      if (existsSync(path.join(cluster.dir, "server.log")))
        cpSync(path.join(cluster.dir, "server.log"), path.join(keep, "postgres.log"));
      console.log(`  logs kept in ${keep}`);
    }
  }
}

let code = 0;
try {
  await main();
} catch (error) {
  console.error(error);
  violation(`run aborted: ${(error as Error).message}`);
}
await cleanup();
if (violations.length > 0) {
  console.log(`\nFAILED: ${violations.length} violation(s)`);
  for (const v of violations.slice(0, 30)) console.log(`  - ${v}`);
  code = 1;
} else {
  console.log(`\nPASSED in ${Math.round((Date.now() - started) / 1000)} s`);
}
process.exit(code);
