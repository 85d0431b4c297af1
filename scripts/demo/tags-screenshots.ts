import path from "node:path";
import type { Browser } from "@playwright/test";
import { eachDemoPage, openZeroDivisionError } from "./demo-pages";

/**
 * The tag breakdown of an error's page (tags-*.png): the demo's ZeroDivisionError, its Tags
 * section, 1280 wide (light and dark) and 390 wide (the section's first screen).
 */
export async function tagScreenshots(browser: Browser, base: string, out: string) {
  await eachDemoPage(browser, base, async ({ page, suffix, isMobile }) => {
    await openZeroDivisionError(page, base);
    const tags = page.locator("#tags");
    await tags.waitFor();
    const file = path.join(out, `tags-${suffix}.png`);
    if (isMobile) {
      // The first screen of the section, below the sticky header.
      await tags.evaluate((section) => {
        section.scrollIntoView();
        window.scrollBy(0, -72);
      });
      await page.screenshot({ path: file });
    } else await tags.screenshot({ path: file });
  });
}
