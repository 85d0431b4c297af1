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

/** The sign-up form filled in a pt-BR browser, through the Portuguese labels: on to welcome. */
export async function submitSignupInPortuguese(page: Page, user: NewUser) {
  await page.goto("/signup");
  await page.getByLabel("Nome").fill(user.name);
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByLabel("Senha").fill(user.password);
  await page.getByRole("button", { name: "Criar conta" }).click();
  await expect(page).toHaveURL(/\/welcome(\?|$)/);
}

/** Sign-up in a pt-BR browser, past the welcome page to the list. */
export async function signUpInPortuguese(page: Page, user: NewUser) {
  await submitSignupInPortuguese(page, user);
  await page.getByRole("link", { name: "Ir para os seus erros" }).click();
  await expect(page).toHaveURL(/\/errors$/);
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
