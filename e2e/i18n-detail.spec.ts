// An error's page and an event's page in Brazilian Portuguese, in a pt-BR browser: the summary,
// triage (resolve, archive), the activity, tags and events, and the event's own page.
import type { Page } from "@playwright/test";
import { type EventInput, ingest, times } from "./error-data";
import { expect, signUp, test } from "./fixtures";

test.use({ locale: "pt-BR" });
test.describe.configure({ timeout: 60_000 });

const event = (browser: string): EventInput => ({
  title: "Falha ao gerar boleto",
  details: "TypeError: valor indefinido",
  level: "warning",
  environment: "homolog",
  origin: "billing-api",
  release: "2.4.0",
  tags: { browser },
});

const notice = (page: Page, text: string | RegExp) =>
  page.getByRole("status").filter({ hasText: text });

test("an error's page in Portuguese: summary, tags, events, resolve, archive and activity", async ({
  page,
  user,
}) => {
  const { token } = await signUp(page, user, "pt-BR");
  const [created] = await ingest(page, token, [
    ...times(2, event("Chrome 120")),
    event("Firefox 121"),
  ]);
  await page.goto(`/errors/${created?.errorId}`);

  await expect(page.locator("html")).toHaveAttribute("lang", "pt-BR");
  await expect(
    page.getByRole("heading", {
      level: 1,
      name: /^Aviso em billing-api, \d{1,2} de \S+ de \d{4}, \d{2}:\d{2}/,
    }),
  ).toBeVisible();
  const summary = page.locator("dl[aria-label=Resumo]");
  await expect(summary).toContainText("Nível");
  await expect(summary).toContainText("Homologação");
  await expect(summary).toContainText("Primeira ocorrência");
  await expect(summary).toContainText("Última ocorrência");
  await expect(summary).toContainText("agora mesmo");
  await expect(summary).toContainText("Coletado por");

  await expect(page.getByRole("region", { name: "Detalhes", exact: true })).toContainText(
    "TypeError: valor indefinido",
  );
  await expect(page.getByRole("link", { name: "Último evento completo →" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Frequência" })).toContainText(
    "Eventos por hora, últimas 24 horas",
  );
  const tags = page.getByRole("region", { name: "Tags", exact: true });
  await expect(tags.getByRole("heading", { name: /browser/ })).toContainText(
    "3 eventos · 2 valores",
  );
  await expect(tags.getByRole("link", { name: /Chrome 120/ })).toHaveAttribute(
    "title",
    "Erros com browser Chrome 120",
  );
  const events = page.getByRole("region", { name: "Eventos (3)" });
  await expect(events).toContainText("Mais recentes primeiro");
  await expect(events.getByTestId("event")).toHaveCount(3);
  await expect(page.getByRole("region", { name: "Atividade" })).toContainText(
    "Nada ainda: resoluções, arquivamentos, atribuições e regressões ficam registrados aqui.",
  );
  await expect(page.getByRole("region", { name: "Lançamentos" })).toContainText(
    "Visto primeiro em",
  );

  // Resolve, then reopen.
  await page.getByRole("button", { name: "Resolver", exact: true }).click();
  await expect(notice(page, "Resolvido: o erro saiu da lista principal.")).toBeVisible();
  const banner = page.getByTestId("triage-banner");
  await expect(banner).toContainText(`Resolvido por ${user.name} agora mesmo.`);
  await expect(banner).toContainText("Qualquer novo evento o reabre como regressão.");
  await page.getByRole("button", { name: "Reabrir" }).click();
  await expect(notice(page, "Reaberto: o erro voltou à lista principal.")).toBeVisible();

  // Archive until more events arrive, then unarchive.
  await page.getByRole("button", { name: "Arquivar com uma condição" }).click();
  await page.getByRole("menuitem", { name: "Até mais 10 eventos" }).click();
  await expect(
    notice(page, "Arquivado: ele reabre como em escalada até mais 10 eventos."),
  ).toBeVisible();
  await expect(banner).toContainText(`Arquivado por ${user.name} agora mesmo até mais 10 eventos`);
  await expect(banner).toContainText("nenhum evento desde o arquivamento");
  await page.getByRole("button", { name: "Desarquivar" }).click();
  await expect(notice(page, "Desarquivado: o erro voltou à lista principal.")).toBeVisible();

  const activity = page.getByTestId("activity").getByRole("listitem");
  await expect(activity).toHaveCount(4);
  await expect(activity.nth(0)).toContainText(`${user.name} desarquivou`);
  await expect(activity.nth(1)).toContainText(`${user.name} arquivou até mais 10 eventos`);
  await expect(activity.nth(2)).toContainText(`${user.name} reabriu`);
  await expect(activity.nth(3)).toContainText(`${user.name} resolveu`);

  // Delete asks first, in Portuguese.
  await page.getByRole("button", { name: "Apagar", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Apagar este erro?" });
  await expect(dialog).toContainText("Isso não pode ser desfeito.");
  await expect(dialog.getByRole("button", { name: "Apagar erro" })).toBeVisible();
});

test("an event's page in Portuguese: summary, navigation and copy link; a missing one", async ({
  page,
  user,
}) => {
  const { token } = await signUp(page, user, "pt-BR");
  const [first] = await ingest(page, token, [event("Chrome 120")]);
  await ingest(page, token, [event("Firefox 121")]);
  await page.goto(`/errors/${first?.errorId}/events/${first?.id}`);

  await expect(
    page.getByRole("heading", { level: 1, name: /^Evento: Aviso em billing-api, \d{1,2} de / }),
  ).toBeVisible();
  await expect(page.getByText("Um de 2 eventos deste erro")).toBeVisible();
  const facts = page.locator("dl[aria-label=Evento]");
  await expect(facts).toContainText("Ocorreu");
  await expect(facts).toContainText("Recebido");
  await expect(facts).toContainText("ID do evento");
  await expect(facts).toContainText("Homologação");
  const nav = page.getByRole("navigation", { name: "Navegar pelos eventos" });
  await expect(nav.getByRole("link", { name: "Evento mais recente" })).toHaveAttribute(
    "href",
    /\/events\/\d+$/,
  );
  await expect(nav.getByRole("link", { name: "Primeiro evento" })).toHaveAttribute(
    "aria-disabled",
    "true",
  );
  await expect(page.getByRole("button", { name: "Copiar link deste evento" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Detalhes", exact: true })).toContainText(
    "TypeError: valor indefinido",
  );

  await nav.getByRole("link", { name: "Evento mais recente" }).click();
  await expect(page.getByRole("region", { name: "Tags", exact: true })).toContainText(
    "Firefox 121",
  );
  await page.getByRole("link", { name: /Voltar ao erro: Falha ao gerar boleto/ }).click();
  await expect(page.getByRole("region", { name: "Eventos (2)" })).toBeVisible();

  await page.goto(`/errors/${first?.errorId}/events/999999999`);
  await expect(page.getByRole("heading", { name: "Evento não encontrado" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Voltar aos erros" })).toBeVisible();
});
