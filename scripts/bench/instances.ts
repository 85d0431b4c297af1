import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { createAccount } from "@/db/queries/users";
import { projects } from "@/db/schema";
import { TTL_MS as KEY_TTL_MS } from "@/lib/ingest/key-cache";
import { freshPostgres } from "@/tests/support/databases";
import { buildIsStale } from "../lib/build-state";
import { cleanUpOnExit } from "../lib/clean-up";
import { freePort } from "../lib/run";
import { benchEvent } from "../lib/sample-events";
import { ensureBuild, type StartedServer, startServer } from "../lib/server";
import {
  createBenchAccount,
  fmt,
  type LoadResult,
  postgresVersion,
  projectCounts,
  runLoad,
} from "./common";
import { type CpuShare, cpuShare, describeCpu } from "./cpu-share";

/**
 * `npm run bench -- --instances=2`: several `npm start` servers against one PostgreSQL through
 * PgBouncer in transaction mode (Debian's `pgbouncer` package, started here as a child with a
 * config of its own), as a deployment behind a load balancer runs them. Measures one instance
 * directly (reference), one through PgBouncer and all of them through it, then checks what
 * must hold across instances: every acknowledged event stored and counted once, one ingest
 * quota, one login limit, and how soon a key revoked on one instance is refused by the others.
 * Exits non-zero when a check fails. `--smoke` runs each step for a second or two (CI).
 */

/** Sessions that each instance keeps to the database (DATABASE_POOL_MAX), as bench.ts does. */
const POOL_MAX = 20;
/** Load generator clients in all, split evenly among the instances. */
const CONCURRENCY = 64;
/** LOGIN_FAILURES_PER_EMAIL_AND_IP given to the instances: failed logins before a 429. */
const LOGIN_LIMIT = 5;

type Row = [string, string, string];

