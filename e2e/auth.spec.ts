import type { Page } from "@playwright/test";
import { expect, signOut, signUpInBrowser, test } from "./fixtures";

test("sign up, see the shell, sign out, log in again", async ({ page, user }) => {
  await signUpInBrowser(page, user);
  await expect(page.getByRole("heading", { name: "Errors", exact: true })).toBeVisible();
  await expect(page.getByTestId("user-name")).toHaveText(user.name);
  await expect(page.getByRole("link", { name: /Error Central/ })).toBeVisible();

  await signOut(page);

  // Signed out, a dashboard page sends the visitor to the login page.
  await page.goto("/errors");
  await expect(page).toHaveURL(/\/login/);

  await page.getByLabel("Email").fill(user.email.toUpperCase());
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/errors$/);
  await expect(page.getByTestId("user-name")).toHaveText(user.name);
});

test("a wrong password shows an error and keeps the email", async ({ page, user }) => {
  await signUpInBrowser(page, user);
  await signOut(page);

  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Invalid" })).toHaveText(
    "Invalid email or password.",
  );
  await expect(page.getByLabel("Email")).toHaveValue(user.email);
  await expect(page).toHaveURL(/\/login/);
});

/** Clicks "Log in" and waits for the server action's answer, so each attempt is counted once. */
async function submitLogin(page: Page) {
  await Promise.all([
    page.waitForResponse(
      (r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/login",
    ),
    page.getByRole("button", { name: "Log in" }).click(),
  ]);
}

test("the login form says so when an address is locked out for an email", async ({
  page,
  user,
}) => {
  await signUpInBrowser(page, user);
  await signOut(page);
  test.setTimeout(90_000); // Twelve password checks (argon2) in a row.
  // The form's own alert (Next's route announcer is an alert too).
  const formAlert = page.locator("form").getByRole("alert");
  // LOGIN_FAILURES_PER_EMAIL_AND_IP is 10: the eleventh attempt is refused before any check.
  for (let attempt = 1; attempt <= 11; attempt++) {
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(`wrong password ${attempt}`);
    await submitLogin(page);
    await expect(formAlert).toHaveText(
      attempt <= 10 ? "Invalid email or password." : "Too many failed attempts; try again later.",
    );
  }
  // Even the right password waits now, from this address.
  await page.getByLabel("Password").fill(user.password);
  await submitLogin(page);
  await expect(formAlert).toHaveText("Too many failed attempts; try again later.");
  await expect(page).toHaveURL(/\/login/);
});

test("sign-up shows inline errors for each field", async ({ page, user }) => {
  await page.goto("/signup");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Name is required.")).toBeVisible();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await expect(page.getByText("Password must be at least 8 characters.")).toBeVisible();
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");

  await signUpInBrowser(page, user);
  await signOut(page);
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Someone else");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill("long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("An account with this email already exists.")).toBeVisible();
});

test("sign up and sign out at phone width @phone", async ({ page, user }) => {
  await signUpInBrowser(page, user);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});
