import { expect, signOut, signUpInBrowser, signUpToList, test } from "./fixtures";

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
  await signUpToList(page, user);
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

test("the login form says so when an address is locked out for an email", async ({
  page,
  request,
  user,
}) => {
  await signUpToList(page, user);
  await signOut(page);
  // Ten wrong passwords from this address through the token route, which counts by the same
  // (email, address) as the form: LOGIN_FAILURES_PER_EMAIL_AND_IP is 10.
  for (let attempt = 1; attempt <= 10; attempt++) {
    const res = await request.post("/api/auth/token", {
      data: { email: user.email, password: `wrong password ${attempt}` },
    });
    expect(res.status()).toBe(401);
  }
  // The form's own alert (Next's route announcer is an alert too).
  const formAlert = page.locator("form").getByRole("alert");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill("wrong password 11");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(formAlert).toHaveText("Too many failed attempts; try again later.");
  await expect(page).toHaveURL(/\/login/);
  // Even the right password waits now, from this address.
  const right = await request.post("/api/auth/token", {
    data: { email: user.email, password: user.password },
  });
  expect(right.status()).toBe(429);
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