/** Runs the bench of several instances; resolves with the process's exit code. */
export async function benchInstances(argv: string[]): Promise<number> {
  const smoke = argv.includes("--smoke");
  const raw = argv.find((arg) => arg.startsWith("--instances="))?.slice("--instances=".length);
  const count = Number(raw);
  if (!Number.isInteger(count) || count < 2 || count > 8) {
    console.error(`--instances expects a whole number from 2 to 8, got ${JSON.stringify(raw)}`);
    return 2;
  }
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    console.error(
      "npm run bench needs DATABASE_URL: a PostgreSQL server it may create a database on.",
    );
    return 2;
  }
  const pgbouncer = findPgBouncer();
  if (!pgbouncer) {
    console.error(
      "npm run bench -- --instances needs PgBouncer (Debian: apt-get install pgbouncer).",
    );
    return 2;
  }
  const seconds = smoke ? 2 : 15;
  const short = smoke ? 2 : 5;
  // A fresh server's first requests take seconds (code loading and compiling, pools opening,
  // caches empty), which would swamp a 2 s figure: each instance gets some load first.
  const warmUp = smoke ? 1 : 3;

  if (buildIsStale()) console.log("Building the app first…");
  if (!(await ensureBuild())) return 1;

  const rows: Row[] = [];
  let failed = false;
  const line = (phase: string, figure: string, target: string, ok = true) => {
    rows.push([phase, figure, ok ? target : `${target} ✗`]);
    console.log(`  ${phase}: ${figure}   (${target})${ok ? "" : " ✗"}`);
    if (!ok) failed = true;
  };

  const database = await freshPostgres(serverUrl);
  const { db } = database;
  const name = new URL(database.url).pathname.slice(1);
  console.log(`Bench database: ${name}`);
  // One AUTH_SECRET for every instance, as a deployment must have: a session cookie or a
  // sign-in started on one instance is then good on the others.
  const authSecret = randomBytes(33).toString("base64url");
  const servers: StartedServer[] = [];
  let bouncer: PgBouncer | undefined;
  // Everything this run started, stopped at the end, after a failure, or on Ctrl-C: no server
  // or PgBouncer is left behind on a database that is gone.
  const { cleanUp, release } = cleanUpOnExit(
    `stopping the servers and PgBouncer, dropping ${name}`,
    async () => {
      for (const server of running) await server.stop();
      await bouncer?.stop();
      await database.drop();
    },
  );
  try {
    const account = await createBenchAccount(db);
    const key = account.ingestKey.token;
    const projectId = account.project.id;
    let acknowledged = 0;
    const throughput = (result: LoadResult, cpu: CpuShare | null) => {
      console.log(`   ${describeCpu(cpu)}`);
      const perServer =
        result.perUrl.length > 1
          ? ` (${result.perUrl.map((events) => fmt(events)).join(" + ")} events)`
          : "";
      acknowledged += result.events;
      return `${fmt(result.eventsPerSecond)} events/s${perServer}, p50 ${fmt(result.p50, 1)} ms, p99 ${fmt(result.p99, 1)} ms, non-2xx ${result.non2xx + result.failures}`;
    };

    const warm = async (server: StartedServer) => {
      const result = await load([server.url], key, projectId, warmUp, CONCURRENCY);
      acknowledged += result.events;
    };

    console.log("1 instance, directly on PostgreSQL (reference)");
    const direct = await startInstance({ DATABASE_URL: database.url }, authSecret);
    let directResult: LoadResult;
    try {
      await warm(direct);
      const { result, cpu } = await cpuShare(
        direct.child.pid ?? 0,
        load([direct.url], key, projectId, seconds, CONCURRENCY),
      );
      directResult = result;
      line("1 instance, direct (reference)", throughput(result, cpu), "for comparison");
    } finally {
      await direct.stop();
    }

    console.log(`PgBouncer ${pgbouncer.version}, transaction mode`);
    bouncer = await startPgBouncer(pgbouncer.path, serverUrl, {
      poolSize: POOL_MAX,
      clients: count * POOL_MAX,
    });
    const pooled = {
      DATABASE_URL: bouncer.urlFor(name),
      DATABASE_PREPARE: "false",
      LOGIN_FAILURES_PER_EMAIL_AND_IP: String(LOGIN_LIMIT),
    };
    for (let i = 0; i < count; i++) servers.push(await startInstance(pooled, authSecret));
    for (const server of servers) await warm(server);
    const [first, second] = servers as [StartedServer, StartedServer];
    const pids = servers.map((server) => server.child.pid ?? 0);

    console.log("1 instance through PgBouncer");
    const one = await cpuShare(
      first.child.pid ?? 0,
      load([first.url], key, projectId, seconds, CONCURRENCY),
    );
    line(
      "1 instance through PgBouncer",
      throughput(one.result, one.cpu),
      "non-2xx 0",
      one.result.non2xx + one.result.failures === 0,
    );

    console.log(`${count} instances through PgBouncer, the ${CONCURRENCY} clients dealt out`);
    const all = await cpuShare(
      pids,
      load(
        servers.map((server) => server.url),
        key,
        projectId,
        seconds,
        CONCURRENCY,
      ),
    );
    line(
      `${count} instances through PgBouncer`,
      throughput(all.result, all.cpu),
      "non-2xx 0, every instance served",
      all.result.non2xx + all.result.failures === 0 && all.result.perUrl.every((n) => n > 0),
    );
    line(
      `${count} instances ÷ 1 instance`,
      fmt(all.result.eventsPerSecond / one.result.eventsPerSecond, 2),
      `up to ${count} until the database (or the machine's cores) is the limit`,
    );
    line(
      "1 instance: PgBouncer ÷ direct",
      fmt(one.result.eventsPerSecond / directResult.eventsPerSecond, 2),
      "for comparison",
    );

    const counts = await projectCounts(db, projectId);
    line(
      "consistency",
      `acknowledged ${fmt(acknowledged)}, stored ${fmt(counts.events)}, sum of frequencies ${fmt(counts.frequencies)}`,
      "equal",
      counts.events === acknowledged && counts.frequencies === acknowledged,
    );

    // A quota about a quarter of what the instances took in that long, so that it is spent.
    const quota = Math.max(20, Math.floor((all.result.eventsPerSecond * short) / 4));
    await quotaCheck(db, servers, short, quota, line);
    await loginCheck(db, first, second, line);
    await revocationCheck(db, first, second, line);

    console.log(`\n| step | result | target |\n|---|---|---|`);
    for (const [step, figure, target] of rows) console.log(`| ${step} | ${figure} | ${target} |`);
    console.log(
      `\nMachine: ${os.cpus().length} cores, ${fmt(os.totalmem() / 2 ** 30, 1)} GiB, Node ${process.version}, PgBouncer ${pgbouncer.version}, ${await postgresVersion(db)}; DATABASE_POOL_MAX ${POOL_MAX} per instance, PgBouncer pool ${POOL_MAX}`,
    );
  } finally {
    await cleanUp();
    release();
  }
  if (failed) console.error("\nA check failed (✗ above).");
  return failed ? 1 : 0;
}

/** The servers started and not yet stopped. */
const running = new Set<StartedServer>();

