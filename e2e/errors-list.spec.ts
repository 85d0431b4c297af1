import { setUp, times, titles } from "./error-data";
import { expect, signUpToList, test } from "./fixtures";

test("lists by frequency, switches environment tabs, sorts by level", async ({ page, user }) => {
  // Many steps, each a server render: near 30 s on a loaded two-core CI machine.
  test.setTimeout(60_000);
  await setUp(page, user, [
    ...times(5, { title: "Alpha frequent", level: "warning", origin: "svc-a" }),
    ...times(3, { title: "Bravo middle", level: "error", origin: "svc-b" }),
    ...times(2, { title: "Delta debug", level: "debug", origin: "svc-a" }),
    { title: "Charlie fatal once", level: "fatal", origin: "svc-c" },
    { title: "Echo info once", level: "info", origin: "svc-c" },
    ...times(2, { title: "Staging only", environment: "homolog" }),
    { title: "Dev only", environment: "dev" },
    { title: "Canary only", environment: "canary-eu" },
  ]);

  // Frequency: event count first, then severity breaks the tie between the two single events.
  await expect(titles(page)).toHaveText([
    "Alpha frequent",
    "Bravo middle",
    "Delta debug",
    "Charlie fatal once",
    "Echo info once",
  ]);
  const tabs = page.getByRole("navigation", { name: "Environments" });
  await expect(tabs.getByRole("link", { name: "Production, 5 errors" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(tabs.getByRole("link", { name: "Staging, 1 error" })).toBeVisible();

  await tabs.getByRole("link", { name: /^Staging/ }).click();
  await expect(page).toHaveURL(/environment=staging/);
  await expect(titles(page)).toHaveText(["Staging only"]);
  await tabs.getByRole("link", { name: /^Development/ }).click();
  await expect(titles(page)).toHaveText(["Dev only"]);
  await tabs.getByRole("link", { name: /^Other/ }).click();
  await expect(titles(page)).toHaveText(["Canary only"]);
  await tabs.getByRole("link", { name: /^Production/ }).click();
  await expect(titles(page)).toHaveCount(5);

  await page.getByRole("button", { name: /^Level/ }).click();
  await expect(page).toHaveURL(/sort=level/);
  await expect(page.getByRole("columnheader", { name: /Level/ })).toHaveAttribute(
    "aria-sort",
    "descending",
  );
  await expect(titles(page)).toHaveText([
    "Charlie fatal once",
    "Bravo middle",
    "Alpha frequent",
    "Echo info once",
    "Delta debug",
  ]);
  await expect(page.getByLabel("Sort by")).toHaveValue("level");

  // The select drives the same URL state, and the view survives a reload.
  await page.getByLabel("Sort by").selectOption("frequency");
  await expect(page).not.toHaveURL(/sort=/);
  await expect(page.getByRole("columnheader", { name: /Events/ })).toHaveAttribute(
    "aria-sort",
    "descending",
  );
  await page.getByLabel("Sort by").selectOption("firstSeen");
  await expect(page).toHaveURL(/sort=firstSeen/);
  await page.reload();
  await expect(page.getByLabel("Sort by")).toHaveValue("firstSeen");
});

test("searches text and filters by level and origin", async ({ page, user }) => {
  // Many steps, each a server render: near 30 s on a loaded two-core CI machine.
  test.setTimeout(60_000);
  await setUp(page, user, [
    { title: "Timeout calling payments", details: "upstream=stripe", origin: "billing-api" },
    { title: "Null pointer in cart", details: "CartService.load", origin: "web-checkout" },
    { title: "Slow query", level: "warning", origin: "orders-api" },
    { title: "Debug trace", level: "debug", origin: "web-checkout" },
  ]);
  await expect(titles(page)).toHaveCount(4);

  const search = page.getByLabel("Search errors");
  await search.fill("STRIPE");
  await expect(page).toHaveURL(/q=STRIPE/);
  await expect(titles(page)).toHaveText(["Timeout calling payments"]);
  await search.fill("cart");
  await expect(titles(page)).toHaveText(["Null pointer in cart"]);
  await search.fill("");
  await expect(titles(page)).toHaveCount(4);

  const level = (name: string) => page.getByRole("button", { name: new RegExp(`^${name}$`, "i") });
  await level("warning").click();
  await expect(level("warning")).toHaveAttribute("aria-pressed", "true");
  await expect(titles(page)).toHaveText(["Slow query"]);
  await level("debug").click();
  await expect(page).toHaveURL(/level=warning%2Cdebug|level=warning,debug/);
  await expect(titles(page)).toHaveText(["Slow query", "Debug trace"]);

  await page.getByLabel("Origin").selectOption("web-checkout");
  await expect(titles(page)).toHaveText(["Debug trace"]);
  await page.reload();
  await expect(page.getByLabel("Origin")).toHaveValue("web-checkout");
  await expect(titles(page)).toHaveText(["Debug trace"]);

  await level("debug").click();
  await expect(page.getByRole("heading", { name: "No errors match" })).toBeVisible();
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(titles(page)).toHaveCount(4);
  await expect(page.getByLabel("Origin")).toHaveValue("");
});

test("clearing the search while its query is still loading shows the whole list", async ({
  page,
  user,
}) => {
  await setUp(page, user, [{ title: "Slow answer" }, { title: "Other error" }]);
  await expect(titles(page)).toHaveCount(2);

  // The query for "answer" is held back until the box has been cleared.
  let cleared!: () => void;
  const boxCleared = new Promise<void>((resolve) => {
    cleared = resolve;
  });
  await page.route(/[?&]q=answer/, async (route) => {
    await boxCleared;
    await route.continue();
  });
  const search = page.getByLabel("Search errors");
  const sent = page.waitForRequest(/[?&]q=answer/);
  await search.fill("answer");
  await sent;
  await search.fill("");
  // Enter sends the cleared box at once, while the older query is still on its way.
  await search.press("Enter");
  const answered = page.waitForResponse(/[?&]q=answer/);
  cleared();
  await answered;
  await expect(page.locator("[data-pending]")).toHaveCount(0);
  await expect(titles(page)).toHaveCount(2);
  await expect(page).not.toHaveURL(/q=answer/);
  await expect(search).toHaveValue("");
});

test("archive hides an error, search finds it marked, unarchive restores it", async ({
  page,
  user,
}) => {
  await setUp(page, user, [{ title: "Archive me please" }, ...times(2, { title: "Keep me open" })]);
  await page.getByRole("button", { name: "Archive Archive me please" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Archived 1 error." })).toBeVisible();
  await expect(titles(page)).toHaveText(["Keep me open"]);

  await page.getByLabel("Search errors").fill("archive me");
  const row = page.getByRole("row", { name: /Archive me please/ });
  await expect(row.getByText("Archived", { exact: true })).toBeVisible();

  await page.getByLabel("Status").selectOption("archived");
  await expect(page).toHaveURL(/status=archived/);
  await expect(titles(page)).toHaveText(["Archive me please"]);

  await page.getByRole("button", { name: "Unarchive Archive me please" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Unarchived 1 error." })).toBeVisible();
  await expect(page.getByRole("heading", { name: "No errors match" })).toBeVisible();

  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(titles(page)).toHaveText(["Keep me open", "Archive me please"]);
  await expect(page.getByRole("table").getByText("Archived", { exact: true })).toHaveCount(0);
});

test("delete asks first, then removes the error for good", async ({ page, user }) => {
  const { token, created } = await setUp(page, user, [
    ...times(3, { title: "Delete me now" }),
    { title: "Survivor" },
  ]);
  const errorId = created[0]?.errorId;

  await page.getByRole("button", { name: "Delete Delete me now" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete this error?" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("3 events");
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(titles(page)).toHaveText(["Delete me now", "Survivor"]);

  await page.getByRole("button", { name: "Delete Delete me now" }).click();
  await dialog.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "Deleted 1 error." })).toBeVisible();
  await expect(titles(page)).toHaveText(["Survivor"]);

  const response = await page.request.get(`/api/errors/${errorId}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status()).toBe(404);
});

test("bulk archive, unarchive and delete selected rows", async ({ page, user }) => {
  await setUp(page, user, [
    ...times(4, { title: "Bulk one" }),
    ...times(3, { title: "Bulk two" }),
    ...times(2, { title: "Bulk three" }),
    { title: "Bulk keep" },
  ]);
  await page.getByRole("checkbox", { name: "Select Bulk one" }).check();
  await page.getByRole("checkbox", { name: "Select Bulk two" }).check();
  const bulk = page.getByRole("region", { name: "Bulk actions" });
  await expect(bulk).toContainText("2 selected");
  await bulk.getByRole("button", { name: "Archive selected" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Archived 2 errors." })).toBeVisible();
  await expect(titles(page)).toHaveText(["Bulk three", "Bulk keep"]);
  await expect(bulk).toBeHidden();

  await page.getByRole("checkbox", { name: "Select all errors on this page" }).check();
  await page.getByRole("checkbox", { name: "Select Bulk keep" }).uncheck();
  await expect(bulk).toContainText("1 selected");
  await bulk.getByRole("button", { name: "Delete selected" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("Bulk three");
  await dialog.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(titles(page)).toHaveText(["Bulk keep"]);

  await page.getByLabel("Status").selectOption("archived");
  await expect(titles(page)).toHaveText(["Bulk one", "Bulk two"]);
  await page.getByRole("checkbox", { name: "Select all errors on this page" }).check();
  await bulk.getByRole("button", { name: "Unarchive selected" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Unarchived 2 errors." })).toBeVisible();
  await page.getByLabel("Status").selectOption("");
  await expect(titles(page)).toHaveText(["Bulk one", "Bulk two", "Bulk keep"]);
});

test("pages through a long list with a cursor", async ({ page, user }) => {
  // Numbers in titles are grouped together on purpose, so each error gets its own fingerprint.
  const events = Array.from({ length: 27 }, (_, i) => ({
    title: `Paged error ${i}`,
    fingerprint: [`paged-${i}`],
  }));
  await setUp(page, user, events);
  await expect(titles(page)).toHaveCount(25);
  await page.getByRole("link", { name: "Next", exact: true }).click();
  await expect(page).toHaveURL(/cursor=/);
  await expect(titles(page)).toHaveCount(2);
  await page.getByRole("link", { name: "Previous", exact: true }).click();
  await expect(titles(page)).toHaveCount(25);
  await expect(page).not.toHaveURL(/cursor=/);
});

test("a new project explains how to send the first event", async ({ page, user }) => {
  await signUpToList(page, user);
  await expect(page.getByRole("heading", { name: /^No errors in .+ yet$/ })).toBeVisible();
  await expect(page.getByText("Authorization: Bearer $INGEST_KEY")).toBeVisible();
  await expect(page.getByRole("link", { name: /create a new key in Settings/ })).toHaveAttribute(
    "href",
    /^\/settings\?project=[a-z0-9-]+#keys$/,
  );
});

test("the list works at phone width without sideways scrolling @phone", async ({
  page,
  user,
  isMobile,
}) => {
  test.skip(!isMobile, "the card layout is for phones; the phone project runs this");
  await setUp(page, user, [
    ...times(2, {
      title: `A very long error title that would overflow a phone screen ${"x".repeat(120)}`,
      details: `Stack ${"frame ".repeat(80)}`,
      origin: "a-rather-long-origin-name-for-a-service",
    }),
    { title: "Short phone error", level: "fatal", origin: "phone-app" },
  ]);
  await expect(page.getByRole("table")).toBeHidden();
  await expect(page.getByRole("link", { name: "Short phone error" })).toBeVisible();
  const overflow = () =>
    page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(await overflow()).toBeLessThanOrEqual(0);

  await page.getByRole("button", { name: /^fatal$/i }).click();
  await expect(page.getByRole("link", { name: /A very long error title/ })).toBeHidden();
  await page.getByRole("button", { name: "Archive Short phone error" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Archived 1 error." })).toBeVisible();
  const card = page.getByRole("listitem").filter({ hasText: "Short phone error" });
  await expect(card.getByText("Archived", { exact: true })).toBeVisible();
  expect(await overflow()).toBeLessThanOrEqual(0);
});
