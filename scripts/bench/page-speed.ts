import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { type DbHandle, openDatabase } from "@/db/client";
import { freshPostgres } from "@/tests/support/databases";
import { DEMO, seedDemo } from "../db/seed-demo";
import { ensureBuild, startServer } from "../lib/server";
import { seedErrors } from "./seed";

/**
 * `npm run page-speed`: the /errors page's server response time (p50/p95 over 50 requests per
 * view) with the demo data plus 100,000 more events in the demo project, and what each view
 * transfers, uncompressed: the HTML of a first load (which carries the page's RSC payload
 * inline) and the RSC payload of a client-side navigation to it. The last view is the most
 * frequent error's page. On a fresh database of DATABASE_URL's server when set, else on a
 * temporary embedded database.
 *
 * Each view's HTML is held to a budget (issue 17 item 8): a list page of 25 rows at most
 * 100 KB, an error's page at most 150 KB. The table shows the budget beside the size, and the
 * script exits with 1 when a view is over it. PAGE_SPEED_RUNS sets the requests per view.
 */
const RUNS = Number(process.env.PAGE_SPEED_RUNS ?? 50);
const KB = 1024;
const BUDGET = { list: 100 * KB, detail: 150 * KB };
const EXTRA_EVENTS = Number(process.env.PAGE_SPEED_EVENTS ?? 100_000);

if (!(await ensureBuild())) process.exit(1);
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

const server = await startServer({
  env,
  stdio: ["ignore", "ignore", "inherit"],
  timeoutMs: 60_000,
});
const base = server.url;
try {
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
  const topError = await page.getByRole("table").getByRole("link").first().getAttribute("href");
  if (!topError) throw new Error("the list showed no error to open");
  const views = [
    ...[
      "/errors",
      "/errors?sort=level",
      "/errors?q=timeout",
      "/errors?environment=staging&level=error,fatal",
      "/errors?origin=billing-api&sort=lastSeen",
    ].map((view) => ({ view, budget: BUDGET.list })),
    { view: topError, budget: BUDGET.detail },
  ];
  const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
  const over: string[] = [];
  console.log(
    "| view | p50 | p95 | HTML | HTML budget | RSC (navigation) |\n|---|---|---|---|---|---|",
  );
  for (const { view, budget } of views) {
    const samples: number[] = [];
    let html = 0;
    for (let i = 0; i < RUNS + 3; i++) {
      const started = performance.now();
      const res = await page.request.get(`${base}${view}`);
      html = (await res.body()).byteLength;
      if (res.status() !== 200) throw new Error(`${view} answered ${res.status()}`);
      if (i >= 3) samples.push(performance.now() - started);
    }
    const flight = await page.request.get(`${base}${view}`, { headers: { RSC: "1" } });
    const rsc = (await flight.body()).byteLength;
    samples.sort((a, b) => a - b);
    const at = (p: number) =>
      (samples[Math.min(samples.length - 1, Math.floor((samples.length * p) / 100))] ?? 0).toFixed(
        1,
      );
    const within = html <= budget;
    if (!within) over.push(`${view}: ${kb(html)} > ${kb(budget)}`);
    console.log(
      `| ${view} | ${at(50)} ms | ${at(95)} ms | ${kb(html)} | ${kb(budget)}${within ? "" : " **over**"} | ${kb(rsc)} |`,
    );
  }
  await browser.close();
  console.log(
    `(${handle.kind === "pglite" ? "embedded PGlite" : "PostgreSQL"}, demo data + ${EXTRA_EVENTS.toLocaleString("en-US")} events, ${RUNS} requests per view)`,
  );
  if (over.length > 0) {
    console.error(`Over the page-weight budget:\n  ${over.join("\n  ")}`);
    process.exitCode = 1;
  }
} finally {
  await server.stop();
  if (handle.drop) await handle.drop();
  rmSync(tempDir, { recursive: true, force: true });
}
