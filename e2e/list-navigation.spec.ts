import type { Page } from "@playwright/test";
import { type EventInput, setUp, titles } from "./error-data";
import { expect, test } from "./fixtures";

const level = (page: Page, name: string) =>
  page.getByRole("button", { name: new RegExp(`^${name}$`, "i") });
const range = (page: Page) =>
  page.getByRole("navigation", { name: "Pages" }).getByTestId("page-range");
/** The search box's own alert (Next.js announces routes in another one). */
const searchProblem = (page: Page) => page.getByRole("search").getByRole("alert");

/** `n` errors, each its own group, in one origin. */
const many = (n: number, origin: string, prefix: string): EventInput[] =>
  Array.from({ length: n }, (_, i) => ({
    title: `${prefix} ${String(i).padStart(2, "0")}`,
    origin,
    fingerprint: [`${prefix}-${i}`],
  }));

test("a search-syntax query becomes the filters' URL, reads back on reload, and reports a bad key", async ({
  page,
  user,
}) => {
  await setUp(page, user, [
    { title: "Timeout calling payments", origin: "billing-api", release: "1.4.2" },
    { title: "Timeout in cart", origin: "web-checkout" },
    { title: "Timeout warning in payments", origin: "billing-api", level: "warning" },
  ]);
  await expect(titles(page)).toHaveCount(3);
  const search = page.getByLabel("Search errors");

  await search.fill('level:error origin:billing-api "Timeout calling"');
  await search.press("Enter");
  await expect(page).toHaveURL(/\/errors\?q=Timeout\+calling&level=error&origin=billing-api$/);
  await expect(titles(page)).toHaveText(["Timeout calling payments"]);
  // The other controls show the same state.
  await expect(page.getByLabel("Origin")).toHaveValue("billing-api");
  await expect(level(page, "error")).toHaveAttribute("aria-pressed", "true");
  await page.reload();
  await expect(search).toHaveValue("level:error origin:billing-api Timeout calling");
  await expect(titles(page)).toHaveText(["Timeout calling payments"]);

  // A control changes the text too: the box always says what the list shows.
  await level(page, "warning").click();
  await expect(search).toHaveValue("level:error,warning origin:billing-api Timeout calling");

  await search.fill("is:resolved assigned:me release:1.4.2 tag:browser=Firefox");
  await search.press("Enter");
  await expect(page).toHaveURL(
    /\/errors\?status=resolved&release=1\.4\.2&assignee=me&tag=browser%3AFirefox$/,
  );
  await expect(page.getByLabel("Status")).toHaveValue("resolved");
  await expect(page.getByLabel("Assignee")).toHaveValue("me");
  const url = page.url();

  await search.fill("lvl:error timeout");
  await search.press("Enter");
  await expect(searchProblem(page)).toHaveText(
    /Unknown key "lvl" — try level, origin, release, is, assigned, env, tag/,
  );
  await expect(search).toHaveAttribute("aria-invalid", "true");
  expect(page.url()).toBe(url);
  await search.fill("level:loud");
  await search.press("Enter");
  await expect(searchProblem(page)).toHaveText(/Unknown level "loud"/);
  await search.fill("timeout");
  await search.press("Enter");
  await expect(page).toHaveURL(/\/errors\?q=timeout$/);
  await expect(searchProblem(page)).toBeHidden();
  await expect(search).not.toHaveAttribute("aria-invalid", "true");

  // The help opens from the keyboard and lists every key.
  const help = page.getByText("Search syntax", { exact: true });
  await help.focus();
  await page.keyboard.press("Enter");
  for (const example of [
    "level:error",
    "origin:billing-api",
    "release:1.4.2",
    "is:resolved",
    "assigned:me",
    "env:staging",
    "tag:browser=Firefox",
  ]) {
    await expect(page.getByRole("term").filter({ hasText: example })).toBeVisible();
  }
});

