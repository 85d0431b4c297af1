import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, chromium, request } from "@playwright/test";
import { openDatabase } from "@/db/client";
import { DEMO, seedDemo } from "../db/seed-demo";
import { ensureBuild, startServer } from "../lib/server";
import { alertScreenshots } from "./alerts-screenshots";
import { docsScreenshots } from "./docs-screenshots";
import { eventScreenshots } from "./event-screenshots";
import { firstRunScreenshots } from "./first-run-screenshots";
import { listSearchScreenshots } from "./list-search-screenshots";
import { ptBrAlertScreenshots } from "./pt-br-alerts-screenshots";
import {
  type PtBrScene,
  ptBrSettingsScreenshots,
  seedPtBrSettings,
} from "./pt-br-settings-screenshots";
import { seedDemoAlerts } from "./seed-alerts";
import { tagScreenshots } from "./tags-screenshots";

/**
 * `npm run screenshots`: the list, detail and settings pages at desktop and phone widths, from
 * the seeded demo data on a fresh embedded database, into docs/screenshots/. Then the triage
 * loop (triage-*.png, 1280 and 390 wide): a teammate resolves an error in the next release, an
 * event from a newer release regresses it, errors are assigned and an archive escalates. Then
 * the welcome page after sign-up (first-run-*.png) and an event's own page (event-*.png).
 * and the tag breakdown of an error's page (tags-*.png), Settings and an invitation in
 * Portuguese (pt-br-settings-*.png, pt-br-invitation-*.png), Settings → Alerts in Portuguese
 * (pt-br-alerts-*.png) and the API guide in Portuguese (pt-br-docs-*.png).
 * `npm run screenshots -- events`, `-- tags`, `-- pt-br-settings`, `-- pt-br-alerts` or
 * `-- docs` makes only that one.
 */
const OUT = path.resolve("docs/screenshots");
const VIEWPORTS = [
  { name: "desktop", viewport: { width: 1440, height: 900 }, isMobile: false },
  { name: "phone", viewport: { width: 390, height: 844 }, isMobile: true },
] as const;

const TRIAGE_VIEWPORTS = [
  { name: "desktop", viewport: { width: 1280, height: 800 }, isMobile: false, dark: true },
  { name: "phone", viewport: { width: 390, height: 844 }, isMobile: true, dark: false },
] as const;

