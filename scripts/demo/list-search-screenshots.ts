import path from "node:path";
import type { Browser } from "@playwright/test";
import { DEMO } from "../db/seed-demo";

const VIEWPORTS = [
  { name: "desktop", viewport: { width: 1280, height: 800 }, isMobile: false },
  { name: "phone", viewport: { width: 390, height: 844 }, isMobile: true },
] as const;

/**
 * The error list with a search-syntax query and its inline help open (list-search-*.png), and
 * a bad key reported under the box (list-search-invalid-*.png), 1280 and 390 wide.
 */
export async function listSearchScreenshots(browser: Browser, base: string, out: string) {
  for (const { name, viewport, isMobile } of VIEWPORTS) {
    const context = await browser.newContext({
      viewport,
      isMobile,
      deviceScaleFactor: isMobile ? 2 : 1,
    });
    const page = await context.newPage();
    await page.goto(`${base}/login`);
    await page.getByLabel("Email").fill(DEMO.email);
    await page.getByLabel("Password").fill(DEMO.password);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL(/\/errors/);
    const search = page.getByLabel("Search errors");
    await search.fill("level:error,fatal origin:billing-api is:all timeout");
    await search.press("Enter");
    await page.waitForURL(/origin=billing-api/);
    await page.getByText("Search syntax", { exact: true }).click();
    await page.getByRole("term").first().waitFor();
    await page.screenshot({ path: path.join(out, `list-search-${name}.png`) });

    await search.fill("lvl:error timeout");
    await search.press("Enter");
    await page.getByText(/Unknown key "lvl"/).waitFor();
    await page.screenshot({ path: path.join(out, `list-search-invalid-${name}.png`) });
    await context.close();
  }
}
