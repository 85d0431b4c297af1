import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { DEMO } from "../db/seed-demo";

const VIEWPORTS = [
  { name: "desktop", viewport: { width: 1280, height: 800 }, isMobile: false },
  { name: "phone", viewport: { width: 390, height: 844 }, isMobile: true },
] as const;

async function logIn(page: Page, base: string) {
  await page.goto(`${base}/login`);
  await page.getByLabel("Email").fill(DEMO.email);
  await page.getByLabel("Password").fill(DEMO.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL(/\/errors/);
}

/**
 * Settings → Alerts (alerts-*.png), its delivery log with a delivery's attempts open
 * (alerts-log-*.png), and the rule form (alerts-rule-form-*.png), 1280 and 390 wide, from the
 * demo alerts (scripts/demo/seed-alerts.ts); on a desktop also the alerts an error triggered
 * (alerts-error-*.png), and each desktop view in the dark scheme too.
 */
export async function alertScreenshots(browser: Browser, base: string, out: string) {
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
      await logIn(page, base);
      await page.goto(`${base}/settings/alerts`);
      await page.getByRole("heading", { name: "Alert rules" }).waitFor();
      await page.screenshot({ path: path.join(out, `alerts-${suffix}.png`) });

      // The log with a failed delivery's attempts open: the whole section on a desktop (clipped
      // from the full page, so the sticky header stays at the top), the delivery on a phone.
      const log = page.locator("#log");
      const failed = log.getByTestId("alert-delivery").filter({ hasText: "Failed" }).first();
      await failed.locator("summary").click();
      const shot = path.join(out, `alerts-log-${suffix}.png`);
      if (isMobile) {
        await failed.evaluate((element) => element.scrollIntoView({ block: "center" }));
        await page.screenshot({ path: shot });
      } else {
        // At the top, the sticky header is drawn at the top of the full page, outside the clip.
        await page.evaluate(() => window.scrollTo(0, 0));
        const box = await log.boundingBox();
        if (!box) throw new Error("the delivery log is not shown");
        await page.screenshot({
          path: shot,
          fullPage: true,
          clip: { x: box.x - 16, y: box.y - 16, width: box.width + 32, height: box.height + 32 },
        });
      }

      await page.goto(`${base}/settings/alerts`);
      await page.getByRole("link", { name: /^Edit rule Checkout spikes/ }).click();
      await page.getByRole("heading", { name: /^Edit “Checkout spikes”/ }).waitFor();
      await page.screenshot({
        path: path.join(out, `alerts-rule-form-${suffix}.png`),
        fullPage: true,
      });
      // The error page's "Alerts this error triggered", from a delivery of the log.
      if (!isMobile) {
        await page.goto(`${base}/settings/alerts?channel=webhook`);
        await page.getByTestId("alert-delivery").first().getByRole("link").click();
        const section = page.getByRole("region", { name: "Alerts this error triggered" });
        await section.waitFor();
        await section.screenshot({ path: path.join(out, `alerts-error-${suffix}.png`) });
      }
      await context.close();
    }
  }
}
