import { expect, newUser, signUp, submitSignupInPortuguese, test } from "./fixtures";

// What the server writes, for a browser that asks for Brazilian Portuguese.
test.use({ locale: "pt-BR" });

test("sign-up names the project and key in Portuguese; a refused form answers in Portuguese", async ({
  page,
}) => {
  const user = newUser("i18n-server");
  const first = user.name.split(" ")[0];

  await submitSignupInPortuguese(page, user);
  await expect(page.getByText(`Seu projeto “Projeto de ${first}” está pronto.`)).toBeVisible();
  await expect(page.getByText("Chave de ingestão padrão")).toBeVisible();

  // A name of spaces passes the browser's checks; the rule trims it and refuses, in Portuguese.
  await page.goto("/settings");
  await page.getByLabel(/New key name|nova chave/i).fill("   ");
  await page.getByRole("button", { name: /Create key|Criar chave/ }).click();
  await expect(page.getByText("Informe o nome.")).toBeVisible();
});

test("a list link with a bad parameter says what is wrong in Portuguese", async ({ page }) => {
  const user = newUser("i18n-list-link");
  await signUp(page, user, "pt-BR");

  await page.goto("/errors?sort=newest");
  await expect(page.getByText("Este link para a lista de erros não é válido")).toBeVisible();
  await expect(
    page.getByText("sort deve ser um de: frequency, level, lastSeen, firstSeen"),
  ).toBeVisible();
  await page.goto("/errors?cursor=not-a-cursor");
  await expect(page.getByText("cursor é inválido ou pertence a outra ordenação")).toBeVisible();
});
