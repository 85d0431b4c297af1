import { expect, test } from "./fixtures";

// A signed-out browser that asks for Brazilian Portuguese.
test.use({ locale: "pt-BR" });

test("the API guide in Portuguese: prose, reference and status codes; the code stays; copy a sample", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const response = await page.goto("/docs");
  await expect(page.locator("html")).toHaveAttribute("lang", "pt-BR");
  await expect(page).toHaveTitle(/^Guia da API · /);
  await expect(page.getByRole("heading", { name: "Guia da API", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Autenticação", level: 2 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Referência dos endpoints" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Criar conta" })).toBeVisible();

  // Staging's name on the tabs, in Portuguese; the aliases themselves are code.
  const sending = page.locator("#sending-events");
  await expect(sending).toContainText("→ staging (exibido como “Homologação”)");
  await expect(sending).toContainText("Campos desconhecidos são ignorados.");
  await expect(sending.locator("code", { hasText: /^homologação$/ })).toBeVisible();
  await expect(page.locator("#errors")).toContainText("Corpo grande demais");
  await expect(page.locator("#errors")).toContainText("segue o Accept-Language do pedido");

  // The reference: its frame and bounds in Portuguese, paths, names and types as they are.
  const ingest = page.locator("#post-api-events");
  await expect(
    ingest.getByRole("heading", { name: "POST /api/events", exact: true }),
  ).toBeVisible();
  await expect(ingest).toContainText("Corpo: Variante 1: um objeto JSON");
  await expect(ingest).toContainText("1–255 caracteres");
  await expect(ingest).toContainText("obrigatório");
  await expect(ingest).toContainText("Respostas");
  // The OpenAPI document's own words, from the docs catalogue; the document stays English.
  await expect(ingest).toContainText("Enviar um evento, um array ou {events: [...]}");
  await expect(ingest).toContainText("No máximo 1000 eventos e 1 MiB por pedido");
  await expect(ingest).toContainText("Não existe, ou não é seu");
  await expect(page.locator("#get-api-errors")).toContainText("Tamanho da página");
  const openapi = await page.request.get("/api/openapi.json", {
    headers: { "Accept-Language": "pt-BR" },
  });
  const contract = (await openapi.json()) as {
    paths: Record<string, { post?: { summary: string } }>;
  };
  expect(contract.paths["/api/events"]?.post?.summary).toBe(
    "Ingest one event, an array, or {events: [...]}",
  );
  await expect(page.locator("#get-api-health")).toContainText("pública");
  await expect(
    page.getByRole("heading", { name: "Projetos, chaves de ingestão e membros" }),
  ).toBeVisible();

  // A code sample: the command is untouched; its copy button speaks Portuguese.
  const copy = page.getByRole("button", { name: "Copiar exemplo com curl" });
  await expect(copy).toHaveText("Copiar");
  await copy.click();
  await expect(copy).toHaveText("Copiado");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(
    /^curl -X POST http:\/\/[^ ]+\/api\/events \\\n {2}-H "Authorization: Bearer \$INGEST_KEY"/,
  );

  // A server component page: the guide's words are not sent again for the browser's code.
  const html = (await response?.text()) ?? "";
  for (const namespace of [
    "DocsPage",
    "DocStatuses",
    "EndpointReference",
    "DocsSchema",
    "DocsOpenApi",
  ])
    expect(html, namespace).not.toContain(namespace);

  // The switcher in the public header turns the guide to English.
  await page.getByLabel("Idioma").selectOption("en");
  await expect(page.getByRole("heading", { name: "API guide", level: 1 })).toBeVisible();
  await expect(page.locator("#sending-events")).toContainText("→ staging (shown as “Staging”)");
  await expect(page.locator("#post-api-events")).toContainText(
    "Ingest one event, an array, or {events: [...]}",
  );
});

test("the guide follows the locale cookie over the browser's language", async ({ browser }) => {
  const english = await browser.newContext({ locale: "en-US" });
  const page = await english.newPage();
  await page.goto("/docs");
  await expect(page.getByRole("heading", { name: "API guide", level: 1 })).toBeVisible();
  await english.addCookies([{ name: "locale", value: "pt-BR", url: page.url() }]);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Guia da API", level: 1 })).toBeVisible();
  await english.close();
});

test("the guide's table of contents in Portuguese on a phone @phone", async ({
  page,
  isMobile,
}) => {
  test.skip(!isMobile, "the folded table of contents is for narrow screens");
  await page.goto("/docs");
  const contents = page.locator("details").filter({ hasText: "Nesta página" });
  await contents.getByText("Nesta página").click();
  await contents.getByRole("link", { name: "Agrupamento" }).click();
  await expect(page).toHaveURL(/#grouping$/);
  await expect(page.getByRole("heading", { name: "Agrupamento", level: 2 })).toBeInViewport();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});
