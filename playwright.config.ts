import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${port}`;
// Never download a browser: use the system Chromium (Debian's `chromium` package).
const executablePath =
  process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL,
    // Accept-Language decides the language of a signed-out page: the specs read English
    // (e2e/i18n.spec.ts opens its own pt-BR browser).
    locale: "en-US",
    // A failed test keeps its trace (actions, DOM snapshots, network, console) without the
    // screencast: recording every frame of every test took about a quarter of the suite's time
    // on the 2-core CI machine, and the DOM snapshots already show each step's page.
    trace: { mode: "retain-on-failure", screenshots: false },
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined } },
    { name: "phone", use: { ...devices["Pixel 7"], channel: undefined }, grep: /@phone/ },
  ],
  webServer: {
    command: "npx tsx scripts/start.ts",
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    env: {
      NODE_ENV: "production",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      PGLITE_DIR: "memory://",
      DATABASE_URL: "",
      DATA_DIR: ".data/e2e",
      // Every browser test signs up from 127.0.0.1.
      SIGNUPS_PER_IP: "100000",
      // e2e/invitations.spec.ts runs a real SMTP server on the next port; elsewhere nothing
      // listens there, and inviting answers emailSent: false at once.
      SMTP_URL: `smtp://127.0.0.1:${port + 1}`,
      SMTP_FROM: "Error Central <errors@example.test>",
      // e2e/alerts.spec.ts sends alerts to a receiver it starts on 127.0.0.1.
      ALLOW_PRIVATE_WEBHOOKS: "true",
    },
  },
});
