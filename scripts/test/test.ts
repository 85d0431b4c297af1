import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freshPostgres } from "@/tests/support/databases";
import { buildIsStale } from "../lib/build-state";
import { run } from "../lib/run";
import { startServer } from "../lib/server";

/**
 * `npm test`: unit tests, a production build, the HTTP API suite against a started server on
 * PGlite and (with TEST_DATABASE_URL) on a fresh PostgreSQL database, then Playwright.
 * `npm run demo` end to end (it serves the build too). `npm test -- unit api demo e2e` picks
 * stages; other arguments are file filters for the vitest stages and Playwright
 * (`npm test -- api triage`, `npm test -- e2e alerts`).
 */
const ALL = ["unit", "api", "demo", "e2e"] as const;
type Stage = (typeof ALL)[number];
const picked = process.argv
  .slice(2)
  .filter((arg): arg is Stage => (ALL as readonly string[]).includes(arg));
const stages = new Set<Stage>(picked.length > 0 ? picked : ALL);
const fileFilters = process.argv
  .slice(2)
  .filter((arg) => !(ALL as readonly string[]).includes(arg));
const serverUrl = process.env.TEST_DATABASE_URL;
const reports = mkdtempSync(path.join(tmpdir(), "ec-reports-"));
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures: string[] = [];

function vitestReport(file: string) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, "utf8"));
  totals.passed += report.numPassedTests ?? 0;
  totals.failed += report.numFailedTests ?? 0;
  totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}

async function vitest(label: string, args: string[], env: NodeJS.ProcessEnv) {
  const output = path.join(reports, `${label.replace(/\W+/g, "-")}.json`);
  console.log(`\n▶ ${label}`);
  const code = await run(
    "npx",
    [
      "vitest",
      "run",
      ...args,
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${output}`,
    ],
    env,
  );
  vitestReport(output);
  if (code !== 0) failures.push(label);
}

/** Starts `npm start`'s server on a free port with the given database settings. */
async function withServer(env: Record<string, string>, body: (url: string) => Promise<void>) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "ec-data-"));
  try {
    const server = await startServer({
      env: {
        DATA_DIR: dataDir,
        AUTH_SECRET: randomBytes(33).toString("base64url"),
        // The tests pick their client address with X-Forwarded-For, as a proxy on 127.0.0.1
        // would; tests/api/login-limits.test.ts connects from 127.x.y.z to be an untrusted client.
        TRUSTED_PROXIES: "127.0.0.1,::1",
        // Alert channels in tests/api/alert-rules.test.ts point at receivers on 127.0.0.1.
        ALLOW_PRIVATE_WEBHOOKS: "true",
        ...env,
      },
    });
    try {
      await body(server.url);
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function apiSuite(label: string, env: Record<string, string>) {
  try {
    await withServer(env, (url) =>
      vitest(label, ["--config", "vitest.api.config.ts", ...fileFilters], {
        ...process.env,
        API_BASE_URL: url,
      }),
    );
  } catch (error) {
    console.error(`${label}: ${(error as Error).message}`);
    failures.push(label);
  }
}

const started = Date.now();
if (stages.has("unit")) await vitest("unit tests", fileFilters, process.env);

if (stages.has("api") || stages.has("demo") || stages.has("e2e")) {
  if (buildIsStale()) {
    console.log("\n▶ next build");
    const code = await run("npx", ["next", "build"], { ...process.env, NODE_ENV: "production" });
    if (code !== 0) {
      console.error("build failed");
      process.exit(code);
    }
  }
}

if (stages.has("api")) {
  // Each database through another door, so that the Next route handlers and the Node server's
  // fast ingest path answer the same suite.
  await apiSuite("API tests on PGlite, ingest through Next's route handlers", {
    DATABASE_URL: "",
    PGLITE_DIR: "",
    INGEST_FAST_PATH: "0",
  });
  if (serverUrl) {
    const database = await freshPostgres(serverUrl);
    await database.close();
    try {
      await apiSuite("API tests on PostgreSQL, ingest through the fast path", {
        DATABASE_URL: database.url,
        INGEST_FAST_PATH: "1",
      });
    } finally {
      await database.drop();
    }
  } else {
    console.log("\nTEST_DATABASE_URL is not set: the API suite ran on PGlite only.");
  }
}

if (stages.has("demo")) {
  await vitest(
    "whole processes: npm run demo's Ctrl-C, alerts across SIGKILL",
    ["--config", "vitest.demo.config.ts", ...fileFilters],
    { ...process.env },
  );
}

if (stages.has("e2e")) {
  console.log("\n▶ Playwright end-to-end tests");
  const output = path.join(reports, "e2e.json");
  const code = await run("npx", ["playwright", "test", ...fileFilters], {
    ...process.env,
    PLAYWRIGHT_JSON_OUTPUT_NAME: output,
  });
  if (existsSync(output)) {
    const stats = JSON.parse(readFileSync(output, "utf8")).stats ?? {};
    totals.passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
    totals.failed += stats.unexpected ?? 0;
    totals.skipped += stats.skipped ?? 0;
  }
  if (code !== 0) failures.push("Playwright end-to-end tests");
}

rmSync(reports, { recursive: true, force: true });
const seconds = Math.round((Date.now() - started) / 1000);
console.log(
  `\n${failures.length ? `Failed: ${failures.join(", ")}` : "All stages passed"} in ${seconds} s`,
);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failures.length > 0 || totals.failed > 0 ? 1 : 0);
