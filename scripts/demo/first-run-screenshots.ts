import { randomUUID } from "node:crypto";
import path from "node:path";
import type { Browser } from "@playwright/test";

const SHOTS = [
  { suffix: "desktop", viewport: { width: 1280, height: 900 }, isMobile: false, dark: false },
  { suffix: "desktop-dark", viewport: { width: 1280, height: 900 }, isMobile: false, dark: true },
  { suffix: "phone", viewport: { width: 390, height: 844 }, isMobile: true, dark: false },
] as const;

/**
 * The welcome page right after sign-up (first-run-*.png, 1280 and 390 wide): the new project's
 * ingest key, DSN, snippets and personal token, shown once. Each shot signs a new user up, as a
 * visitor would, so the secrets in the pictures belong to throw-away accounts.
 */
export async function firstRunScreenshots(browser: Browser, base: string, out: string) {
  for (const { suffix, viewport, isMobile, dark } of SHOTS) {
    const context = await browser.newContext({
      viewport,
      isMobile,
      hasTouch: isMobile,
      colorScheme: dark ? "dark" : "light",
      deviceScaleFactor: isMobile ? 2 : 1,
    });
    const page = await context.newPage();
    const id = randomUUID().slice(0, 8);
    await page.goto(`${base}/signup`);
    await page.getByLabel("Name").fill("Ada Lovelace");
    await page.getByLabel("Email").fill(`ada-${id}@example.test`);
    await page.getByLabel("Password").fill(`pw-${randomUUID()}`);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(/\/welcome/);
    await page.getByTestId("new-ingest-secret").waitFor();
    await page.screenshot({ path: path.join(out, `first-run-${suffix}.png`), fullPage: true });
    await context.close();
  }
}
