import path from "node:path";
import type { Browser } from "@playwright/test";
import { DEMO } from "../db/seed-demo";

const VIEWPORTS = [
  { name: "desktop", viewport: { width: 1280, height: 800 }, isMobile: false },
  { name: "phone", viewport: { width: 390, height: 844 }, isMobile: true },
] as const;

/**
 * The tag breakdown of an error's page (tags-*.png): the demo's most frequent error in
 * production, its Tags section, 1280 wide (light and dark) and 390 wide.
 */
export async function tagScreenshots(browser: Browser, base: string, out: string) {
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
      const tags = page.locator("#tags");
      await tags.waitFor();
      if (isMobile) {
        // The first screen of the section, below the sticky header.
        await tags.evaluate((section) => {
          section.scrollIntoView();
          window.scrollBy(0, -72);
        });
        await page.screenshot({ path: path.join(out, `tags-${suffix}.png`) });
      } else await tags.screenshot({ path: path.join(out, `tags-${suffix}.png`) });
      await context.close();
    }
  }
}
