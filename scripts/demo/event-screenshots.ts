import path from "node:path";
import type { Browser } from "@playwright/test";
import { DEMO } from "../db/seed-demo";

const VIEWPORTS = [
  { name: "desktop", viewport: { width: 1280, height: 800 }, isMobile: false },
  { name: "phone", viewport: { width: 390, height: 844 }, isMobile: true },
] as const;

/**
 * An event's own page (event-*.png): an older event of the demo's ZeroDivisionError, reached
 * from the detail's events list, 1280 wide (light and dark, the whole page) and 390 wide (the
 * first screen); and a 404 inside the app's layout (event-not-found-desktop.png).
 */
export async function eventScreenshots(browser: Browser, base: string, out: string) {
  for (const { name, viewport, isMobile } of VIEWPORTS) {
    for (const scheme of ["light", "dark"] as const) {
      if (scheme === "dark" && name === "phone") continue;
      const suffix = scheme === "dark" ? `${name}-dark` : name;
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
      await page.goto(`${base}/errors?environment=production&q=ZeroDivisionError`);
      await page
        .getByRole("link", { name: /ZeroDivisionError/ })
        .first()
        .click();
      const rows = page.locator("#events").getByTestId("event");
      await rows.first().waitFor();
      // An older event when there is one: both ways of the navigation are then open.
      const row = (await rows.count()) > 1 ? rows.nth(1) : rows.first();
      await row.getByRole("link").click();
      await page.getByRole("navigation", { name: "Browse events" }).waitFor();
      await page.getByTestId("exception").waitFor();
      await page.screenshot({
        path: path.join(out, `event-${suffix}.png`),
        fullPage: name === "desktop",
      });
      if (name === "desktop" && scheme === "light") {
        await page.goto(`${base}/errors/abc/xyz`);
        await page.getByRole("heading", { name: "Page not found" }).waitFor();
        await page.screenshot({ path: path.join(out, "event-not-found-desktop.png") });
      }
      await context.close();
    }
  }
}
