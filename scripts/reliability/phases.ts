import { randomBytes } from "node:crypto";
import type postgres from "postgres";
import type { Cluster } from "../lib/pg-cluster";
import { type App, httpCall } from "./app";
import { type Check, verify } from "./checks";
import { type Account, type Ledger, runLoad, Stats } from "./load";
import { type Report, sleep } from "./report";
import { settings } from "./settings";

// The three phases: a. no loss under load; b. the database restarted under load; c. the app
// killed with SIGKILL under load.

export interface Row {
  phase: string;
  stats: Stats;
  check: Check;
  notes: string[];
}

/** What the phases share: the ledger of the run, the account they load, a database connection. */
export interface Run {
  ledger: Ledger;
  report: Report;
  account: Account;
  sql: postgres.Sql;
  rows: Row[];
}

export async function signUp(app: App, runTag: string): Promise<Account> {
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

export async function phaseA(run: Run, app: App) {
  const { ledger, report, account, sql } = run;
  report.log(`phase a: ${settings.phaseAEvents} events at ${settings.concurrency} concurrency`);
  const stats = new Stats();
  const target = ledger.nextNumber + settings.phaseAEvents;
  const t0 = Date.now();
  let lastReport = t0;
  await runLoad(ledger, {
    apps: [{ app, workers: settings.concurrency }],
    account,
    stats,
    enough: () => {
      if (Date.now() - lastReport > 10_000) {
        lastReport = Date.now();
        report.log(`  … ${stats.newEvents} new events sent, ${stats.requests} requests`);
      }
      return ledger.nextNumber >= target;
    },
  });
  const seconds = (Date.now() - t0) / 1000;
  const notes = [
    `${seconds.toFixed(1)} s, ${Math.round(stats.eventsSent / seconds)} events/s, max latency ${Math.round(stats.maxMs)} ms`,
  ];
  report.log(`phase a: ${notes[0]}`);
  if (stats.get("503") > 0)
    report.violation(`phase a: ${stats.get("503")} 503s with the database up`);
  if (stats.timeouts + stats.netErrors > 0)
    report.violation(`phase a: ${stats.timeouts} timeouts, ${stats.netErrors} connection errors`);
  run.rows.push({
    phase: "a. load",
    stats,
    check: await verify(ledger, sql, "phase a", account.projectId),
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

export async function phaseB(run: Run, cluster: Cluster, fast: App, nextDoor: App) {
  const { ledger, report, account, sql } = run;
  report.log(
    `phase b: database restarts under load (${settings.outageRounds} × restart, ${settings.outageRounds} × stop/3 s/start), fast path and Next door`,
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
        if (res.status === 503 && !res.retryAfter)
          report.violation(`${route}: 503 without Retry-After`);
        if (res.status >= 500 && res.status !== 503)
          report.violation(`${route}: ${res.status} ${res.body.slice(0, 200)}`);
        if (res.status === 0) report.violation(`${route}: ${res.error}`);
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
    for (let round = 0; round < settings.outageRounds; round++) {
      const down = Date.now();
      report.log("  pg_ctl restart -m fast");
      await cluster.restart();
      outages.push({ kind: "restart", down, up: Date.now() });
      report.log(`  database back after ${Date.now() - down} ms`);
      await sleep(5_000);
      const down2 = Date.now();
      report.log("  pg_ctl stop -m fast; 3 s; pg_ctl start");
      await cluster.stop("fast");
      await sleep(3_000);
      await cluster.start();
      outages.push({ kind: "stop/3 s/start", down: down2, up: Date.now() });
      report.log(`  database back after ${Date.now() - down2} ms`);
      await sleep(5_000);
    }
    loading = false;
  };

  const t0 = Date.now();
  await Promise.all([
    driver(),
    probeLoop(),
    runLoad(ledger, {
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
        report.violation(
          `phase b: ${door}: ${late} failures more than 8 s after outage ${i + 1} ended`,
        );
      const recovery = firstOk ? firstOk.t - outage.up : Number.NaN;
      const maxMs = Math.max(0, ...during.filter((x) => x.door === door).map((x) => x.ms));
      parts.push(
        `${door}: ${unavailable} × 503, ${ok} × 2xx during, slowest ${Math.round(maxMs)} ms, first 2xx ${Number.isNaN(recovery) ? "never" : `${recovery} ms`} after the database was up, last failure ${lastBad.length ? `${(lastBad.at(-1)?.t ?? 0) - outage.up} ms` : "none"} after`,
      );
      if (!firstOk) report.violation(`phase b: ${door} never recovered after outage ${i + 1}`);
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
      if (!firstOk) report.violation(`phase b: ${route} never recovered after outage ${i + 1}`);
    }
    const note = parts.join("; ");
    notes.push(note);
    report.log(`  ${note}`);
  }
  const probeCounts = new Map<string, number>();
  for (const p of probes) {
    const key = `${p.route} ${p.status || p.error}`;
    probeCounts.set(key, (probeCounts.get(key) ?? 0) + 1);
  }
  notes.push(`probes: ${[...probeCounts].map(([k, v]) => `${k} ×${v}`).join(", ")}`);
  notes.push(`max request latency ${Math.round(stats.maxMs)} ms`);
  if (stats.timeouts > 0) report.violation(`phase b: ${stats.timeouts} requests timed out (10 s)`);
  if (stats.netErrors > 0) report.violation(`phase b: ${stats.netErrors} connection errors`);
  run.rows.push({
    phase: "b. DB restarts",
    stats,
    check: await verify(ledger, sql, "phase b", account.projectId),
    notes,
  });
}

export async function phaseC(run: Run, app: App) {
  const { ledger, report, account, sql } = run;
  report.log(`phase c: ${settings.phaseCEvents} events, the app killed with SIGKILL half-way`);
  const stats = new Stats();
  const target = ledger.nextNumber + settings.phaseCEvents;
  const killAt = ledger.nextNumber + settings.phaseCEvents / 2;
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
    const candidates = [...lost].filter((id) => !ledger.ackedIds.has(id));
    const storedRows = await sql<{ event_id: string }[]>`
      SELECT event_id FROM events WHERE project_id = ${account.projectId}`;
    const stored = new Set(storedRows.map((row) => row.event_id));
    inFlightStored = candidates.filter((id) => stored.has(id)).length;
    notes.push(
      `${candidates.length} events in requests cut off by the kill: ${inFlightStored} stored (committed, never acknowledged), ${candidates.length - inFlightStored} not stored`,
    );
    report.log(`  ${notes.at(-1)}`);
    restartMs = await app.start();
    downMs = Date.now() - killed;
    report.log(`  app restarted in ${restartMs} ms (${downMs} ms without an app)`);
  };

  await runLoad(ledger, {
    apps: [{ app, workers: settings.concurrency }],
    account,
    stats,
    enough: () => {
      if (!killed && ledger.nextNumber >= killAt) {
        killed = Date.now();
        for (const id of ledger.ackedIds) ackedBeforeKill.add(id);
        report.log("  kill -9 the app");
        app.kill9();
        restartDone = restart()
          .catch((error: unknown) => report.violation(`phase c: restart failed: ${String(error)}`))
          .finally(() => {
            restarted = true;
          });
      }
      return ledger.nextNumber >= target;
    },
    // While the app is down the workers only retry; new events wait for the restart.
    paused: () => Boolean(killed) && !restarted,
    onLost: (job, outcome) => {
      if (killed && !restarted && outcome.error !== "ECONNREFUSED") {
        for (const n of job.nums) lost.add(ledger.idOf(job.kind, n));
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
    report.violation(`phase c: ${ackedLost} events acknowledged before the kill are lost`);
  if (inFlightStored < 0) report.violation("phase c: the app was never killed");
  run.rows.push({
    phase: "c. app SIGKILL",
    stats,
    check: await verify(ledger, sql, "phase c", account.projectId),
    notes,
  });
}
