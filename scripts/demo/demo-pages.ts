import type { Browser, Page } from "@playwright/test";
import { DEMO } from "../db/seed-demo";

/** The screenshots' two widths: a desktop and a phone. */
export const VIEWPORTS = [
  { name: "desktop", viewport: { width: 1280, height: 800 }, isMobile: false },
  { name: "phone", viewport: { width: 390, height: 844 }, isMobile: true },
] as const;

export interface Shot {
  page: Page;
  /** The file name's ending: `desktop`, `desktop-dark` or `phone`. */
  suffix: string;
  isMobile: boolean;
  scheme: "light" | "dark";
}

/**
 * Runs `take` in a page signed in as the demo account at 1280 wide (light, and dark too) and
 * 390 wide (light), each in a context of its own.
 */
export async function eachDemoPage(
  browser: Browser,
  base: string,
  take: (shot: Shot) => Promise<void>,
): Promise<void> {
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
      await logInAsDemo(page, base);
      await take({ page, suffix: scheme === "dark" ? `${name}-dark` : name, isMobile, scheme });
      await context.close();
    }
  }
}

/** Signs in as the demo account, through the English login form. */
export async function logInAsDemo(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel("Email").fill(DEMO.email);
  await page.getByLabel("Password").fill(DEMO.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL(/\/errors/);
}

/** Opens the demo's ZeroDivisionError in production from the list. */
export async function openZeroDivisionError(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/errors?environment=production&q=ZeroDivisionError`);
  await page
    .getByRole("link", { name: /ZeroDivisionError/ })
    .first()
    .click();
}