if (!(await ensureBuild())) process.exit(1);
const dataDir = mkdtempSync(path.join(tmpdir(), "ec-shots-"));
const pgliteDir = path.join(dataDir, "pglite");
const handle = await openDatabase({ kind: "pglite", dir: pgliteDir });
const seeded = await seedDemo(handle.db);
let ptBr: PtBrScene | null = null;
if (seeded) {
  const { user, project } = seeded.account;
  await seedDemoAlerts(handle.db, { userId: user.id, projectId: project.id });
  ptBr = await seedPtBrSettings(handle.db);
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
  const only = process.argv
    .slice(2)
    .find((arg) => ["events", "tags", "pt-br-settings", "pt-br-alerts", "docs"].includes(arg));
  const onlyEvents = only !== undefined;
  if (!onlyEvents) {
    await alertScreenshots(browser, base, OUT);
    await listSearchScreenshots(browser, base, OUT);
    await firstRunScreenshots(browser, base, OUT);
  }
  for (const { name, viewport, isMobile } of onlyEvents ? [] : VIEWPORTS) {
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
  if (!onlyEvents) await triageScreenshots(browser, base);
  if (only === undefined || only === "events") await eventScreenshots(browser, base, OUT);
  if (only === undefined || only === "tags") await tagScreenshots(browser, base, OUT);
  if ((only === undefined || only === "pt-br-settings") && ptBr) {
    await ptBrSettingsScreenshots(browser, base, OUT, ptBr);
  }
  if (only === undefined || only === "docs") await docsScreenshots(browser, base, OUT);
  if (only === undefined || only === "pt-br-alerts") await ptBrAlertScreenshots(browser, base, OUT);
  await browser.close();
  console.log(`Screenshots written to ${path.relative(process.cwd(), OUT)}/`);
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

/**
 * The triage loop through the real API, as a team and an application would make it: a
 * teammate joins, resolves an error in the next release, and an event from a newer release
 * regresses it; errors get assignees; an archive "until 2 more events" escalates.
 */
async function triageScene(base: string) {
  const api = await request.newContext({ baseURL: base });
  /** The answer's JSON, read as the API documents it; anything but 2xx stops the script. */
  const check = async <T>(
    response: Awaited<ReturnType<typeof api.get>>,
    what: string,
  ): Promise<T> => {
    if (!response.ok()) throw new Error(`${what}: ${response.status()} ${await response.text()}`);
    return (await response.json()) as T;
  };
  type Auth = { token: string; user: { id: number } };
  const demo = await check<Auth>(
    await api.post("/api/auth/token", { data: { email: DEMO.email, password: DEMO.password } }),
    "demo token",
  );
  const headers = { authorization: `Bearer ${demo.token}` };
  const projects = await check<{ items: { id: number }[] }>(
    await api.get("/api/projects", { headers }),
    "projects",
  );
  const projectId = projects.items[0]?.id;

  const mate = { name: "Ana Souza", email: "ana@errorcentral.dev", password: "demo-password-456" };
  await check(
    await api.post(`/api/projects/${projectId}/members`, { headers, data: { email: mate.email } }),
    "invite",
  );
  const joined = await check<Auth>(await api.post("/api/auth/signup", { data: mate }), "teammate");
  const mateHeaders = { authorization: `Bearer ${joined.token}` };
  const invitations = await check<{ items: { id: string }[] }>(
    await api.get("/api/invitations", { headers: mateHeaders }),
    "invitations",
  );
  await check(
    await api.post(`/api/invitations/${invitations.items[0]?.id}/accept`, { headers: mateHeaders }),
    "accept",
  );

  type Item = { id: number; title: string; level: string; origin: string; environment: string };
  const find = async (q: string): Promise<Item> => {
    const query = new URLSearchParams({ q, environment: "production", status: "all" });
    const page = await check<{ items: Item[] }>(
      await api.get(`/api/errors?${query}`, { headers }),
      `find ${q}`,
    );
    if (!page.items[0]) throw new Error(`no demo error matches ${q}`);
    return page.items[0];
  };
  const send = async (item: Item, count: number, release?: string) => {
    const { title, level, origin, environment } = item;
    const events = Array.from({ length: count }, () => ({
      title,
      level,
      origin,
      environment,
      release,
    }));
    const sent = await check<{ events: { errorId: number }[] }>(
      await api.post("/api/events", { headers, data: { events } }),
      `events for ${title}`,
    );
    if (sent.events[0]?.errorId !== item.id) throw new Error(`${title} did not group`);
  };
  const patch = async (item: Item, body: object, as = headers) =>
    check(await api.patch(`/api/errors/${item.id}`, { headers: as, data: body }), "patch");

  const regressed = await find("reading 'total'");
  await send(regressed, 3, "2026.11.27");
  await patch(regressed, { status: "resolved", resolve: "inNextRelease" }, mateHeaders);
  await send(regressed, 1, "2026.11.27");
  await send(regressed, 2, "2026.12.1");
  await patch(regressed, { assigneeId: joined.user.id });

  const assigned = await find("payment gateway");
  await send(assigned, 2, "2026.12.1");
  await patch(assigned, { assigneeId: demo.user.id });

  const escalating = await find("Reindex job crashed");
  await patch(escalating, { status: "archived", archive: { untilEvents: 2 } }, mateHeaders);
  await send(escalating, 2, "2026.12.1");
  await api.dispose();
  return { regressedId: regressed.id };
}

async function triageScreenshots(browser: Browser, base: string) {
  const { regressedId } = await triageScene(base);
  for (const { name, viewport, isMobile, dark } of TRIAGE_VIEWPORTS) {
    for (const scheme of dark ? (["light", "dark"] as const) : (["light"] as const)) {
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
      const suffix = scheme === "dark" ? `${name}-dark` : name;
      // Recently seen first: the regressed, assigned and escalating errors lead the list.
      await page.goto(`${base}/errors?sort=lastSeen`);
      await page.locator('[data-badge="regressed"]:visible').first().waitFor();
      // On a phone, from the first card: the filters above fill the first screen.
      const cards = isMobile
        ? await page.getByLabel("Select all errors on this page").boundingBox()
        : null;
      await page.screenshot({
        path: path.join(OUT, `triage-list-${suffix}.png`),
        ...(cards ? { fullPage: true, clip: { x: 0, y: cards.y - 12, ...viewport } } : {}),
      });
      if (name === "desktop" && scheme === "light") {
        await page.getByRole("button", { name: /^Assign Timeout after .* now Demo User$/ }).click();
        await page.getByRole("menu", { name: "Assign to" }).waitFor();
        await page.screenshot({ path: path.join(OUT, `triage-list-assign-${suffix}.png`) });
        await page.keyboard.press("Escape");
      }
      await page.goto(`${base}/errors/${regressedId}`);
      await page.getByTestId("triage-banner").waitFor();
      // Down to the activity: the long list of events below it is the detail's own picture.
      const activity = await page.getByRole("region", { name: "Activity" }).boundingBox();
      await page.screenshot({
        path: path.join(OUT, `triage-detail-${suffix}.png`),
        fullPage: true,
        ...(activity
          ? {
              clip: {
                x: 0,
                y: 0,
                width: viewport.width,
                height: activity.y + activity.height + 24,
              },
            }
          : {}),
      });
      if (name === "desktop" && scheme === "light") {
        await page.getByRole("button", { name: "Archive with a condition" }).click();
        await page.getByRole("menu", { name: "Archive until" }).waitFor();
        await page.screenshot({ path: path.join(OUT, `triage-archive-menu-${suffix}.png`) });
        await page.keyboard.press("Escape");
      }
      await context.close();
    }
  }
}
