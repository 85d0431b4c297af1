import { expect, newUser, test } from "./fixtures";

// A browser that asks for Brazilian Portuguese, as a team in Brazil would have.
test.use({ locale: "pt-BR" });

test("a pt-BR browser gets Portuguese; the account keeps the language chosen in the header", async ({
  page,
}) => {
  const user = newUser("i18n");

  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "pt-BR");
  await expect(page.getByRole("heading", { name: "Entrar" })).toBeVisible();
  await expect(page.getByLabel("Senha")).toBeVisible();
  await page.getByRole("link", { name: "Criar uma conta" }).click();

  await expect(page.getByRole("heading", { name: "Crie sua conta" })).toBeVisible();
  await page.getByRole("button", { name: "Criar conta" }).click();
  await expect(page.getByText("Informe seu nome.")).toBeVisible();
  await page.getByLabel("Nome").fill(user.name);
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByLabel("Senha").fill(user.password);
  await page.getByRole("button", { name: "Criar conta" }).click();

  await expect(page).toHaveURL(/\/welcome(\?|$)/);
  await expect(page.getByRole("heading", { name: /^Boas-vindas ao Error Central/ })).toBeVisible();
  await page.getByRole("link", { name: "Ir para os seus erros" }).click();
  await expect(page).toHaveURL(/\/errors$/);

  const nav = page.getByRole("navigation", { name: "Principal" });
  await expect(nav.getByRole("link", { name: "Erros" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Configurações" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sair", exact: true })).toBeVisible();

  await page.getByRole("link", { name: "Configurações" }).click();
  await expect(page.getByRole("heading", { name: "Configurações", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Senha e sessões" })).toBeVisible();
  await expect(page.getByText(/criado (agora|há \d+ minutos?)/).first()).toBeVisible();

  // Switching to English from the header is saved on the account: a reload keeps it.
  await page.getByLabel("Idioma").selectOption("en");
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.reload();
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();

  // Signed out, the login page follows the cookie the switcher set, not Accept-Language.
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { name: "Log in" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test("the account's language wins over the browser's in a new browser", async ({ browser }) => {
  const user = newUser("i18n-account");
  const portuguese = await browser.newContext({ locale: "pt-BR" });
  const page = await portuguese.newPage();
  await page.goto("/signup");
  await page.getByLabel("Nome").fill(user.name);
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByLabel("Senha").fill(user.password);
  await page.getByRole("button", { name: "Criar conta" }).click();
  await page.getByRole("link", { name: "Ir para os seus erros" }).click();
  await page.getByLabel("Idioma").selectOption("en");
  await expect(page.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();
  await portuguese.close();

  // Another pt-BR browser without the cookie: the login page is Portuguese, the app English.
  const other = await browser.newContext({ locale: "pt-BR" });
  const second = await other.newPage();
  await second.goto("/login");
  await expect(second.getByRole("heading", { name: "Entrar" })).toBeVisible();
  await second.getByLabel("E-mail").fill(user.email);
  await second.getByLabel("Senha").fill(user.password);
  await second.getByRole("button", { name: "Entrar" }).click();
  await expect(second).toHaveURL(/\/errors/);
  await expect(second.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();
  await other.close();
});

test("the login page switches language while signed out @phone", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Entrar" })).toBeVisible();
  await page.getByLabel("Idioma").selectOption("en");
  await expect(page.getByRole("heading", { name: "Log in" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Log in" })).toBeVisible();
  await page.getByLabel("Language").selectOption("pt-BR");
  await expect(page.getByRole("heading", { name: "Entrar" })).toBeVisible();
});
