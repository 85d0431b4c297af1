import type { Locator, Page } from "@playwright/test";
import { apiToken, ingest, setUp, times, titles } from "./error-data";
import { expect, signUpToList, test } from "./fixtures";

// Longer than the 5 s poll (and a slow answer): the page must change without a reload.
const LIVE = { timeout: 15_000 };
// Each test waits out a few polls.
test.describe.configure({ timeout: 60_000 });

/** The cell of a column (by its header) in the row of the desktop table with that title. */
async function cell(page: Page, title: string, column: string): Promise<Locator> {
  const headers = await page.getByRole("table").getByRole("columnheader").allTextContents();
  const index = headers.findIndex((text) => text.startsWith(column));
  expect(index).toBeGreaterThanOrEqual(0);
  const row = page.getByRole("table").getByRole("row").filter({ hasText: title });
  return row.getByRole("cell").nth(index);
}

test("counts and last seen change in place; new and moved rows wait behind the updates bar", async ({
  page,
  user,
}) => {
  const { token } = await setUp(page, user, [
    ...times(3, { title: "Live alpha" }),
    { title: "Live bravo" },
  ]);
  await expect(titles(page)).toHaveText(["Live alpha", "Live bravo"]);
  const count = await cell(page, "Live bravo", "Events");
  const lastSeen = (await cell(page, "Live bravo", "Last seen")).locator("time");
  await expect(count).toHaveText("1");
  const seenBefore = await lastSeen.getAttribute("datetime");

  // Bravo overtakes alpha: its count and last seen change where it is; the rows stay put.
  await ingest(page, token, times(5, { title: "Live bravo" }));
  await expect(count).toHaveText("6", LIVE);
  await expect(lastSeen).not.toHaveAttribute("datetime", seenBefore ?? "", LIVE);
  await expect(titles(page)).toHaveText(["Live alpha", "Live bravo"]);
  await expect(page.getByRole("button", { name: "1 update — show" })).toBeVisible(LIVE);
  await expect(page.getByRole("status").filter({ hasText: "1 update to the list" })).toBeAttached();

  // A new error joins the waiting updates; showing them applies the fresh page.
  await ingest(page, token, [{ title: "Live charlie" }]);
  const show = page.getByRole("button", { name: "2 updates — show" });
  await expect(show).toBeVisible(LIVE);
  await expect(titles(page)).toHaveText(["Live alpha", "Live bravo"]);
  await show.click();
  await expect(titles(page)).toHaveText(["Live bravo", "Live alpha", "Live charlie"]);
  await expect(page.getByRole("button", { name: /— show$/ })).toHaveCount(0);
  await expect(page).toHaveURL(/\/errors$/);
});

test("an empty project's list turns into the list when the first event arrives", async ({
  page,
  user,
}) => {
  await signUpToList(page, user);
  await expect(page.getByRole("table")).toHaveCount(0);
  const token = await apiToken(page, user);
  await ingest(page, token, [{ title: "The very first live error", environment: "staging" }]);
  // The first event went to staging: the tabs appear and say so, without a reload.
  const tabs = page.getByRole("navigation", { name: "Environments" });
  await expect(tabs.getByRole("link", { name: "Staging, 1 error" })).toBeVisible(LIVE);

  // The production tab, empty, turns into the list too.
  await ingest(page, token, [{ title: "First in production" }]);
  await expect(titles(page)).toHaveText(["First in production"], LIVE);
});

test("an error's page updates its count, last seen and status, and offers the new events", async ({
  page,
  user,
}) => {
  const { token, created } = await setUp(page, user, [
    { title: "Live detail", details: "the first event's details" },
  ]);
  const errorId = created[0]?.errorId;
  await titles(page).filter({ hasText: "Live detail" }).click();
  await expect(page).toHaveURL(new RegExp(`/errors/${errorId}$`));
  const count = page.getByTestId("event-count");
  await expect(count).toHaveText("1");
  const lastSeen = page
    .getByLabel("Summary")
    .locator("div", { has: page.getByText("Last seen", { exact: true }) })
    .locator("time")
    .first();
  const seenBefore = await lastSeen.getAttribute("datetime");

  await ingest(page, token, [{ title: "Live detail", details: "the second event's details" }]);
  await expect(count).toHaveText("2", LIVE);
  await expect(lastSeen).not.toHaveAttribute("datetime", seenBefore ?? "");
  // What the user is reading stays until they ask for the new event.
  const show = page.getByRole("button", { name: "New events — show" });
  await expect(show).toBeVisible();
  await expect(page.getByTestId("error-details")).toContainText("the first event's details");
  await show.click();
  await expect(page.getByTestId("error-details")).toContainText("the second event's details");
  await expect(show).toHaveCount(0);

  // Resolved elsewhere: the status follows, and so do the page's buttons.
  const resolved = await page.request.patch(`/api/errors/${errorId}`, {
    headers: { authorization: `Bearer ${token}` },
    data: { status: "resolved" },
  });
  expect(resolved.status()).toBe(200);
  await expect(page.getByLabel("Summary").getByText("Resolved", { exact: true })).toBeVisible(LIVE);
  await expect(page.getByRole("button", { name: "Reopen" })).toBeVisible(LIVE);
  await expect(count).toHaveText("2");
});
