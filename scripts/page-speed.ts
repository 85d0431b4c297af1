import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { type DbHandle, openDatabase } from "@/db/client";
import { DEMO, seedDemo } from "@/db/seed-demo";
import { freshPostgres } from "@/tests/support/databases";
import { seedErrors } from "./bench-seed";
import { buildIsStale } from "./build-state";
import { freePort, run } from "./run";

/**
 * `npm run page-speed`: the /errors page's server response time (p50/p95 over 50 requests per
 * view) with the demo data plus 100,000 more events in the demo project. On a fresh database
 * of DATABASE_URL's server when set, else on a temporary embedded database.
 */
const RUNS = 50;
const EXTRA_EVENTS = Number(process.env.PAGE_SPEED_EVENTS ?? 100_000);

if (
  buildIsStale() &&
  (await run("npx", ["next", "build"], { ...process.env, NODE_ENV: "production" })) !== 0
)
  process.exit(1);
const tempDir = mkdtempSync(path.join(tmpdir(), "ec-speed-"));
let handle: DbHandle & { drop?: () => Promise<void>; url?: string };
let env: Record<string, string>;
if (process.env.DATABASE_URL) {
  handle = await freshPostgres(process.env.DATABASE_URL);
  env = { DATABASE_URL: handle.url as string, AUTH_SECRET: randomBytes(33).toString("base64url") };
} else {
  handle = await openDatabase({ kind: "pglite", dir: path.join(tempDir, "pglite") });
  env = { DATABASE_URL: "", PGLITE_DIR: path.join(tempDir, "pglite"), DATA_DIR: tempDir };
}
const seeded = await seedDemo(handle.db);
if (!seeded) throw new Error("fresh database had the demo account");
console.log(`Seeding ${EXTRA_EVENTS.toLocaleString("en-US")} more events…`);
await seedErrors(handle.db, {
  projectId: seeded.account.project.id,
  fromEvents: 0,
  toEvents: EXTRA_EVENTS,
});
if (handle.kind === "pglite") await handle.close();

const port = await freePort();
const server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
  stdio: ["ignore", "ignore", "inherit"],
  env: {
    ...process.env,
    ...env,
    NODE_ENV: "production",
    SKIP_BUILD: "1",
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
  },
});
const base = `http://127.0.0.1:${port}`;
try {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const executablePath =
    process.env.CHROMIUM_PATH ??
    (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox"] });
  const page = await browser.newPage();
  await page.goto(`${base}/login`);
  await page.getByLabel("Email").fill(DEMO.email);
  await page.getByLabel("Password").fill(DEMO.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL(/\/errors/);
  const views = [
    "/errors",
    "/errors?sort=level",
    "/errors?q=timeout",
    "/errors?environment=staging&level=error,fatal",
    "/errors?origin=billing-api&sort=lastSeen",
  ];
  console.log("| view | p50 | p95 |\n|---|---|---|");
  for (const view of views) {
    const samples: number[] = [];
    for (let i = 0; i < RUNS + 3; i++) {
      const started = performance.now();
      const res = await page.request.get(`${base}${view}`);
      await res.body();
      if (res.status() !== 200) throw new Error(`${view} answered ${res.status()}`);
      if (i >= 3) samples.push(performance.now() - started);
    }
    samples.sort((a, b) => a - b);
    const at = (p: number) =>
      (samples[Math.min(samples.length - 1, Math.floor((samples.length * p) / 100))] ?? 0).toFixed(
        1,
      );
    console.log(`| ${view} | ${at(50)} ms | ${at(95)} ms |`);
  }
  await browser.close();
  console.log(
    `(${handle.kind === "pglite" ? "embedded PGlite" : "PostgreSQL"}, demo data + ${EXTRA_EVENTS.toLocaleString("en-US")} events, ${RUNS} requests per view)`,
  );
} finally {
  server.kill("SIGTERM");
  await new Promise((resolve) => server.once("exit", resolve));
  if (handle.drop) await handle.drop();
  rmSync(tempDir, { recursive: true, force: true });
}
