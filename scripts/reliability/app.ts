import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
} from "node:fs";
import { Agent, request } from "node:http";
import path from "node:path";
import { buildIsStale } from "../lib/build-state";
import { freePort } from "../lib/run";
import { START_SCRIPT } from "../lib/server";
import { type Report, sleep } from "./report";
import { settings } from "./settings";

// The app under test: `npm start`'s server, started, killed and restarted by the phases.

const ROOT = process.cwd();

/**
 * Others may rebuild .next while this runs (a restart mid-build would find half a build), so
 * the app is served from a folder of symlinks to the project with its own copy of .next,
 * copied under the lock the project's builds take.
 */
export async function prepareAppDir(workDir: string, report: Report): Promise<string> {
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
    report.log("no production build: running `next build` (about a minute)…");
    const [file, ...args] = locked("test -f .next/BUILD_ID || npx next build");
    const built = spawnSync(file as string, args, {
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "production" },
    });
    if (built.status !== 0 && !hasBuild(ROOT)) await sleep(15_000);
  }
  if (buildIsStale()) {
    report.log(
      "note: .next is older than some sources; Next's routes run the build, the fast ingest path runs the sources",
    );
  }
  if (settings.inPlace) return ROOT;
  const dir = path.join(workDir, "app");
  report.log("copying .next (waits while another `next build` holds /tmp/next-build.lock)");
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

export class App {
  child: ChildProcess | null = null;
  port = 0;
  agent = new Agent({ keepAlive: true, maxSockets: settings.concurrency });
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
    const child = spawn(process.execPath, ["--import", "tsx", START_SCRIPT], {
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

export interface Outcome {
  status: number; // 0: no HTTP answer
  retryAfter: string | null;
  body: string;
  ms: number;
  error?: string; // timeout, ECONNREFUSED, ECONNRESET…
}

export function httpCall(
  app: App,
  method: string,
  urlPath: string,
  headers: Record<string, string>,
  body: Buffer | null,
  timeoutMs: number = settings.requestTimeoutMs,
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