async function startInstance(
  env: Record<string, string>,
  authSecret: string,
): Promise<StartedServer> {
  const server = await startServer({
    stdio: ["ignore", "ignore", "inherit"],
    timeoutMs: 60_000,
    env: { ...env, AUTH_SECRET: authSecret, DATABASE_POOL_MAX: String(POOL_MAX) },
  });
  running.add(server);
  return {
    ...server,
    stop: async () => {
      await server.stop();
      running.delete(server);
    },
  };
}

/** Single-event ingest from scripts/bench/load.ts, its clients dealt out among `urls`. */
/** Phase a's load, the clients dealt out among the servers. */
const load = (
  urls: string[],
  token: string,
  projectId: number,
  seconds: number,
  concurrency: number,
) => runLoad({ urls, token, projectId, mode: "single", seconds, concurrency });

type Line = (phase: string, figure: string, target: string, ok?: boolean) => void;

/**
 * A project with a per-minute quota, loaded through every instance at once: the instances
 * share one count (in PostgreSQL), so no more than the quota is accepted in all, and the rest
 * is refused with 429.
 */
async function quotaCheck(
  db: Db,
  servers: StartedServer[],
  seconds: number,
  quota: number,
  line: Line,
): Promise<void> {
  const account = await createAccount(db, {
    name: "Quota",
    email: "quota@example.test",
    password: "bench-password",
  });
  // Set before any instance has seen the project, so no cached quota-less copy exists.
  await db
    .update(projects)
    .set({ eventsPerMinute: quota })
    .where(eq(projects.id, account.project.id));
  console.log(`quota: ${quota} events a minute, loaded through ${servers.length} instances`);
  // One event through each instance first: each has then looked the key and project up, so
  // that none starts the load later than the others (and finds the quota spent).
  const first = await Promise.all(
    servers.map((server, i) => sendEvent(server.url, account.ingestKey.token, "quota", i)),
  );
  const statuses: Record<string, number> = {};
  for (const status of first) statuses[status] = (statuses[status] ?? 0) + 1;
  const perServer: number[] = first.map((status) => (isSuccess(status) ? 1 : 0));
  let failures = 0;
  // The load's rate varies with the machine: more rounds (within the minute's window) until
  // the quota is spent and refusals come.
  for (let round = 0; round < 3 && !statuses["429"]; round++) {
    const result = await load(
      servers.map((server) => server.url),
      account.ingestKey.token,
      account.project.id,
      seconds,
      CONCURRENCY,
    );
    for (const [status, n] of Object.entries(result.statuses))
      statuses[status] = (statuses[status] ?? 0) + n;
    result.perUrl.forEach((n, i) => {
      perServer[i] = (perServer[i] ?? 0) + n;
    });
    failures += result.failures;
  }
  const accepted = perServer.reduce((sum, n) => sum + n, 0);
  const refused = statuses["429"] ?? 0;
  const other = Object.entries(statuses)
    .filter(([status]) => status !== "429" && !status.startsWith("2"))
    .map(([status, n]) => `${n} × ${status}`);
  const stored = (await projectCounts(db, account.project.id)).events;
  line(
    `quota across ${servers.length} instances`,
    `${fmt(quota)}/min: accepted ${fmt(accepted)} (${perServer.map((n) => fmt(n)).join(" + ")}), stored ${fmt(stored)}, refused ${fmt(refused)} with 429${other.length > 0 ? `, other: ${other.join(", ")}` : ""}${failures > 0 ? `, ${failures} connection failures` : ""}`,
    "accepted = stored ≤ quota, every refusal a 429",
    accepted <= quota && stored === accepted && refused > 0 && other.length === 0 && failures === 0,
  );
}

