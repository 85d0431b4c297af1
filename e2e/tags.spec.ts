import type { Page } from "@playwright/test";
import { setUp, titles } from "./error-data";
import { expect, test } from "./fixtures";

const breakdown = (page: Page) => page.getByRole("region", { name: "Tags", exact: true });

test("the detail page breaks an error down by tag value, and a value filters the list", async ({
  page,
  user,
}) => {
  const { created } = await setUp(page, user, [
    { title: "Checkout fails", fingerprint: ["checkout"], tags: { browser: "Firefox" } },
    { title: "Checkout fails", fingerprint: ["checkout"], tags: { browser: "Firefox" } },
    {
      title: "Checkout fails",
      fingerprint: ["checkout"],
      tags: { browser: "Chrome", os: "Linux" },
    },
    { title: "Search is slow", fingerprint: ["search"], tags: { browser: "Chrome" } },
    { title: "Login broken", fingerprint: ["login"] },
  ]);
  await expect(titles(page)).toHaveCount(3);

  await page.goto(`/errors/${created[0]?.errorId}`);
  const tags = breakdown(page);
  await expect(tags.getByRole("heading", { name: /browser/ })).toContainText("3 events · 2 values");
  const firefox = tags.getByRole("link", { name: /Firefox/ });
  await expect(firefox).toContainText("2 · 66.7%");
  await expect(tags.getByRole("link", { name: /Chrome/ })).toContainText("1 · 33.3%");
  // A key that only some events carried: its share is of those events.
  await expect(tags.getByRole("link", { name: /Linux/ })).toContainText("1 · 100%");

  await firefox.click();
  await expect(page).toHaveURL(/\/errors\?environment=all&status=all&tag=browser%3AFirefox$/);
  await expect(titles(page)).toHaveText(["Checkout fails"]);

  await page.goBack();
  await breakdown(page)
    .getByRole("link", { name: /Chrome/ })
    .click();
  await expect(page).toHaveURL(/tag=browser%3AChrome$/);
  await expect(titles(page)).toHaveText(["Checkout fails", "Search is slow"]);

  // The search syntax reaches the same filter.
  await page.goto("/errors");
  const search = page.getByLabel("Search errors");
  await search.fill("tag:browser=Chrome");
  await search.press("Enter");
  await expect(page).toHaveURL(/tag=browser%3AChrome/);
  await expect(titles(page)).toHaveText(["Checkout fails", "Search is slow"]);
});

test("an error without tags says where tags come from", async ({ page, user }) => {
  const { created } = await setUp(page, user, [{ title: "Untagged", fingerprint: ["plain"] }]);
  await page.goto(`/errors/${created[0]?.errorId}`);
  await expect(breakdown(page)).toContainText("No tags yet");
});
