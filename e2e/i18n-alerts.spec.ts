// Settings → Alerts in Brazilian Portuguese, in a pt-BR browser: the rule form (with the
// language of the rule's messages), the rules list, a test send and the delivery log.
import { type Receiver, startReceiver } from "@/tests/support/receivers";
import { expect, signUp, test } from "./fixtures";

test.use({ locale: "pt-BR" });
test.describe.configure({ timeout: 60_000 });

// The e2e server runs with ALLOW_PRIVATE_WEBHOOKS=true: the receivers listen on 127.0.0.1.
let ok: Receiver;
let moved: Receiver;
test.beforeEach(async () => {
  ok = await startReceiver(() => ({ status: 200 }));
  moved = await startReceiver(() => ({
    status: 301,
    headers: { location: "https://hooks.example.test/novo" },
  }));
});
test.afterEach(async () => {
  await Promise.all([ok.close(), moved.close()]);
});

test("a rule created in Portuguese: the form, the rules list, a test and the delivery log", async ({
  page,
  user,
}) => {
  await signUp(page, user, "pt-BR");
  await page.goto("/settings");
  const door = page.locator("#alerts");
  await expect(door.getByRole("heading", { name: "Alertas" })).toBeVisible();
  await expect(door).toContainText("Nenhuma regra de alerta ainda.");
  await door.getByRole("link", { name: "Gerenciar alertas" }).click();

  await expect(page.locator("html")).toHaveAttribute("lang", "pt-BR");
  await expect(page.getByRole("heading", { level: 1, name: /^Alertas de / })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Regras de alerta" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Registro de envios" })).toBeVisible();
  await expect(page.getByText("Nenhuma regra de alerta ainda.")).toBeVisible();
  await expect(page.getByText(/^Nada enviado ainda\./)).toBeVisible();

  await page.getByRole("link", { name: "Nova regra" }).click();
  await expect(page.getByRole("heading", { name: "Nova regra de alerta" })).toBeVisible();
  await expect(page).toHaveTitle(/Nova regra de alerta/);
  const form = page.getByRole("form", { name: /^Nova regra de alerta de / });
  // A new rule writes its messages in the page's language unless told otherwise.
  await expect(form.getByLabel("Idioma das mensagens")).toHaveValue("pt-BR");
  await expect(form.getByText("Os e-mails e as mensagens de chat da regra")).toBeVisible();
  await expect(form.getByLabel("Todos os ambientes")).toBeChecked();
  await form.getByLabel("Só estes ambientes").check();
  await expect(form.getByLabel("Produção")).toBeChecked();
  await expect(form.getByLabel("Homologação")).toBeVisible();
  await expect(form.getByLabel("Desenvolvimento")).toBeVisible();
  await expect(form.getByText("Staging", { exact: false })).toHaveCount(0);
  await form.getByLabel("Nome da regra").fill("Tudo para o receptor");
  await form.getByLabel("Homologação").check();
  await form.getByLabel("Nível mínimo").selectOption({ label: "Qualquer nível" });

  const first = form.getByRole("listitem", { name: "Canal 1" });
  await first.getByLabel("URL do webhook").fill("ftp://example.test/hook");
  await form.getByRole("button", { name: "Adicionar um canal" }).click();
  const second = form.getByRole("listitem", { name: "Canal 2" });
  await second.getByLabel("Canal 2", { exact: true }).selectOption({ label: "Slack" });
  await second.getByLabel("URL do webhook").fill(`${moved.url}/antigo`);
  // A mistake first: the refusal in Portuguese, beside its field.
  await form.getByRole("button", { name: "Criar regra" }).click();
  await expect(form.getByRole("alert")).toContainText("Alguns campos precisam de correção");
  await expect(first.getByText("url deve ser uma URL http:// ou https://.")).toBeVisible();

  await first.getByLabel("URL do webhook").fill(`${ok.url}/hooks/error-central`);
  await form.getByRole("button", { name: "Criar regra" }).click();
  const secrets = page.getByRole("region", { name: "Novos segredos de webhook" });
  await expect(secrets).toContainText("“Tudo para o receptor” salva.");
  await expect(page.getByTestId("new-webhook-secret")).toBeVisible();
  await secrets.getByRole("link", { name: "Concluir" }).click();

  // The rules list in Portuguese, with the rule's language.
  const rules = page.getByRole("list", { name: /^Regras de alerta de / });
  const row = rules.getByRole("listitem").filter({ hasText: "Tudo para o receptor" });
  await expect(row).toContainText("Novo erro · Regressão");
  await expect(row).toContainText(
    "Produção, Homologação · Qualquer nível · espera 30 min · resumo acima de 5",
  );
  await expect(row).toContainText("Mensagens em Português (Brasil)");
  const channels = row.getByRole("list", { name: "Canais de Tudo para o receptor" });
  await expect(channels).toContainText("Webhook");
  await expect(channels).toContainText("assinado");
  await expect(channels).toContainText("Slack");

  // Send a test: one channel delivered, the other refused with the reason in Portuguese.
  await row
    .getByRole("button", { name: "Enviar um alerta de teste de Tudo para o receptor" })
    .click();
  const results = row.getByRole("list", { name: "Resultado do teste de Tudo para o receptor" });
  await expect(results).toContainText("Entregue");
  await expect(results).toContainText("Falhou");
  const redirect =
    "redirecionamento (301 para https://hooks.example.test/novo) não seguido: use a URL final";
  await expect(results).toContainText(redirect);
  expect(ok.requests).toHaveLength(1);

  // The delivery log: statuses, the test's title, the error and every attempt in Portuguese.
  const log = page.getByRole("list", { name: /^Envios de / });
  const failed = log.getByTestId("alert-delivery").filter({ hasText: "Falhou" });
  await expect(failed).toContainText("Teste");
  // The test's sample error is written in the rule's language.
  await expect(failed).toContainText("Alerta de teste do Error Central");
  await expect(failed).toContainText(redirect);
  await failed.getByText("1 tentativa").click();
  await expect(failed).toContainText(`HTTP 301 — ${redirect}`);
  await expect(failed.locator("time").last()).toHaveText(/^\d{1,2} de \S+, \d{2}:\d{2}:\d{2} UTC$/);
  await expect(log.getByTestId("alert-delivery").filter({ hasText: "Entregue" })).toContainText(
    /entregue (agora|há)/,
  );
  const filters = page.getByRole("form", { name: "Filtrar o registro de envios" });
  await filters.getByLabel("Situação").selectOption({ label: "Falhou" });
  await filters.getByRole("button", { name: "Filtrar" }).click();
  await expect(page).toHaveURL(/status=failed/);
  await expect(log.getByTestId("alert-delivery")).toHaveCount(1);

  // One action in Portuguese: the switch turns the rule off.
  const toggle = row.getByRole("switch", { name: "Ativada: Tudo para o receptor" });
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-checked", "false");
  await expect(row).toContainText("Desativada");

  // The language is saved and can change: the edit form shows it, the list follows.
  await row.getByRole("link", { name: "Editar a regra Tudo para o receptor" }).click();
  await expect(page.getByRole("heading", { name: "Editar “Tudo para o receptor”" })).toBeVisible();
  const language = page.getByLabel("Idioma das mensagens");
  await expect(language).toHaveValue("pt-BR");
  await language.selectOption({ label: "English" });
  await page.getByRole("button", { name: "Salvar regra" }).click();
  await expect(row).toContainText("Mensagens em English");
});

test("Settings → Alerts in Portuguese on a phone @phone", async ({ page, user }) => {
  await signUp(page, user, "pt-BR");
  await page.goto("/settings/alerts");
  await page.getByRole("link", { name: "Nova regra" }).click();
  const form = page.getByRole("form", { name: /^Nova regra de alerta de / });
  await form.getByLabel("Nome da regra").fill("Regra do celular");
  await form.getByRole("listitem", { name: "Canal 1" }).getByLabel("URL do webhook").fill(ok.url);
  await form.getByRole("button", { name: "Criar regra" }).click();
  await page.getByRole("link", { name: "Concluir" }).click();
  await page.getByRole("button", { name: /^Enviar um alerta de teste/ }).click();
  await expect(page.getByRole("list", { name: /^Resultado do teste/ })).toContainText("Entregue");
  for (const path of ["/settings/alerts", "/settings/alerts/new"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    // Nothing overflows the narrow screen, with the longer Portuguese words.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});
