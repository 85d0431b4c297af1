import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import { createAccount } from "@/db/queries/users";
import { resultRows } from "@/db/sql";
import { freshPostgres } from "@/tests/support/databases";
import { buildIsStale } from "../lib/build-state";
import { cleanUpOnExit } from "../lib/clean-up";
import { ensureBuild, type StartedServer, startServer } from "../lib/server";
import { createBenchAlertRules } from "./alert-rules";
import {
  createBenchAccount,
  fmt,
  type LoadResult,
  postgresVersion,
  projectCounts,
  runLoad,
} from "./common";
import { cpuShare, describeCpu } from "./cpu-share";
import { expiredCutoff, pruneOnItsOwn, seedExpiredEvents, watchLockWaits } from "./retention";
import { seedErrors } from "./seed";

/**
 * `npm run bench`: starts the app as `npm start` does against a fresh database on the
 * PostgreSQL server of DATABASE_URL, loads it from a separate process, and prints one table.
 * `npm run bench -- --smoke` runs every phase for a second or two (CI keeps the script working).
 * `npm run bench -- --instances=2` is another bench: several instances through PgBouncer
 * (scripts/bench/instances.ts).
 */
if (process.argv.some((arg) => arg.startsWith("--instances="))) {
  const { benchInstances } = await import("./instances");
  process.exit(await benchInstances(process.argv));
}
const smoke = process.argv.includes("--smoke");
const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  console.error(
    "npm run bench needs DATABASE_URL: a PostgreSQL server it may create a database on.",
  );
  process.exit(2);
}
const SECONDS = smoke ? 2 : 15;
const SHORT = smoke ? 2 : 10;
const CONCURRENCY = 64;
const SIZES = smoke ? [10_000] : [10_000, 100_000, 1_000_000];
const QUERY_RUNS = smoke ? 5 : 40;
/** Phase r: expired events pruned while phase a's load runs. */
const EXPIRED_EVENTS = smoke ? 20_000 : 1_000_000;
/** Phase g: events per statement and clients (a few, as a batching writer would use). */
const G_EVENTS = 32;
const G_CLIENTS = 4;
// `--phases a,b` runs only those phases (a also runs f; the consistency check follows any of a–c).
const phasesArg = process.argv.find((arg) => arg.startsWith("--phases="));
const phases = new Set((phasesArg?.slice("--phases=".length) ?? "a,b,c,d,g,r,e").split(","));
// `--alert-rules=10` gives the bench project that many enabled alert rules (see alert-rules.ts).
const alertRuleCount = Number(
  process.argv.find((arg) => arg.startsWith("--alert-rules="))?.slice("--alert-rules=".length) ?? 0,
);
const execFileAsync = promisify(execFile);

/** The servers this run started: stopped at the end, after a failure, or on Ctrl-C. */
const started: StartedServer[] = [];

async function startApp(databaseUrl: string, env: Record<string, string> = {}) {
  // BENCH_NODE_OPTIONS profiles the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/profiles".
  const nodeArgs = (process.env.BENCH_NODE_OPTIONS ?? "").split(" ").filter(Boolean);
  const server = await startServer({
    nodeArgs,
    stdio: ["ignore", "ignore", "inherit"],
    timeoutMs: 60_000,
    env: {
      ...env,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: randomBytes(33).toString("base64url"),
      DATABASE_POOL_MAX: "20",
    },
  });
  started.push(server);
  return server;
}

/** Phase a–c's load: 64 clients on one server. */
const load = (
  url: string,
  token: string,
  projectId: number,
  mode: "single" | "batch" | "envelope",
  seconds: number,
) => runLoad({ urls: [url], token, projectId, mode, seconds, concurrency: CONCURRENCY });

/**
 * Peak resident memory of a process, sampled from /proc every 100 ms until `stop`; `lap`
 * notes the peak since the last lap under a phase's name.
 */
