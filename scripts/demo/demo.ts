import { type ChildProcess, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { openDatabase } from "@/db/client";
import { settings } from "@/lib/config";
import { dataDir } from "@/lib/env";
import { buildDsn } from "@/lib/public-url";
import { DEMO, seedDemo } from "../db/seed-demo";
import { START_SCRIPT } from "../lib/server";

/**
 * `npm run demo`: Error Central on a fresh embedded database with the demo account, and the
 * traffic generator beside it, so the dashboard is alive while you click through it. It
 * listens on 127.0.0.1 only (the demo password is public). Ctrl-C, whenever it comes, stops
 * everything this script started.
 *
 * Each child runs in a process group of its own (so that a terminal's Ctrl-C reaches only this
 * script, which stops them in order) and holds an IPC channel to this script: should this
 * script die without stopping them (SIGKILL), they notice the channel close and stop too.
 */
const TRAFFIC_SCRIPT = "scripts/demo/traffic.ts";
const children = new Set<ChildProcess>();
let stopping = false;

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is gone already.
  }
}

function exited(child: ChildProcess, ms: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  // The traffic generator first (it would only report the server gone), then the server.
  for (const child of [...children].reverse()) {
    signalGroup(child, "SIGTERM");
    await exited(child, 10_000);
    // Whatever is left in its group (a `next build` the server started, a hung child).
    signalGroup(child, "SIGKILL");
  }
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const)
  process.on(signal, () => void stop(0));

/** Starts a child unless stopping began; its exit stops the demo. */
function start(script: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess | null {
  if (stopping) return null;
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    stdio: ["inherit", "inherit", "inherit", "ipc"],
    env,
    detached: true,
  });
  children.add(child);
  child.once("exit", (code) => {
    if (!stopping) {
      console.error(`${script} exited (${code ?? "killed"}); stopping the demo.`);
      void stop(code || 1);
    }
  });
  return child;
}

let port: number;
let demoDir: string;
try {
  port = settings().PORT;
  // Under DATA_DIR (default .data), in a folder of its own that each run starts afresh.
  demoDir = path.join(dataDir(), "demo");
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
rmSync(demoDir, { recursive: true, force: true });
const pgliteDir = path.join(demoDir, "pglite");

console.log("Seeding the demo account on a fresh embedded database…");
const handle = await openDatabase({ kind: "pglite", dir: pgliteDir });
const seeded = await seedDemo(handle.db);
await handle.close();
if (!seeded) throw new Error("a fresh database already had the demo account");

const host = "127.0.0.1";
const baseUrl = `http://${host}:${port}`;
console.log(`Starting the server on ${baseUrl}…`);
start(START_SCRIPT, [], {
  ...process.env,
  NODE_ENV: "production",
  DATABASE_URL: "",
  PGLITE_DIR: pgliteDir,
  DATA_DIR: demoDir,
  PORT: String(port),
  HOSTNAME: host,
});

while (!stopping) {
  try {
    if ((await fetch(`${baseUrl}/api/health`)).ok) break;
  } catch {
    // still building or starting
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
}

const key = seeded.account.ingestKey.token;
const traffic = start(
  TRAFFIC_SCRIPT,
  [
    "--url",
    baseUrl,
    "--token",
    key,
    "--dsn",
    buildDsn(baseUrl, key, seeded.account.project.id),
    "--rate",
    "5",
  ],
  process.env,
);
if (traffic) {
  console.log(`
  Error Central demo: http://localhost:${port}
  Log in as ${DEMO.email} / ${DEMO.password}
  Traffic is flowing: watch counts grow on /errors, switch environments, sort by level,
  search "timeout", archive something, open an error with a stack trace (ZeroDivisionError).
  Ctrl-C stops everything.
`);
}
