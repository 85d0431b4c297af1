import { randomUUID } from "node:crypto";
import { test as base, expect, type Page } from "@playwright/test";

export interface NewUser {
  name: string;
  email: string;
  password: string;
}

export function newUser(label = "e2e"): NewUser {
  const id = randomUUID().slice(0, 8);
  return {
    name: `Tester ${id}`,
    email: `${label}-${id}@example.test`,
    password: `pw-${randomUUID()}`,
  };
}

export async function signUpInBrowser(page: Page, user: NewUser) {
  await page.goto("/signup");
  await page.getByLabel("Name").fill(user.name);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await continuePastWelcome(page);
  await expect(page).toHaveURL(/\/errors$/);
}

export interface Account {
  /** The personal token sign-up makes (the user's only project is the token's). */
  token: string;
  project: { id: number; name: string; slug: string };
}

/**
 * A new account for a test that is not about signing up: created through the public API
 * (POST /api/auth/signup), then this page's browser context logged in through Auth.js's own
 * credentials endpoint, which checks the password as the login form does and sets the same
 * session cookie. No page is opened: the test goes where it starts. (The forms themselves are
 * tested in a browser: auth.spec.ts, first-run.spec.ts, i18n.spec.ts, i18n-server.spec.ts.)
 * `locale` names the project and keys in that language, as a sign-up from such a browser does.
 */
export async function signUp(page: Page, user: NewUser, locale = "en-US"): Promise<Account> {
  const created = await page.request.post("/api/auth/signup", {
    data: { name: user.name, email: user.email, password: user.password },
    headers: { "accept-language": locale },
  });
  expect(created.status()).toBe(201);
  const account = await created.json();
  await logInThroughApi(page, user);
  return { token: account.token, project: account.project };
}

/** Auth.js's credentials sign-in for this page's browser context (its CSRF token first). */
async function logInThroughApi(page: Page, user: Pick<NewUser, "email" | "password">) {
  const csrf = await page.request.get("/api/auth/csrf");
  expect(csrf.status()).toBe(200);
  const { csrfToken } = await csrf.json();
  const response = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: user.email, password: user.password, callbackUrl: "/errors" },
    maxRedirects: 0,
  });
  // Signed in: on to the callback URL. A refused login goes back to /login with an error.
  expect(response.status()).toBe(302);
  expect(new URL(response.headers().location ?? "", "http://x").pathname).toBe("/errors");
}

/** signUp, then the error list. */
export async function signUpToList(page: Page, user: NewUser, locale?: string) {
  const account = await signUp(page, user, locale);
  await page.goto("/errors");
  await expect(page).toHaveURL(/\/errors$/);
  return account;
}

/** The sign-up form filled in a pt-BR browser, through the Portuguese labels: on to welcome. */
export async function submitSignupInPortuguese(page: Page, user: NewUser) {
  await page.goto("/signup");
  await page.getByLabel("Nome").fill(user.name);
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByLabel("Senha").fill(user.password);
  await page.getByRole("button", { name: "Criar conta" }).click();
  await expect(page).toHaveURL(/\/welcome(\?|$)/);
}

/** Sign-up lands on the welcome page (the new key, shown once); its button goes on. */
export async function continuePastWelcome(page: Page) {
  await expect(page).toHaveURL(/\/welcome(\?|$)/);
  await expect(page.getByTestId("new-ingest-secret")).toBeVisible();
  await page.getByRole("link", { name: /^Continue/ }).click();
}

export const test = base.extend<{ user: NewUser }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature
  user: async ({}, use) => {
    await use(newUser());
  },
});

export { expect };

/** Signs out through the shell and waits until the login page is really shown. */
export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { name: "Log in" })).toBeVisible();
}
