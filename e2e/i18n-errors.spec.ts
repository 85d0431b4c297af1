import type { Page } from "@playwright/test";
import { apiToken, ingest, times, titles } from "./error-data";
import { expect, newUser, signUp, signUpToList, test } from "./fixtures";

// A browser that asks for Brazilian Portuguese: the errors list answers in it.
test.use({ locale: "pt-BR" });
// The first test walks the whole list (tabs, search, archive, Undo, shortcuts): on a loaded
// 2-core CI machine it took 31.8 s of the default 30 s, as its siblings' long tests get 60 s.
test.describe.configure({ timeout: 60_000 });

const notice = (page: Page, text: string | RegExp) =>
  page.getByRole("status").filter({ hasText: text });

test("the list in Portuguese: tabs, search with syntax and free text, archive with Undo", async ({
  page,
}) => {
  const user = newUser("i18n-errors");
  await signUpToList(page, user, "pt-BR");
  // No events yet: the first-run hint, in Portuguese.
  await expect(page.getByRole("heading", { name: /^Ainda não há erros em / })).toBeVisible();

  const token = await apiToken(page, user);
  await ingest(page, token, [
    ...times(3, { title: "Timeout calling payments", origin: "billing-api" }),
    { title: "Disk full", level: "warning", origin: "storage" },
    ...times(2, { title: "Only in staging", environment: "homologação" }),
    { title: "Only in dev", environment: "dev" },
  ]);
  await page.goto("/errors");

  await expect(page.getByRole("heading", { name: "Erros", level: 1 })).toBeVisible();
  const tabs = page.getByRole("navigation", { name: "Ambientes" });
  await expect(tabs.getByRole("link", { name: "Produção, 2 erros" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(tabs.getByRole("link", { name: "Homologação, 1 erro" })).toBeVisible();
  await expect(tabs.getByRole("link", { name: "Desenvolvimento, 1 erro" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: /^Eventos/ })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: /Última ocorrência/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "aviso", exact: true })).toBeVisible();
  await expect(page.getByTestId("page-range")).toHaveText("1–2 de 2");

  await tabs.getByRole("link", { name: /^Homologação/ }).click();
  await expect(page).toHaveURL(/environment=staging/);
  await expect(titles(page)).toHaveText(["Only in staging"]);
  await tabs.getByRole("link", { name: /^Produção/ }).click();
  await expect(titles(page)).toHaveCount(2);

  // Search: the syntax's keys stay as they are; the problems are said in Portuguese.
  const search = page.getByLabel("Buscar erros");
  await search.fill("lvl:error");
  await search.press("Enter");
  await expect(
    page.getByRole("alert").filter({ hasText: 'Chave desconhecida "lvl"' }),
  ).toBeVisible();
  await search.fill("level:warning");
  await search.press("Enter");
  await expect(page).toHaveURL(/level=warning/);
  await expect(titles(page)).toHaveText(["Disk full"]);
  await expect(page.getByText("Buscando erros abertos, resolvidos e arquivados.")).toBeVisible();
  await search.fill('"Timeout calling"');
  await search.press("Enter");
  await expect(page).toHaveURL(/q=Timeout\+calling/);
  await expect(titles(page)).toHaveText(["Timeout calling payments"]);
  await search.fill("nothing like this");
  await search.press("Enter");
  await expect(page.getByRole("heading", { name: "Nenhum erro encontrado" })).toBeVisible();
  await page.getByRole("link", { name: "Limpar filtros" }).click();
  await expect(titles(page)).toHaveCount(2);

  // Archive from the row, then Undo from the notice.
  await page.getByRole("button", { name: "Arquivar Disk full" }).click();
  await expect(notice(page, "1 erro arquivado.")).toBeVisible();
  await expect(titles(page)).toHaveText(["Timeout calling payments"]);
  await page.getByRole("button", { name: "Desfazer" }).click();
  await expect(notice(page, "1 erro desarquivado.")).toBeVisible();
  await expect(titles(page)).toHaveText(["Timeout calling payments", "Disk full"]);

  // The archived view marks what came in since, in Portuguese.
  await page.getByRole("button", { name: "Arquivar Disk full" }).click();
  await expect(notice(page, "1 erro arquivado.")).toBeVisible();
  await page.getByLabel("Status").selectOption("archived");
  await expect(titles(page)).toHaveText(["Disk full"]);
  await page.getByRole("button", { name: "Desarquivar Disk full" }).click();
  await expect(notice(page, "1 erro desarquivado.")).toBeVisible();
  await expect(
    page.getByRole("heading", { name: "Nenhum erro arquivado em Produção" }),
  ).toBeVisible();

  // The keyboard shortcuts' help.
  await page.getByLabel("Status").selectOption("");
  await expect(titles(page)).toHaveCount(2);
  await page.getByRole("heading", { name: "Erros", level: 1 }).click();
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Atalhos de teclado" })).toBeVisible();
  await page.getByRole("button", { name: "Fechar", exact: true }).click();
});

test("the list in Portuguese on a phone @phone", async ({ page, isMobile }) => {
  test.skip(!isMobile, "the card layout is for phones; the phone project runs this");
  const user = newUser("i18n-errors-phone");
  const { token } = await signUp(page, user, "pt-BR");
  await ingest(page, token, [
    ...times(2, { title: "Timeout calling payments", origin: "billing-api" }),
  ]);
  await page.goto("/errors");
  const list = page.getByRole("list").filter({ hasText: "Timeout calling payments" });
  await expect(
    list.getByRole("button", { name: "Arquivar Timeout calling payments" }),
  ).toBeVisible();
  await expect(list.getByText(/^agora$|^há \d+ min$/).first()).toBeVisible();
});
