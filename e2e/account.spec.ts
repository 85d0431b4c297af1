import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expect, type NewUser, signOut, signUp, signUpToList, test } from "./fixtures";

// Several browsers and argon2 hashing per test: slow on a busy machine.
test.describe.configure({ timeout: 120_000 });

/** Another browser (its own cookie jar) logged in as the user through the login form. */
async function logInElsewhere(browser: Browser, user: NewUser, password = user.password) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/errors$/);
  return { context, page };
}

/** A dashboard page in that browser now lands on the login page: its session has ended. */
async function expectSignedOut(page: Page) {
  await page.goto("/errors");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { name: "Log in" })).toBeVisible();
}

async function sessionCookieHeader(context: BrowserContext): Promise<string> {
  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name === "authjs.session-token");
  if (!session) throw new Error("no session cookie");
  return `${session.name}=${session.value}`;
}

test("a cookie saved before the header's Sign out is refused when replayed", async ({
  page,
  browser,
  request,
  user,
}) => {
  await signUpToList(page, user);
  const saved = await page.context().cookies();
  const cookie = await sessionCookieHeader(page.context());
  expect((await request.get("/api/projects", { headers: { cookie } })).status()).toBe(200);

  await signOut(page);

  expect((await request.get("/api/projects", { headers: { cookie } })).status()).toBe(401);
  // The stolen cookie in a fresh browser: sent to the login page, which it can use (no loop).
  const replay = await browser.newContext();
  await replay.addCookies(saved);
  const replayPage = await replay.newPage();
  await expectSignedOut(replayPage);
  await replayPage.goto("/settings");
  await expect(replayPage).toHaveURL(/\/login/);
  await replayPage.getByLabel("Email").fill(user.email);
  await replayPage.getByLabel("Password").fill(user.password);
  await replayPage.getByRole("button", { name: "Log in" }).click();
  await expect(replayPage).toHaveURL(/\/errors$/);
  await expect(replayPage.getByTestId("user-name")).toHaveText(user.name);
  await replay.close();
});

test("changing the password signs out the other browsers, not this one", async ({
  page,
  browser,
  user,
}) => {
  await signUp(page, user);
  const other = await logInElsewhere(browser, user);

  await page.goto("/settings#security");
  const form = page.getByRole("form", { name: "Change password" });
  await form.getByLabel("Current password").fill("not my password");
  await form.getByLabel("New password").fill("a new password for e2e");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("The current password is wrong.")).toBeVisible();
  await expect(form.getByLabel("Current password")).toHaveAttribute("aria-invalid", "true");

  await form.getByLabel("Current password").fill(user.password);
  await form.getByLabel("New password").fill("short");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("Password must be at least 8 characters.")).toBeVisible();

  const newPassword = "a new password for e2e";
  await form.getByLabel("Current password").fill(user.password);
  await form.getByLabel("New password").fill(newPassword);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("status")).toHaveText(
    "Password changed. 1 other session was signed out.",
  );

  // This browser is still signed in; the other one is not.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Settings", exact: true })).toBeVisible();
  await expectSignedOut(other.page);

  // The old password no longer logs in; the new one does.
  await other.page.getByLabel("Email").fill(user.email);
  await other.page.getByLabel("Password").fill(user.password);
  await other.page.getByRole("button", { name: "Log in" }).click();
  await expect(other.page.getByRole("alert").filter({ hasText: "Invalid" })).toBeVisible();
  await other.page.getByLabel("Password").fill(newPassword);
  await other.page.getByRole("button", { name: "Log in" }).click();
  await expect(other.page).toHaveURL(/\/errors$/);
  await other.context.close();
});

test("sign out everywhere ends every session, this one too", async ({ page, browser, user }) => {
  await signUpToList(page, user);
  const other = await logInElsewhere(browser, user);
  const cookie = await sessionCookieHeader(page.context());

  await page.goto("/settings#security");
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  const dialog = page.getByRole("dialog", { name: "Sign out everywhere?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { name: "Log in" })).toBeVisible();

  await expectSignedOut(other.page);
  const replay = await page.request.get("/api/projects", { headers: { cookie } });
  expect(replay.status()).toBe(401);
  await other.context.close();
});

test("a personal token can be made to expire; screenshots of the changed sections", async ({
  page,
  user,
}) => {
  await signUp(page, user);
  await page.goto("/settings");
  await page.getByLabel("New token name").fill("weekly script");
  await page.getByLabel("Expires").selectOption({ label: "7 days" });
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByTestId("new-personal-secret")).toHaveText(/^ecp_/);

  const expected = new Date(Date.now() + 7 * 86_400_000).toLocaleDateString("en", {
    year: "numeric",
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  });
  const list = page.getByRole("list", { name: "Personal tokens" });
  await expect(list.getByRole("listitem").filter({ hasText: "weekly script" })).toContainText(
    `expires ${expected}`,
  );
  await expect(list.getByRole("listitem").filter({ hasText: "Created at sign-up" })).toContainText(
    "never expires",
  );

  for (const [name, width] of [
    ["desktop", 1280],
    ["phone", 390],
  ] as const) {
    await page.setViewportSize({ width, height: 900 });
    await page.reload();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.locator("#tokens").screenshot({ path: `/tmp/sessions-tokens-${name}.png` });
    await page.locator("#security").screenshot({ path: `/tmp/sessions-security-${name}.png` });
  }
});
