import { type ChildProcess, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { openDatabase } from "@/db/client";
import { DEMO, seedDemo } from "@/db/seed-demo";
import { listenPort } from "@/lib/env";
import { buildDsn } from "@/lib/public-url";

/**
 * `npm run demo`: Error Central on a fresh embedded database with the demo account, and the
 * traffic generator beside it, so the dashboard is alive while you click through it.
 * Ctrl-C stops both.
 */
const dataDir = path.resolve(".data/demo");
rmSync(dataDir, { recursive: true, force: true });
const pgliteDir = path.join(dataDir, "pglite");

console.log("Seeding the demo account on a fresh embedded database…");
const handle = await openDatabase({ kind: "pglite", dir: pgliteDir });
const seeded = await seedDemo(handle.db);
await handle.close();
if (!seeded) throw new Error("a fresh database already had the demo account");

const port = listenPort();
const baseUrl = `http://localhost:${port}`;
const children: ChildProcess[] = [];
const server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
  stdio: "inherit",
  env: {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: "",
    PGLITE_DIR: pgliteDir,
    DATA_DIR: dataDir,
    PORT: String(port),
  },
});
children.push(server);

let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of [...children].reverse()) {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
  }
  process.exit(code);
}
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
server.once("exit", (code) => {
  if (!stopping) void stop(code ?? 1);
});

for (;;) {
  try {
    if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) break;
  } catch {
    // still building or starting
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
}

const key = seeded.account.ingestKey.token;
console.log(`
  Error Central demo: ${baseUrl}
  Log in as ${DEMO.email} / ${DEMO.password}
  Traffic is flowing: watch counts grow on /errors, switch environments, sort by level,
  search "timeout", archive something, open an error with a stack trace (ZeroDivisionError).
  Ctrl-C stops everything.
`);
const traffic = spawn(
  process.execPath,
  [
    "--import",
    "tsx",
    "scripts/traffic.ts",
    "--url",
    `http://127.0.0.1:${port}`,
    "--token",
    key,
    "--dsn",
    buildDsn(`http://127.0.0.1:${port}`, key, seeded.account.project.id),
    "--rate",
    "5",
  ],
  { stdio: "inherit" },
);
children.push(traffic);