function watchRss(pid: number): {
  stop: () => number;
  lap: (label: string) => void;
  laps: [string, number][];
} {
  let peak = 0;
  let lapPeak = 0;
  const laps: [string, number][] = [];
  const sample = () => {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      peak = Math.max(peak, kb);
      lapPeak = Math.max(lapPeak, kb);
    } catch {
      // process gone
    }
  };
  const timer = setInterval(sample, 100);
  return {
    stop: () => {
      sample();
      clearInterval(timer);
      return peak / 1024;
    },
    lap: (label) => {
      sample();
      laps.push([label, lapPeak / 1024]);
      lapPeak = 0;
    },
    laps,
  };
}

/** Peak resident memory of a process while `during` runs. */
async function peakRss<T>(pid: number, during: Promise<T>): Promise<{ result: T; peakMb: number }> {
  const watch = watchRss(pid);
  try {
    const result = await during;
    return { result, peakMb: watch.stop() };
  } finally {
    watch.stop();
  }
}

const rows: [string, string, string][] = [];
const line = (phase: string, figure: string, target: string) => {
  rows.push([phase, figure, target]);
  console.log(`  ${phase}: ${figure}   (${target})`);
};

if (buildIsStale()) console.log("Building the app first…");
if (!(await ensureBuild())) process.exit(1);
const database = await freshPostgres(serverUrl);
const { db } = database;
console.log(`Bench database: ${new URL(database.url).pathname.slice(1)}`);
const { cleanUp } = cleanUpOnExit(
  "stopping the servers and dropping the bench database",
  async () => {
    for (const server of started) await server.stop();
    await database.drop();
  },
);
try {
  const account = await createBenchAccount(db);
  const key = account.ingestKey.token;
  const projectId = account.project.id;
  if (alertRuleCount > 0) {
    await createBenchAlertRules(db, projectId, alertRuleCount);
    console.log(`${alertRuleCount} enabled alert rules on the bench project`);
  }
  let acknowledged = 0;

  const fast = await startApp(database.url);
  // Issue 19 item 5: the server's peak memory over every phase, not only a's.
  const fastRss = watchRss(fast.child.pid ?? 0);
  let slowPeakMb = 0;
  let single: LoadResult | undefined;
  if (phases.has("a")) {
    console.log("a. ingest, one event per request, fast door");
    const { result: measured, cpu } = await cpuShare(
      fast.child.pid ?? 0,
      peakRss(fast.child.pid ?? 0, load(fast.url, key, projectId, "single", SECONDS)),
    );
    single = measured.result;
    console.log(`   ${describeCpu(cpu)}`);
    acknowledged += single.events;
    line(
      "a. 1 event/request, fast door",
      `${fmt(single.eventsPerSecond)} events/s, p50 ${fmt(single.p50, 1)} ms, p99 ${fmt(single.p99, 1)} ms, non-2xx ${single.non2xx + single.failures}`,
      "≥ 5,000/s, p99 ≤ 50 ms",
    );
    line("f. server peak RSS during a", `${fmt(measured.peakMb)} MB`, "≤ 512 MB");

    console.log("a. ingest, one event per request, fast door, personal token");
    const { result: personal, cpu: personalCpu } = await cpuShare(
      fast.child.pid ?? 0,
      load(fast.url, account.personalToken.token, projectId, "single", SECONDS),
    );
    console.log(`   ${describeCpu(personalCpu)}`);
    acknowledged += personal.events;
    line(
      "a. 1 event/request, personal token",
      `${fmt(personal.eventsPerSecond)} events/s, p50 ${fmt(personal.p50, 1)} ms, p99 ${fmt(personal.p99, 1)} ms, non-2xx ${personal.non2xx + personal.failures}; ${fmt(personal.eventsPerSecond / single.eventsPerSecond, 2)} × the ingest key`,
      "≥ 0.8 × the ingest key",
    );
  }

  if (phases.has("a")) {
    console.log("a. ingest, one event per request, Next route handler");
    const slow = await startApp(database.url, { INGEST_FAST_PATH: "0" });
    const slowRss = watchRss(slow.child.pid ?? 0);
    const { result: viaNext, cpu } = await cpuShare(
      slow.child.pid ?? 0,
      load(slow.url, key, projectId, "single", SECONDS),
    );
    slowPeakMb = slowRss.stop();
    console.log(`   ${describeCpu(cpu)}`);
    acknowledged += viaNext.events;
    await slow.stop();
    line(
      "a. 1 event/request, Next route handler",
      `${fmt(viaNext.eventsPerSecond)} events/s, p50 ${fmt(viaNext.p50, 1)} ms, p99 ${fmt(viaNext.p99, 1)} ms, non-2xx ${viaNext.non2xx + viaNext.failures}`,
      "for comparison",
    );
  }

  let batched: LoadResult | undefined;
  if (phases.has("a")) fastRss.lap("a");
  if (phases.has("b")) {
    console.log("b. 100 events per request");
    const { result: batch, cpu } = await cpuShare(
      fast.child.pid ?? 0,
      load(fast.url, key, projectId, "batch", SHORT),
    );
    console.log(`   ${describeCpu(cpu)}`);
    acknowledged += batch.events;
    batched = batch;
    line(
      "b. 100 events/request",
      `${fmt(batch.eventsPerSecond)} events/s, p99 ${fmt(batch.p99, 1)} ms, non-2xx ${batch.non2xx + batch.failures}`,
      "≥ 30,000/s",
    );
  }

  if (phases.has("b")) fastRss.lap("b");
  if (phases.has("c")) {
    console.log("c. Sentry envelopes");
    const { result: envelopes, cpu } = await cpuShare(
      fast.child.pid ?? 0,
      load(fast.url, key, projectId, "envelope", SHORT),
    );
    console.log(`   ${describeCpu(cpu)}`);
    acknowledged += envelopes.events;
    line(
      "c. Sentry envelopes, 1 event each",
      `${fmt(envelopes.eventsPerSecond)} events/s, p99 ${fmt(envelopes.p99, 1)} ms, non-2xx ${envelopes.non2xx + envelopes.failures}`,
      "≥ 3,000/s",
    );
  }

  const [counts] = resultRows<{ events: number; frequencies: number }>(
    await db.execute(
      sql`SELECT (SELECT count(*) FROM events)::float8 AS events, (SELECT coalesce(sum(event_count), 0) FROM errors)::float8 AS frequencies`,
    ),
  );
  const consistent = counts?.events === acknowledged && counts?.frequencies === acknowledged;
  line(
    "consistency after a–c",
    `acknowledged ${fmt(acknowledged)}, stored ${fmt(counts?.events ?? 0)}, sum of frequencies ${fmt(counts?.frequencies ?? 0)}`,
    consistent ? "equal ✓" : "MISMATCH ✗",
  );

  // The server drains the search queue shortly after each commit (searches read it meanwhile);
  // read before d, whose direct writes queue texts that no server commit drains.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const [search] = resultRows<{ queued: number; indexed: number }>(
    await db.execute(
      sql`SELECT (SELECT count(*) FROM error_search_queue)::float8 AS queued, (SELECT count(*) FROM error_search)::float8 AS indexed`,
    ),
  );
  line(
    "search texts after a–c, 1 s later",
    `${fmt(search?.indexed ?? 0)} indexed, ${fmt(search?.queued ?? 0)} still queued`,
    "all indexed",
  );

  // The tag counters: a–c's batches appended their counts to error_tag_deltas, which the
  // server folds a second after a commit. Every event of a and b carries a `region` tag.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const [tagged] = resultRows<{ pending: number; counted: number; events: number }>(
    await db.execute(
      sql`SELECT (SELECT count(*) FROM error_tag_deltas)::float8 AS pending,
        (SELECT coalesce(sum(count), 0) FROM error_tag_values WHERE key = 'region')::float8 AS counted,
        (SELECT count(*) FROM events WHERE tags ? 'region')::float8 AS events`,
    ),
  );
  line(
    "tag counters after a–c, 2 s later",
    `${fmt(tagged?.counted ?? 0)} region values counted for ${fmt(tagged?.events ?? 0)} tagged events, ${fmt(tagged?.pending ?? 0)} batches still to fold`,
    tagged?.counted === tagged?.events ? "equal ✓" : "not yet folded ✗",
  );

  if (phases.has("c")) fastRss.lap("c");
  if (phases.has("d") || phases.has("g")) {
    // pgbench writes to a project of its own, so that the consistency check above holds.
    const other = await createAccount(db, {
      name: "pgbench",
      email: "pgbench@example.test",
      password: "bench-password",
    });
    if (phases.has("d")) {
      console.log(
        `d. the per-row limit: pgbench, one transaction per event, ${CONCURRENCY} clients`,
      );
      const perEvent = await pgbench(database.url, "per-event.sql", {
        clients: CONCURRENCY,
        seconds: SECONDS,
        projectId: other.project.id,
      });
      line(
        "d. pgbench, 1 transaction/event",
        `${fmt(perEvent)} events/s`,
        "the database's per-row limit",
      );
      if (single) line("a ÷ d", fmt(single.eventsPerSecond / perEvent, 2), "≥ 3.0");
    }
    if (phases.has("g")) {
      console.log(
        `g. the batched ceiling: pgbench, ${G_EVENTS} events per statement, ${G_CLIENTS} clients`,
      );
      const statements = await pgbench(database.url, "batched.sql", {
        clients: G_CLIENTS,
        seconds: SECONDS,
        projectId: other.project.id,
      });
      const ceiling = statements * G_EVENTS;
      line(
        `g. pgbench, ${G_EVENTS} events/statement`,
        `${fmt(ceiling)} events/s`,
        "the database's batched ceiling",
      );
      if (single) line("a ÷ g", fmt(single.eventsPerSecond / ceiling, 2), "for comparison");
      if (batched) line("b ÷ g", fmt(batched.eventsPerSecond / ceiling, 2), "≥ 0.5");
    }
  }

  // Each deadlock costs its batch a second (deadlock_timeout) before the retry. The server's
  // backends report it when idle (within 10 s), so this is read after d, or after a pause.
  if (!phases.has("d")) await new Promise((resolve) => setTimeout(resolve, 11_000));
  const [stats] = resultRows<{ deadlocks: number }>(
    await db.execute(
      sql`SELECT deadlocks::float8 AS deadlocks FROM pg_stat_database WHERE datname = current_database()`,
    ),
  );
  line("deadlocks during a–d", fmt(stats?.deadlocks ?? 0), "0");

  fastRss.lap("checks, d, g");
  if (phases.has("r")) {
    console.log(
      `r. retention: ${fmt(EXPIRED_EVENTS)} expired events pruned while phase a's load runs`,
    );
    // The expired events go to the errors phase a's load repeats: without phase a, a short load
    // creates them first.
    if (!phases.has("a"))
      acknowledged += (await load(fast.url, key, projectId, "single", 2)).events;
    const seedStarted = performance.now();
    await seedExpiredEvents(db, {
      projectId,
      events: EXPIRED_EVENTS,
      runId: randomBytes(4).toString("hex"),
    });
    console.log(`   seeded in ${fmt((performance.now() - seedStarted) / 1000, 1)} s`);
    // The same load on the same tables without the prune, then with it.
    const quietWatch = watchLockWaits(database.url);
    const quiet = await load(fast.url, key, projectId, "single", SECONDS);
    const quietWaits = await quietWatch.stop();
    acknowledged += quiet.events;
    const watch = watchLockWaits(database.url);
    const pruning = pruneOnItsOwn(database.url, expiredCutoff());
    const { result: during, cpu } = await cpuShare(
      fast.child.pid ?? 0,
      load(fast.url, key, projectId, "single", SECONDS),
    );
    const waits = await watch.stop();
    console.log(`   ${describeCpu(cpu)}`);
    acknowledged += during.events;
    const pruned = await pruning;
    line(
      `r. phase a's load, ${fmt(EXPIRED_EVENTS)} expired events waiting`,
      `${fmt(quiet.eventsPerSecond)} events/s, p99 ${fmt(quiet.p99, 1)} ms, max ${fmt(quiet.max, 1)} ms; longest lock wait ${fmt(quietWaits.longestMs, 1)} ms`,
      "the baseline",
    );
    line(
      "r. the same while they are pruned",
      `${fmt(during.eventsPerSecond)} events/s (${fmt(during.eventsPerSecond / quiet.eventsPerSecond, 2)} × the baseline), p99 ${fmt(during.p99, 1)} ms, max ${fmt(during.max, 1)} ms, non-2xx ${during.non2xx + during.failures}`,
      "≥ 0.8 × the baseline",
    );
    line(
      "r. longest lock wait during the prune",
      `${fmt(waits.longestMs, 1)} ms (${fmt(waits.longestBehindPruneMs, 1)} ms behind the prune itself; ${waits.samples} samples)${waits.longestStatement ? `: ${waits.longestStatement}` : ""}`,
      "≤ 100 ms",
    );
    // Counts after the prune: what was acknowledged, nothing expired left, tags folded.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const after = await projectCounts(db, projectId);
    const exact =
      pruned.eventsDeleted === EXPIRED_EVENTS &&
      after.events === acknowledged &&
      after.frequencies === acknowledged &&
      after.expiredErrors === 0 &&
      after.regionCounted === after.regionTagged;
    line(
      "r. the prune",
      `${fmt(pruned.eventsDeleted)} events and ${fmt(pruned.errorsDeleted)} errors in ${fmt(pruned.seconds, 1)} s (${fmt(pruned.eventsDeleted / pruned.seconds)} events/s, ${pruned.batches} batches${pruned.seconds < SECONDS ? `; done before the load's ${SECONDS} s ended` : ""}); then ${fmt(after.events)} events, frequencies ${fmt(after.frequencies)}, acknowledged ${fmt(acknowledged)}, region counters ${fmt(after.regionCounted)} for ${fmt(after.regionTagged)} tagged events`,
      exact ? "exact ✓" : "MISMATCH ✗",
    );
    if (!exact) process.exitCode = 1;
  }

  if (phases.has("r")) fastRss.lap("r");
  if (phases.has("e")) {
    console.log("e. GET /api/errors at growing sizes");
    const token = account.personalToken.token;
    const seeded = await createAccount(db, {
      name: "Seed",
      email: "seed@example.test",
      password: "seed-password",
    });
    const queries = await listLatencies(fast.url, seeded, db);
    for (const [phase, figure] of queries)
      line(phase, figure, "p95 ≤ 50 ms (search ≤ 100 ms) at 1 M, growth ≤ 2×");
    void token;
  }
  if (phases.has("e")) fastRss.lap("e");
  const fastPeakMb = fastRss.stop();
  await fast.stop();
  line(
    "f. server peak RSS, every phase",
    `${fmt(fastPeakMb)} MB (npm start's server; by phase: ${fastRss.laps.map(([label, mb]) => `${label} ${fmt(mb)}`).join(", ")})${slowPeakMb ? `, ${fmt(slowPeakMb)} MB (Next route handlers)` : ""}`,
    "≤ 512 MB",
  );

  console.log(`\n| phase | result | target |\n|---|---|---|`);
  for (const [phase, figure, target] of rows) console.log(`| ${phase} | ${figure} | ${target} |`);
  console.log(
    `\nMachine: ${os.cpus().length} cores, ${fmt(os.totalmem() / 2 ** 30, 1)} GiB, Node ${process.version}, ${await postgresVersion(db)}`,
  );
  if (!consistent) process.exitCode = 1;
} finally {
  await cleanUp();
}

