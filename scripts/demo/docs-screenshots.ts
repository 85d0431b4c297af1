import path from "node:path";
import type { Browser } from "@playwright/test";

const VIEWPORTS = [
  { name: "desktop", viewport: { width: 1280, height: 900 }, isMobile: false },
  { name: "phone", viewport: { width: 390, height: 844 }, isMobile: true },
] as const;

/**
 * The API guide as a browser asking for Brazilian Portuguese sees it, signed out
 * (pt-br-docs-*.png): its first screen 1280 wide, and 390 wide.
 */
export async function docsScreenshots(browser: Browser, base: string, out: string) {
  for (const { name, viewport, isMobile } of VIEWPORTS) {
    const context = await browser.newContext({
      viewport,
      isMobile,
      locale: "pt-BR",
      deviceScaleFactor: isMobile ? 2 : 1,
    });
    const page = await context.newPage();
    await page.goto(`${base}/docs`);
    await page.getByRole("heading", { name: "Guia da API", level: 1 }).waitFor();
    await page.screenshot({ path: path.join(out, `pt-br-docs-${name}.png`) });
    await context.close();
  }
}