async function failedLogin(url: string, email: string): Promise<number> {
  const res = await fetch(`${url}/api/auth/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: "not-the-password" }),
  });
  await res.arrayBuffer();
  return res.status;
}

/** "401 before the first 429", and whether every answer after it was a 429 too. */
function describeAttempts(statuses: number[]): { before: number; ok: boolean; text: string } {
  const firstRefusal = statuses.indexOf(429);
  const before = firstRefusal === -1 ? statuses.length : firstRefusal;
  const ok =
    statuses.slice(0, before).every((status) => status === 401) &&
    statuses.slice(before).every((status) => status === 429);
  return { before, ok, text: statuses.join(" ") };
}

/**
 * Failed logins (POST /api/auth/token with a wrong password) for one email from one address:
 * all on one instance, then alternated between two, then all at once spread over both. Each
 * must stop at LOGIN_LIMIT failures, the limit one instance enforces alone.
 */
async function loginCheck(db: Db, first: StartedServer, second: StartedServer, line: Line) {
  const emails = ["one", "alternated", "parallel"].map((kind) => `login-${kind}@example.test`);
  for (const email of emails)
    await createAccount(db, { name: "Login", email, password: "bench-password" });
  const attempts = LOGIN_LIMIT + 3;
  const [oneEmail, alternatedEmail, parallelEmail] = emails as [string, string, string];

  const one: number[] = [];
  for (let i = 0; i < attempts; i++) one.push(await failedLogin(first.url, oneEmail));
  const single = describeAttempts(one);
  line(
    "login limit, 1 instance",
    `${single.before} failures before 429 (${single.text})`,
    `${LOGIN_LIMIT} (LOGIN_FAILURES_PER_EMAIL_AND_IP)`,
    single.ok && single.before === LOGIN_LIMIT,
  );

  const alternated: number[] = [];
  for (let i = 0; i < attempts; i++)
    alternated.push(await failedLogin((i % 2 ? second : first).url, alternatedEmail));
  const both = describeAttempts(alternated);
  line(
    "login limit, alternated between 2 instances",
    `${both.before} failures before 429 (${both.text})`,
    `${single.before}, as on 1 instance`,
    both.ok && both.before === single.before,
  );

  // All at once: the count is taken in one statement before the password check, so parallel
  // guesses on different instances cannot all slip under the limit.
  const parallel = await Promise.all(
    Array.from({ length: 2 * LOGIN_LIMIT }, (_, i) =>
      failedLogin((i % 2 ? second : first).url, parallelEmail),
    ),
  );
  const wrong = parallel.filter((status) => status === 401).length;
  const refused = parallel.filter((status) => status === 429).length;
  line(
    `login limit, ${2 * LOGIN_LIMIT} at once over 2 instances`,
    `${wrong} × 401, ${refused} × 429${wrong + refused < parallel.length ? `, others: ${parallel.filter((s) => s !== 401 && s !== 429).join(" ")}` : ""}`,
    `${LOGIN_LIMIT} × 401, the rest 429`,
    wrong === LOGIN_LIMIT && refused === LOGIN_LIMIT,
  );
}

const isSuccess = (status: number) => status >= 200 && status < 300;

async function sendEvent(url: string, key: string, runId: string, n: number): Promise<number> {
  const res = await fetch(`${url}/api/events`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body: JSON.stringify(benchEvent(n, runId, "single")),
  });
  await res.arrayBuffer();
  return res.status;
}

/**
 * An ingest key revoked through one instance's API: that instance refuses it at once (its own
 * caches are emptied), another within the key cache's TTL (lib/ingest/key-cache.ts), having
 * used the key just before the revocation.
 */
async function revocationCheck(db: Db, first: StartedServer, second: StartedServer, line: Line) {
  const account = await createAccount(db, {
    name: "Revoke",
    email: "revoke@example.test",
    password: "bench-password",
  });
  const key = account.ingestKey.token;
  let n = 0;
  const warm = [
    await sendEvent(first.url, key, "revoke", n++),
    await sendEvent(second.url, key, "revoke", n++),
  ];
  if (!warm.every(isSuccess)) {
    line(
      "revoked key",
      `the key was refused before its revocation (${warm.join(", ")})`,
      "",
      false,
    );
    return;
  }
  const res = await fetch(
    `${first.url}/api/projects/${account.project.id}/keys/${account.ingestKey.id}`,
    {
      method: "DELETE",
      headers: { authorization: `Bearer ${account.personalToken.token}` },
    },
  );
  await res.arrayBuffer();
  const revoked = performance.now();
  if (res.status !== 204) {
    line("revoked key", `DELETE answered ${res.status}`, "204", false);
    return;
  }
  // Per instance, in seconds after the revocation by when each request was sent: the last one
  // still accepted, the first one refused. A request sent at t and accepted means the cached
  // lookup was still good at t, so "last accepted" bounds the cache's delay from below and
  // must stay under the TTL however slowly the machine answers.
  const lastAccepted: (number | null)[] = [null, null];
  const firstRefused: (number | null)[] = [null, null];
  const others: number[] = [];
  const deadline = revoked + KEY_TTL_MS + 5_000;
  while (firstRefused.includes(null) && performance.now() < deadline) {
    const sentAt = (performance.now() - revoked) / 1000;
    const statuses = await Promise.all(
      [first, second].map((s) => sendEvent(s.url, key, "revoke", n++)),
    );
    statuses.forEach((status, i) => {
      if (isSuccess(status)) lastAccepted[i] = sentAt;
      else if (status === 401) firstRefused[i] ??= sentAt;
      else others.push(status);
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const shown = (at: number | null | undefined) =>
    at === null || at === undefined ? "never" : `${fmt(at, 1)} s`;
  const ttl = KEY_TTL_MS / 1000;
  line(
    "revoked key (through instance 1)",
    `${[0, 1].map((i) => `instance ${i + 1}: ${lastAccepted[i] == null ? "none accepted" : `accepted until ${shown(lastAccepted[i])}`}, refused from ${shown(firstRefused[i])}`).join("; ")}${others.length > 0 ? `; other answers: ${others.join(" ")}` : ""}`,
    `instance 1 refuses at once, instance 2 within ${ttl} s (the key cache's TTL)`,
    lastAccepted[0] === null &&
      firstRefused[0] !== null &&
      firstRefused[1] !== null &&
      (lastAccepted[1] ?? 0) < ttl &&
      others.length === 0,
  );
}

/** PgBouncer's binary and version (Debian installs it in /usr/sbin), or null. */
function findPgBouncer(): { path: string; version: string } | null {
  for (const candidate of ["pgbouncer", "/usr/sbin/pgbouncer", "/usr/local/sbin/pgbouncer"]) {
    const found = spawnSync(candidate, ["--version"], { encoding: "utf8" });
    if (found.status === 0)
      return { path: candidate, version: /PgBouncer (\S+)/.exec(found.stdout)?.[1] ?? "?" };
  }
  return null;
}

interface PgBouncer {
  urlFor: (database: string) => string;
  stop: () => Promise<void>;
}

/**
 * PgBouncer in transaction mode on a free port of 127.0.0.1, in front of the server of
 * `serverUrl` (any database name is passed through), with its config in a temporary folder.
 * It refuses to run as root: as root it is started with `-u postgres`.
 */
async function startPgBouncer(
  binary: string,
  serverUrl: string,
  options: { poolSize: number; clients: number },
): Promise<PgBouncer> {
  const target = new URL(serverUrl);
  const user = decodeURIComponent(target.username || "postgres");
  const password = decodeURIComponent(target.password);
  const port = await freePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), "ec-pgbouncer-"));
  const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;
  // The client's password is not checked (trust); the server's, if any, is sent from here.
  writeFileSync(path.join(dir, "userlist.txt"), `${quote(user)} ${quote(password)}\n`, {
    mode: 0o600,
  });
  const host = target.hostname.replace(/^\[|\]$/g, "");
  writeFileSync(
    path.join(dir, "pgbouncer.ini"),
    [
      "[databases]",
      `* = host=${host} port=${target.port || "5432"}`,
      "",
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      "unix_socket_dir =",
      "auth_type = trust",
      `auth_file = ${path.join(dir, "userlist.txt")}`,
      "pool_mode = transaction",
      // The instances' pools together, and some room for the checks' own connections.
      `max_client_conn = ${options.clients + 20}`,
      // Transaction mode lends a server connection for a transaction only: the instances share
      // as many as one instance would open directly.
      `default_pool_size = ${options.poolSize}`,
      "log_connections = 0",
      "log_disconnections = 0",
      "log_stats = 0",
      "",
    ].join("\n"),
  );
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(spawnSync("id", ["-u", "postgres"], { encoding: "utf8" }).stdout);
    const gid = Number(spawnSync("id", ["-g", "postgres"], { encoding: "utf8" }).stdout);
    for (const file of ["", "userlist.txt", "pgbouncer.ini"])
      chownSync(path.join(dir, file), uid, gid);
  }
  const args = [...(asRoot ? ["-u", "postgres"] : []), path.join(dir, "pgbouncer.ini")];
  const child: ChildProcess = spawn(binary, args, { stdio: ["ignore", "ignore", "pipe"] });
  let output = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk;
    // Warnings and errors only; the start-up lines are noise.
    for (const text of chunk.toString().split("\n"))
      if (/ (WARNING|ERROR|FATAL) /.test(text)) console.error(`   pgbouncer: ${text}`);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGINT");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 10_000;
  while (!(await listening(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`PgBouncer did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const auth = target.password ? `${target.username}:${target.password}` : target.username;
  return {
    urlFor: (database) => `postgres://${auth || "postgres"}@127.0.0.1:${port}/${database}`,
    stop,
  };
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