/**
 * Phases d and g: pgbench (Debian's `postgresql` package) running one of scripts/bench/pgbench/
 * against the bench database; returns its transactions per second. The database's own limits,
 * measured without this app in the way, in the same run as the app's figures.
 */
async function pgbench(
  url: string,
  script: string,
  options: { clients: number; seconds: number; projectId: number },
): Promise<number> {
  const target = new URL(url);
  const args = [
    "-n",
    "-M",
    "prepared",
    "-c",
    String(options.clients),
    "-j",
    String(Math.min(options.clients, os.cpus().length)),
    "-T",
    String(options.seconds),
    "-f",
    path.join(import.meta.dirname, "pgbench", script),
    "-D",
    `project=${options.projectId}`,
    "-D",
    `run=${Date.now()}`,
    "-h",
    target.hostname,
    "-p",
    target.port || "5432",
    "-U",
    decodeURIComponent(target.username || "postgres"),
    target.pathname.slice(1),
  ];
  let stdout: string;
  try {
    ({ stdout } = await execFileAsync("pgbench", args, {
      env: { ...process.env, PGPASSWORD: decodeURIComponent(target.password) },
      maxBuffer: 16 * 1024 * 1024,
    }));
  } catch (error) {
    const cause = error as NodeJS.ErrnoException & { stderr?: string };
    if (cause.code === "ENOENT")
      throw new Error("phases d and g need pgbench (Debian: apt-get install postgresql)");
    throw new Error(`pgbench ${script} failed: ${cause.stderr ?? cause.message}`);
  }
  const failed = /number of failed transactions: (\d+)/.exec(stdout)?.[1];
  if (failed && failed !== "0") throw new Error(`pgbench ${script}: ${failed} transactions failed`);
  const tps = /tps = ([\d.]+)/.exec(stdout)?.[1];
  if (!tps) throw new Error(`pgbench ${script} printed no tps:\n${stdout}`);
  return Number(tps);
}

