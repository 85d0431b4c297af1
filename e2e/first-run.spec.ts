// A new user's first steps, and the small frictions they found (issue 17, item 7).
import type { Page } from "@playwright/test";
import { ingest, times, titles } from "./error-data";
import { expect, type NewUser, signUp, signUpInBrowser, signUpToList, test } from "./fixtures";

async function submitSignUp(page: Page, user: NewUser) {
  await page.goto("/signup");
  await page.getByLabel("Name").fill(user.name);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/welcome$/);
}

/** The welcome page deletes the cookie that carried the secrets as soon as it shows them. */
async function secretsForgotten(page: Page) {
  await expect
    .poll(async () => (await page.context().cookies()).map((cookie) => cookie.name))
    .not.toContain("ec-first-run");
}

const notice = (page: Page, text: string) => page.getByRole("status").filter({ hasText: text });

test("sign-up shows the ingest key, DSN and snippets once, then goes on to the list", async ({
  page,
  user,
}) => {
  await submitSignUp(page, user);
  await expect(page.getByText("Save these now — the key is not shown again.")).toBeVisible();
  const key = (await page.getByTestId("new-ingest-secret").textContent()) ?? "";
  const token = (await page.getByTestId("new-personal-secret").textContent()) ?? "";
  expect(key).toMatch(/^\S{20,}$/);
  expect(token).toMatch(/^\S{20,}$/);
  expect(key).not.toBe(token);
  const dsn = (await page.getByTestId("new-dsn").textContent()) ?? "";
  expect(dsn).toMatch(new RegExp(`^http://${key}@127\\.0\\.0\\.1:\\d+/\\d+$`));

  // The snippets carry the very key; the SDK ones the DSN.
  const snippets = page.getByRole("tablist", { name: "Ways to send events" });
  await expect(snippets.getByRole("tab", { name: "curl" })).toHaveAttribute(
    "aria-selected",
    "true",
  );
  await expect(page.getByRole("tabpanel")).toContainText(`Authorization: Bearer ${key}`);
  await snippets.getByRole("tab", { name: "@sentry/node" }).click();
  await expect(page.getByRole("tabpanel")).toContainText(`dsn: "${dsn}"`);

  // Both secrets are real: the key sends an event, the token reads it back.
  const sent = await page.request.post("/api/events", {
    headers: { authorization: `Bearer ${key}` },
    data: { title: "First event from the welcome page" },
  });
  expect(sent.status()).toBe(201);
  const read = await page.request.get("/api/errors", {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(read.status()).toBe(200);
  expect((await read.json()).items.map((item: { title: string }) => item.title)).toEqual([
    "First event from the welcome page",
  ]);

  // Shown once: once the page has them, the cookie is gone (the screen keeps them until the
  // user moves on) and a reload has them no more.
  await secretsForgotten(page);
  await expect(page.getByTestId("new-ingest-secret")).toHaveText(key);
  await page.reload();
  await expect(
    page.getByRole("heading", { name: "Your sign-up secrets were shown once and are gone" }),
  ).toBeVisible();
  await expect(page.getByTestId("new-ingest-secret")).toHaveCount(0);
  await expect(page.locator("body")).not.toContainText(key);
  await expect(
    page.getByRole("link", { name: "Create an ingest key in Settings" }),
  ).toHaveAttribute("href", "/settings#keys");

  await page.getByRole("link", { name: "Continue to your errors" }).click();
  await expect(page).toHaveURL(/\/errors$/);
  await expect(titles(page)).toHaveText(["First event from the welcome page"]);
});

test("another account in the same browser never sees the secrets", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  // Read off the sign-up answer itself: the welcome page deletes the cookie at once.
  const answer = page.waitForResponse(
    (response) =>
      response.request().method() === "POST" && new URL(response.url()).pathname === "/signup",
  );
  const id = Math.random().toString(36).slice(2, 10);
  await submitSignUp(page, {
    name: "First Person",
    email: `first-${id}@example.test`,
    password: `first-${id}-password`,
  });
  const setCookie = (await (await answer).headerValues("set-cookie")).find((value) =>
    value.startsWith("ec-first-run="),
  );
  expect(setCookie).toMatch(/; Path=\/welcome/i);
  expect(setCookie).toMatch(/; HttpOnly/i);
  const sealed = setCookie?.split(";")[0]?.slice("ec-first-run=".length) ?? "";
  expect(sealed.length).toBeGreaterThan(40);
  await context.close();

  // The sealed value replayed in someone else's session shows nothing.
  const other = await browser.newContext({ baseURL });
  const otherPage = await other.newPage();
  await signUpInBrowser(otherPage, {
    name: "Second Person",
    email: `second-${id}@example.test`,
    password: `second-${id}-password`,
  });
  await other.addCookies([{ name: "ec-first-run", value: sealed, url: `${baseURL}/welcome` }]);
  await otherPage.goto("/welcome");
  await expect(
    otherPage.getByRole("heading", { name: "Your sign-up secrets were shown once and are gone" }),
  ).toBeVisible();
  await expect(otherPage.getByTestId("new-ingest-secret")).toHaveCount(0);
  await other.close();
});

test("the empty list's link lands on the project's keys section", async ({ page, user }) => {
  await signUpToList(page, user);
  await expect(page.getByRole("heading", { name: /^No errors in / })).toBeVisible();
  await page.getByRole("link", { name: "create a new key in Settings" }).click();
  await expect(page).toHaveURL(/\/settings\?project=[^#]+#keys$/);
  await expect(page.getByRole("heading", { name: "Ingest keys", level: 2 })).toBeInViewport();
  await expect(page.getByRole("region", { name: "Ingest keys" })).toBeFocused();
  // Scrolled there: the section is below the profile and projects at the top of the page.
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(100);
});

test("rows under Other show their environment; ?environment=foo is its own tab", async ({
  page,
  user,
}) => {
  const { token } = await signUp(page, user);
  await ingest(page, token, [
    { title: "Canary failure", environment: "canary" },
    ...times(2, { title: "Edge failure", environment: "edge-eu" }),
    { title: "Production failure" },
  ]);

  await page.goto("/errors?environment=canary");
  const tabs = page.getByRole("navigation", { name: "Environments" });
  await expect(tabs.getByRole("link", { name: "canary, 1 error" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(tabs.getByRole("link", { name: "Other, 2 errors" })).not.toHaveAttribute(
    "aria-current",
  );
  await expect(titles(page)).toHaveText(["Canary failure"]);

  // An environment nobody sent to is named too, and empty, not an "Other" that looks empty.
  await page.goto("/errors?environment=nowhere");
  await expect(tabs.getByRole("link", { name: "nowhere, 0 errors" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(page.getByRole("heading", { name: "No open errors in nowhere" })).toBeVisible();

  await tabs.getByRole("link", { name: "Other, 2 errors" }).click();
  await expect(page).toHaveURL(/environment=other/);
  await expect(titles(page)).toHaveText(["Edge failure", "Canary failure"]);
  const edge = page.getByRole("row", { name: /Edge failure/ });
  await expect(edge.getByTestId("row-environment")).toHaveText("Environment: edge-eu");
  const canary = page.getByRole("row", { name: /Canary failure/ });
  await expect(canary.getByTestId("row-environment")).toHaveText("Environment: canary");

  // A single environment's tab needs no badge on each row.
  await tabs.getByRole("link", { name: /^Production/ }).click();
  await expect(titles(page)).toHaveText(["Production failure"]);
  await expect(page.getByRole("table").getByTestId("row-environment")).toHaveCount(0);
});

test("the status control says what a search shows", async ({ page, user }) => {
  const { token } = await signUp(page, user);
  await ingest(page, token, [{ title: "Shelved payment error" }, { title: "Open payment error" }]);
  await page.goto("/errors");
  await page.getByRole("button", { name: "Archive Shelved payment error" }).click();
  await expect(notice(page, "Archived 1 error.")).toBeVisible();

  const status = page.getByRole("combobox", { name: /^Status/ });
  await expect(status.locator("option:checked")).toHaveText("Open");
  await page.getByLabel(/^Search errors/).fill("payment");
  await expect(page).toHaveURL(/q=payment/);
  await expect(status.locator("option:checked")).toHaveText("All statuses (search)");
  await expect(titles(page)).toHaveCount(2);
  await page.getByLabel(/^Search errors/).fill("");
  await expect(page).not.toHaveURL(/q=/);
  await expect(status.locator("option:checked")).toHaveText("Open");
});

test("the last owner is told before trying that they cannot leave", async ({ page, user }) => {
  await signUp(page, user);
  await page.goto("/settings");
  const members = page.getByRole("list", { name: /^Members of / });
  const leave = members.getByRole("button", { name: /^Leave / });
  await expect(leave).toBeDisabled();
  await expect(leave).toHaveAccessibleDescription(
    "You are this project's only owner, so you cannot leave it: a project always keeps an owner.",
  );
  await expect(page.getByRole("dialog")).toHaveCount(0);
});

test("the Unarchived notice offers Undo", async ({ page, user }) => {
  const { token } = await signUp(page, user);
  await ingest(page, token, [{ title: "Bring me back" }, { title: "Stay open" }]);
  await page.goto("/errors");
  await page.getByRole("button", { name: "Archive Bring me back" }).click();
  await expect(notice(page, "Archived 1 error.")).toBeVisible();

  await page.getByRole("combobox", { name: /^Status/ }).selectOption("archived");
  await expect(titles(page)).toHaveText(["Bring me back"]);
  await page.getByRole("button", { name: "Unarchive Bring me back" }).click();
  await expect(notice(page, "Unarchived 1 error.")).toBeVisible();
  await expect(page.getByRole("heading", { name: /^No archived errors/ })).toBeVisible();

  await notice(page, "Unarchived 1 error.").getByRole("button", { name: "Undo" }).click();
  await expect(notice(page, "Archived 1 error.")).toBeVisible();
  await expect(titles(page)).toHaveText(["Bring me back"]);
  // Archived again: gone from the open list.
  await page.getByRole("combobox", { name: /^Status/ }).selectOption("");
  await expect(page).not.toHaveURL(/status=/);
  await expect(titles(page)).toHaveText(["Stay open"]);
});

test("the chosen project is remembered across pages", async ({ page, user }) => {
  const { token } = await signUp(page, user);
  await ingest(page, token, [{ title: "In the first project" }]);
  const created = await page.request.post("/api/projects", {
    headers: { authorization: `Bearer ${token}` },
    data: { name: "Checkout service" },
  });
  expect(created.status()).toBe(201);
  const second = (await created.json()).project as { id: number; slug: string; name: string };
  const sent = await page.request.post("/api/events", {
    headers: { authorization: `Bearer ${token}` },
    data: { title: "In the checkout service", project: second.slug },
  });
  expect(sent.status()).toBe(201);

  await page.goto("/errors");
  await expect(titles(page)).toHaveText(["In the first project"]);
  await page.getByRole("combobox", { name: /^Project/ }).selectOption(second.slug);
  await expect(page).toHaveURL(new RegExp(`project=${second.slug}`));
  await expect(titles(page)).toHaveText(["In the checkout service"]);

  // Settings opens on it, and so does the list again from the main navigation.
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole("heading", { name: second.name, level: 2 })).toBeVisible();
  await nav.getByRole("link", { name: "Errors" }).click();
  await expect(page).toHaveURL(/\/errors$/);
  await expect(titles(page)).toHaveText(["In the checkout service"]);
  await expect(page.getByRole("combobox", { name: /^Project/ })).toHaveValue(second.slug);
});

test("the welcome page fits a phone screen @phone", async ({ page, user, isMobile }) => {
  test.skip(!isMobile, "phone layout only");
  await submitSignUp(page, user);
  await expect(page.getByTestId("new-ingest-secret")).toBeVisible();
  await expect(page.getByTestId("new-dsn")).toBeVisible();
  // No sideways scrolling at phone width, with the long key, DSN and snippets.
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
  }));
  expect(widths.page).toBeLessThanOrEqual(widths.viewport);
  await expect(page.getByRole("link", { name: "Continue to your errors" })).toBeVisible();
});
