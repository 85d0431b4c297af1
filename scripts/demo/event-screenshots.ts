import path from "node:path";
import type { Browser } from "@playwright/test";
import { eachDemoPage, openZeroDivisionError } from "./demo-pages";

/**
 * An event's own page (event-*.png): an older event of the demo's ZeroDivisionError, reached
 * from the detail's events list, 1280 wide (light and dark, the whole page) and 390 wide (the
 * first screen); and a 404 inside the app's layout (event-not-found-desktop.png).
 */
export async function eventScreenshots(browser: Browser, base: string, out: string) {
  await eachDemoPage(browser, base, async ({ page, suffix, isMobile, scheme }) => {
    await openZeroDivisionError(page, base);
    const rows = page.locator("#events").getByTestId("event");
    await rows.first().waitFor();
    // An older event when there is one: both ways of the navigation are then open.
    const row = (await rows.count()) > 1 ? rows.nth(1) : rows.first();
    await row.getByRole("link").click();
    await page.getByRole("navigation", { name: "Browse events" }).waitFor();
    await page.getByTestId("exception").waitFor();
    await page.screenshot({ path: path.join(out, `event-${suffix}.png`), fullPage: !isMobile });
    if (!isMobile && scheme === "light") {
      await page.goto(`${base}/errors/abc/xyz`);
      await page.getByRole("heading", { name: "Page not found" }).waitFor();
      await page.screenshot({ path: path.join(out, "event-not-found-desktop.png") });
    }
  });
}
