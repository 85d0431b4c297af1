import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { openDatabase } from "@/db/client";
import { DEMO, seedDemo } from "../db/seed-demo";
import { ensureBuild, startServer } from "../lib/server";
import { alertScreenshots } from "./alerts-screenshots";
import { seedDemoAlerts } from "./seed-alerts";

/**
 * `npm run screenshots`: the list, detail and settings pages at desktop and phone widths, from
 * the seeded demo data on a fresh embedded database, into docs/screenshots/.
 */
const OUT = path.resolve("docs/screenshots");
const VIEWPORTS = [
  { name: "desktop", viewport: { width: 1440, height: 900 }, isMobile: false },
  { name: "phone", viewport: { width: 390, height: 844 }, isMobile: true },
] as const;

if (!(await ensureBuild())) process.exit(1);
const dataDir = mkdtempSync(path.join(tmpdir(), "ec-shots-"));
const pgliteDir = path.join(dataDir, "pglite");
const handle = await openDatabase({ kind: "pglite", dir: pgliteDir });
const seeded = await seedDemo(handle.db);
if (seeded) {
  const { user, project } = seeded.account;
  await seedDemoAlerts(handle.db, { userId: user.id, projectId: project.id });
}
await handle.close();

const server = await startServer({
  env: { PGLITE_DIR: pgliteDir, DATA_DIR: dataDir, DATABASE_URL: "" },
  timeoutMs: 60_000,
});
const base = server.url;
try {
  mkdirSync(OUT, { recursive: true });
  const executablePath =
    process.env.CHROMIUM_PATH ??
    (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
  const browser = await chromium.launch({
    executablePath,
    args: ["--no-sandbox", "--disable-gpu"],
  });
  await alertScreenshots(browser, base, OUT);
  for (const { name, viewport, isMobile } of VIEWPORTS) {
    for (const scheme of ["light", "dark"] as const) {
      if (scheme === "dark" && name === "phone") continue;
      const context = await browser.newContext({
        viewport,
        isMobile,
        colorScheme: scheme,
        deviceScaleFactor: isMobile ? 2 : 1,
      });
      const page = await context.newPage();
      await page.goto(`${base}/login`);
      await page.getByLabel("Email").fill(DEMO.email);
      await page.getByLabel("Password").fill(DEMO.password);
      await page.getByRole("button", { name: "Log in" }).click();
      await page.waitForURL(/\/errors/);
      // Wait for the real content, not the streamed loading skeleton.
      await page.locator('a[href^="/errors/"]:visible').first().waitFor();
      const suffix = scheme === "dark" ? `${name}-dark` : name;
      await page.screenshot({
        path: path.join(OUT, `list-${suffix}.png`),
        fullPage: name === "desktop",
      });
      await page.goto(`${base}/errors?environment=production&q=ZeroDivisionError`);
      await page
        .getByRole("link", { name: /ZeroDivisionError/ })
        .first()
        .click();
      await page.waitForURL(/\/errors\/\d+/);
      await page.getByRole("heading", { name: "Exception" }).waitFor();
      await page.screenshot({ path: path.join(OUT, `detail-${suffix}.png`), fullPage: true });
      // The confirmation dialog, as a plain dialog (delete an error)…
      await page.getByRole("button", { name: "Delete", exact: true }).click();
      await page.getByRole("dialog", { name: "Delete this error?" }).waitFor();
      await page.screenshot({ path: path.join(OUT, `detail-confirm-${suffix}.png`) });
      await page.keyboard.press("Escape");
      await page.goto(`${base}/settings`);
      await page.getByRole("heading", { name: "Personal API tokens" }).waitFor();
      await page.screenshot({
        path: path.join(OUT, `settings-${suffix}.png`),
        fullPage: name === "desktop",
      });
      // …and as a form posting to a server action (revoke an ingest key).
      await page
        .getByRole("button", { name: /^Revoke ingest key/ })
        .first()
        .click();
      await page.getByRole("dialog").waitFor();
      await page.screenshot({ path: path.join(OUT, `settings-confirm-${suffix}.png`) });
      await page.keyboard.press("Escape");
      await context.close();
    }
  }
  await browser.close();
  console.log(`Screenshots written to ${path.relative(process.cwd(), OUT)}/`);
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