test("each filter change is one history entry: Back undoes one step at a time", async ({
  page,
  user,
}) => {
  await setUp(page, user, [
    { title: "Slow query", level: "warning", origin: "orders-api" },
    { title: "Slow render", level: "warning", origin: "web" },
    { title: "Crash", level: "fatal", origin: "web" },
  ]);
  await expect(titles(page)).toHaveCount(3);

  await level(page, "warning").click();
  await expect(page).toHaveURL(/\?level=warning$/);
  await page.getByLabel("Origin").selectOption("web");
  await expect(page).toHaveURL(/\?level=warning&origin=web$/);
  // Typed key by key: one entry when typing pauses, not one per key.
  const search = page.getByLabel("Search errors");
  await expect(search).toHaveValue("level:warning origin:web");
  await search.click();
  await search.press("End");
  await search.pressSequentially(" render", { delay: 60 });
  await expect(page).toHaveURL(/\?q=render&level=warning&origin=web$/);
  await expect(titles(page)).toHaveText(["Slow render"]);

  await page.goBack();
  await expect(page).toHaveURL(/\?level=warning&origin=web$/);
  await expect(search).toHaveValue("level:warning origin:web");
  await expect(titles(page)).toHaveText(["Slow render"]);
  await page.goBack();
  await expect(page).toHaveURL(/\?level=warning$/);
  await expect(page.getByLabel("Origin")).toHaveValue("");
  await expect(titles(page)).toHaveText(["Slow query", "Slow render"]);
  await page.goBack();
  await expect(page).toHaveURL(/\/errors$/);
  await expect(level(page, "warning")).toHaveAttribute("aria-pressed", "false");
  await expect(titles(page)).toHaveCount(3);
  await page.goForward();
  await expect(page).toHaveURL(/\?level=warning$/);
});

test("pages with Previous and Next, says where it is, and '← All errors' returns to that very page", async ({
  page,
  user,
}) => {
  // Four pages, a detail page and back: more than the default 30 s on a busy machine.
  test.setTimeout(60_000);
  await setUp(page, user, [...many(55, "svc-a", "Paged"), ...many(3, "svc-b", "Other")]);
  await expect(range(page)).toHaveText("1–25 of 58");
  await page.getByLabel("Origin").selectOption("svc-a");
  await expect(range(page)).toHaveText("1–25 of 55");
  const pages = page.getByRole("navigation", { name: "Pages" });
  await expect(pages.getByText("Previous")).toHaveAttribute("aria-disabled", "true");

  await pages.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/origin=svc-a&cursor=/);
  await expect(range(page)).toHaveText("26–50 of 55");
  const page2 = await titles(page).allTextContents();
  expect(page2).toHaveLength(25);
  await pages.getByRole("link", { name: "Next" }).click();
  await expect(range(page)).toHaveText("51–55 of 55");
  await expect(titles(page)).toHaveCount(5);
  await expect(pages.getByText("Next")).toHaveAttribute("aria-disabled", "true");

  // Previous walks back with a backwards cursor to the same rows.
  await pages.getByRole("link", { name: "Previous" }).click();
  await expect(range(page)).toHaveText("26–50 of 55");
  await expect(titles(page)).toHaveText(page2);
  const listUrl = page.url();
  expect(listUrl).toMatch(/origin=svc-a&cursor=/);

  // Into an error and back: the same filters, the same page.
  await titles(page).nth(3).click();
  await expect(page).toHaveURL(/\/errors\/\d+$/);
  await expect(page.getByTestId("error-title")).toHaveText(page2[3] as string);
  await page.getByRole("link", { name: "All errors" }).click();
  await expect(page).toHaveURL(listUrl);
  await expect(range(page)).toHaveText("26–50 of 55");
  await expect(titles(page)).toHaveText(page2);
  await expect(page.getByLabel("Origin")).toHaveValue("svc-a");

  await pages.getByRole("link", { name: "Previous" }).click();
  await expect(page).toHaveURL(/\/errors\?origin=svc-a$/);
  await expect(range(page)).toHaveText("1–25 of 55");
});
