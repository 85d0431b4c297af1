import { randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { openDatabase } from "@/db/client";
import { Cluster } from "../lib/pg-cluster";
import { App, prepareAppDir } from "./app";
import { RunEvents } from "./events";
import { Ledger } from "./load";
import { phaseA, phaseB, phaseC, type Run, signUp } from "./phases";
import { Report } from "./report";
import { settings } from "./settings";
import { printSummary } from "./summary";

/**
 * `npm run reliability [-- --short]`: ingest under load against a throwaway PostgreSQL cluster
 * of its own (initdb in a temporary folder, a free port on 127.0.0.1; the machine's shared
 * server is never touched) and the `npm start` server, in three phases:
 *   a. no loss under load: N events (100,000; 5,000 with --short) at 64 concurrency, native
 *      singles and batches of 50, Sentry envelopes and /store/ events, repeated event ids;
 *   b. the database restarted under load (pg_ctl restart, and stop, 3 s, start), through the
 *      fast ingest path and through Next's route handlers, with health, list and token probes;
 *   c. the app killed with SIGKILL under load, restarted, the load continued.
 * After each phase the database is checked: every acknowledged event stored exactly once,
 * nothing stored that was not sent, the sum of errors.event_count equal to the stored events.
 * Exits non-zero on any violation. The cluster and its folder are removed at the end.
 *
 * The parts: settings.ts (command line), report.ts (log, violations), app.ts (the server under
 * test), events.ts and load.ts (what is sent, and the ledger of what was acknowledged),
 * checks.ts (the database against the ledger), phases.ts, summary.ts; the cluster is
 * scripts/lib/pg-cluster.ts.
 */

/** Steps that undo what the run made, run in reverse order once (also on SIGINT/SIGTERM). */
class Cleanups {
  private readonly steps: (() => Promise<void> | void)[] = [];
  private done = false;

  add(step: () => Promise<void> | void): void {
    this.steps.push(step);
  }

  async run(): Promise<void> {
    if (this.done) return;
    this.done = true;
    for (const step of this.steps.reverse()) {
      try {
        await step();
      } catch (error) {
        console.error("cleanup step failed:", error);
      }
    }
  }
}

async function main(report: Report, cleanups: Cleanups) {
  const runTag = randomBytes(4).toString("hex");
  report.log(`reliability run ${runTag}${settings.short ? " (short)" : ""}`);
  const cluster = new Cluster("ec-reliability-pg-");
  cleanups.add(() => cluster.destroy());
  await cluster.init();
  report.log(
    `throwaway PostgreSQL (${cluster.bin}) on 127.0.0.1:${cluster.port} in ${cluster.dir}`,
  );
  const migrated = await openDatabase({ kind: "postgres", url: cluster.url }, { migrate: true });
  await migrated.close();

  const workDir = mkdtempSync(path.join(tmpdir(), "ec-reliability-app-"));
  cleanups.add(() => rmSync(workDir, { recursive: true, force: true }));
  const appDir = await prepareAppDir(workDir, report);
  const sql = postgres(cluster.url, { max: 2, onnotice: () => {} });
  cleanups.add(() => sql.end({ timeout: 2 }));

  const fast = new App("fast-path-app", appDir, workDir, cluster.url, true);
  const nextDoor = new App("next-door-app", appDir, workDir, cluster.url, false);
  cleanups.add(() => fast.stop());
  cleanups.add(() => nextDoor.stop());
  report.log(`app (fast ingest path) healthy in ${await fast.start()} ms`);
  const run: Run = {
    ledger: new Ledger(new RunEvents(runTag), report),
    report,
    account: await signUp(fast, runTag),
    sql,
    rows: [],
  };

  try {
    await phaseA(run, fast);
    report.log(
      `second app (ingest through Next's route handlers) healthy in ${await nextDoor.start()} ms`,
    );
    await phaseB(run, cluster, fast, nextDoor);
    await nextDoor.stop();
    await phaseC(run, fast);
  } finally {
    printSummary(run, [fast, nextDoor]);
    if (report.violations.length > 0) {
      const keep = mkdtempSync(path.join(tmpdir(), "ec-reliability-logs-"));
      for (const file of readdirSync(workDir).filter((f) => f.endsWith(".log")))
        cpSync(path.join(workDir, file), path.join(keep, file));
      if (existsSync(path.join(cluster.dir, "server.log")))
        cpSync(path.join(cluster.dir, "server.log"), path.join(keep, "postgres.log"));
      console.log(`  logs kept in ${keep}`);
    }
  }
}

const report = new Report();
const cleanups = new Cleanups();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping and removing the throwaway cluster`);
    void cleanups.run().finally(() => process.exit(130));
  });
}
try {
  await main(report, cleanups);
} catch (error) {
  console.error(error);
  report.violation(`run aborted: ${(error as Error).message}`);
}
await cleanups.run();
if (report.violations.length > 0) {
  console.log(`\nFAILED: ${report.violations.length} violation(s)`);
  for (const v of report.violations.slice(0, 30)) console.log(`  - ${v}`);
  process.exit(1);
}
console.log(`\nPASSED in ${Math.round((Date.now() - report.started) / 1000)} s`);
process.exit(0);