async function listLatencies(
  url: string,
  seeded: Awaited<ReturnType<typeof createAccount>>,
  dbHandle: typeof db,
) {
  const out: [string, string][] = [];
  const token = seeded.personalToken.token;
  const results = new Map<string, [number, number]>();
  let have = 0;
  for (const size of SIZES) {
    console.log(`   seeding to ${fmt(size)} events…`);
    await seedErrors(dbHandle, { projectId: seeded.project.id, fromEvents: have, toEvents: size });
    have = size;
    const cases: [string, string][] = [
      ["default sort", "/api/errors"],
      ["level sort", "/api/errors?sort=level"],
      ["text search", "/api/errors?q=timeout"],
      // About 0.1 % of the errors at 1 M events (777, 7770–7779, 77700–77799): the trigram index.
      ["rare-term search", "/api/errors?q=service-777"],
      ["origin filter", "/api/errors?origin=billing-api"],
    ];
    for (const [label, path] of cases) {
      const p95 = await timeQuery(`${url}${path}`, token);
      results.set(`${label}@${size}`, p95);
    }
    // The 10th page: walk the cursor, time the last request.
    let cursor: string | null = null;
    for (let page = 1; page < 10; page++) {
      const res: Response = await fetch(`${url}/api/errors${cursor ? `?cursor=${cursor}` : ""}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      cursor = ((await res.json()) as { nextCursor: string | null }).nextCursor;
    }
    results.set(`10th page@${size}`, await timeQuery(`${url}/api/errors?cursor=${cursor}`, token));
  }
  for (const label of [
    "default sort",
    "level sort",
    "text search",
    "rare-term search",
    "origin filter",
    "10th page",
  ]) {
    const figures = SIZES.map((size) => {
      const [p50 = 0, p95 = 0] = results.get(`${label}@${size}`) ?? [];
      return `${size >= 1_000_000 ? `${size / 1_000_000} M` : `${size / 1000} k`}: p50 ${fmt(p50, 1)} / p95 ${fmt(p95, 1)} ms`;
    });
    const first = results.get(`${label}@${SIZES[0]}`)?.[1] ?? 1;
    const last = results.get(`${label}@${SIZES[SIZES.length - 1]}`)?.[1] ?? 1;
    out.push([`e. ${label}`, `${figures.join("; ")}; growth ${fmt(last / first, 2)}×`]);
  }
  return out;
}

async function timeQuery(url: string, token: string): Promise<[number, number]> {
  const samples: number[] = [];
  for (let i = 0; i < QUERY_RUNS + 3; i++) {
    const started = performance.now();
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${url} answered ${res.status}`);
    if (i >= 3) samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const at = (p: number) =>
    samples[Math.min(samples.length - 1, Math.floor((samples.length * p) / 100))] ?? 0;
  return [at(50), at(95)];
}
