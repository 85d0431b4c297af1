import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { logInAsDemo, VIEWPORTS } from "./demo-pages";

/** Signs in as the demo account (in English), then asks for Portuguese with the `locale` cookie. */
async function logInInPortuguese(page: Page, base: string) {
  await logInAsDemo(page, base);
  await page.context().addCookies([{ name: "locale", value: "pt-BR", url: base }]);
}

/**
 * Settings → Alerts in Brazilian Portuguese (pt-br-alerts-*.png), its delivery log with a
 * failed delivery's attempts open (pt-br-alerts-log-*.png) and the rule form
 * (pt-br-alerts-rule-form-*.png), 1280 and 390 wide, from the demo alerts.
 * `npm run screenshots -- pt-br-alerts` makes only these.
 */
export async function ptBrAlertScreenshots(browser: Browser, base: string, out: string) {
  for (const { name, viewport, isMobile } of VIEWPORTS) {
    const context = await browser.newContext({
      viewport,
      isMobile,
      deviceScaleFactor: isMobile ? 2 : 1,
    });
    const page = await context.newPage();
    await logInInPortuguese(page, base);
    await page.goto(`${base}/settings/alerts`);
    await page.getByRole("heading", { name: "Regras de alerta" }).waitFor();
    await page.screenshot({
      path: path.join(out, `pt-br-alerts-${name}.png`),
      fullPage: !isMobile,
    });

    const log = page.locator("#log");
    const failed = log.getByTestId("alert-delivery").filter({ hasText: "Falhou" }).first();
    await failed.locator("summary").click();
    const shot = path.join(out, `pt-br-alerts-log-${name}.png`);
    if (isMobile) {
      await failed.evaluate((element) => element.scrollIntoView({ block: "center" }));
      await page.screenshot({ path: shot });
    } else {
      await page.evaluate(() => window.scrollTo(0, 0));
      const box = await log.boundingBox();
      if (!box) throw new Error("the delivery log is not shown");
      await page.screenshot({
        path: shot,
        fullPage: true,
        clip: { x: box.x - 16, y: box.y - 16, width: box.width + 32, height: box.height + 32 },
      });
    }

    await page.getByRole("link", { name: /^Editar a regra Checkout spikes/ }).click();
    await page.getByRole("heading", { name: /^Editar “Checkout spikes”/ }).waitFor();
    await page.screenshot({
      path: path.join(out, `pt-br-alerts-rule-form-${name}.png`),
      fullPage: true,
    });
    await context.close();
  }
}
