import { randomUUID } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { expect, newUser, signUp, test } from "./fixtures";

// Settings' keys, members and invitations, and the invitation page, for a pt-BR browser.
test.use({ locale: "pt-BR" });
test.describe.configure({ timeout: 60_000 });

/** An owner (over the API) with a project of a unique name. */
async function ownerWithProject(request: APIRequestContext, token?: string) {
  let bearer = token;
  if (!bearer) {
    const signup = await request.post("/api/auth/signup", { data: newUser("owner") });
    expect(signup.status()).toBe(201);
    bearer = (await signup.json()).token as string;
  }
  const headers = { Authorization: `Bearer ${bearer}` };
  const created = await request.post("/api/projects", {
    headers,
    data: { name: `Compartilhado ${randomUUID().slice(0, 6)}` },
  });
  expect(created.status()).toBe(201);
  const project = (await created.json()).project as { id: number; name: string };
  return { token: bearer, headers, project };
}

test("keys and members in Portuguese: a key created and revoked, an invitation sent and revoked", async ({
  page,
  user,
}) => {
  await signUp(page, user, "pt-BR");
  await page.goto("/settings");
  const project = `Projeto de ${user.name.split(" ")[0]}`;

  // Ingest keys: the explanation, the sign-up's key, and a new key made here.
  const keysSection = page.getByRole("region", { name: "Chaves de ingestão" });
  await expect(keysSection).toContainText("Authorization: Bearer <chave>");
  await expect(keysSection).toContainText(`Uma chave só pode enviar eventos para ${project}.`);
  await expect(keysSection).toContainText("Como proprietário, você pode revogar qualquer chave.");
  const keys = page.getByRole("list", { name: `Chaves de ingestão de ${project}` });
  await expect(keys.getByRole("listitem").first()).toContainText("Chave de ingestão padrão");
  await expect(keys.getByRole("listitem").first()).toContainText(/chave [0-9a-f]{8}…/);

  await page.getByLabel("Nome da nova chave").fill("chave da cobrança");
  await page.getByRole("button", { name: "Criar chave" }).click();
  await expect(page.getByTestId("new-ingest-secret")).toHaveText(/^[0-9a-f]{32}$/);
  const row = keys.getByRole("listitem").filter({ hasText: "chave da cobrança" });
  await expect(row).toContainText("Ativo");
  await row.getByRole("button", { name: "Revogar a chave de ingestão chave da cobrança" }).click();
  const dialog = page.getByRole("dialog", { name: "Revogar “chave da cobrança”?" });
  await expect(dialog).toContainText("passam a ser recusados com 401");
  await dialog.getByRole("button", { name: "Revogar chave" }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText("Revogado");

  // Members: the owner alone, who cannot leave, and says why before trying.
  const membersSection = page.getByRole("region", { name: "Membros", exact: true });
  await expect(membersSection).toContainText("um projeto sempre mantém pelo menos um proprietário");
  const me = page.getByRole("list", { name: `Membros de ${project}` }).getByRole("listitem");
  await expect(me).toHaveCount(1);
  await expect(me).toContainText("(você)");
  await expect(me).toContainText("Proprietário");
  await expect(me).toContainText(/entrou (agora|há \d+ minutos?)/);
  const leave = me.getByRole("button", { name: `Sair de ${project}` });
  await expect(leave).toBeDisabled();
  await expect(leave).toHaveAccessibleDescription(
    "Você é o único proprietário deste projeto, então não pode sair dele: um projeto sempre mantém um proprietário.",
  );

  // An invitation, sent and revoked in Portuguese.
  await page.getByLabel("Convidar um membro por e-mail").fill("colega@example.test");
  await expect(page.getByText("Ele expira em 7 dias.")).toBeVisible();
  await page.getByRole("button", { name: "Convidar", exact: true }).click();
  await expect(membersSection.getByRole("status")).toHaveText(
    /^Convite enviado para colega@example\.test( por e-mail)?\. A pessoa entra no projeto quando aceitar o convite nas Configurações\.$/,
  );
  const pending = page.getByRole("list", { name: `Convites pendentes para ${project}` });
  const invited = pending.getByRole("listitem");
  await expect(invited).toContainText("Convidado");
  await expect(invited).toContainText(
    new RegExp(`enviado (agora|há \\d+ minutos?) por ${user.name}`),
  );
  await expect(invited).toContainText(/expira em \d{1,2} de \S+ de \d{4}/);
  await invited.getByRole("button", { name: "Revogar o convite para colega@example.test" }).click();
  const revoke = page.getByRole("dialog", { name: "Revogar o convite para colega@example.test?" });
  await revoke.getByRole("button", { name: "Revogar convite" }).click();
  await expect(pending).toHaveCount(0);
});

test("invitations in Portuguese: one revoked meanwhile says so, another is accepted, then left", async ({
  page,
  request,
  user,
}) => {
  const first = await ownerWithProject(request);
  const second = await ownerWithProject(request, first.token);
  for (const { headers, project } of [first, second]) {
    const invited = await request.post(`/api/projects/${project.id}/invitations`, {
      headers,
      data: { email: user.email },
    });
    expect(invited.status()).toBe(202);
  }
  await signUp(page, user, "pt-BR");
  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "Convites", level: 2 })).toBeVisible();
  const mine = page.getByRole("list", { name: "Seus convites" }).getByRole("listitem");
  await expect(mine).toHaveCount(2);
  await expect(mine.first()).toContainText(/de Tester \w+, (agora|há \d+ minutos?)/);
  await expect(mine.first()).toContainText(/expira em \d{1,2} de \S+ de \d{4}/);

  // The second project's owner revokes theirs before it is answered.
  const listed = await request.get(`/api/projects/${second.project.id}/invitations`, {
    headers: second.headers,
  });
  const [revoked] = (await listed.json()).items as { id: string }[];
  const deleted = await request.delete(
    `/api/projects/${second.project.id}/invitations/${revoked?.id}`,
    { headers: second.headers },
  );
  expect(deleted.status()).toBe(204);
  await page.getByRole("button", { name: `Recusar o convite para ${second.project.name}` }).click();
  await expect(page.getByRole("list", { name: "Seus convites" }).getByRole("alert")).toHaveText(
    "Este convite não é mais válido: ele foi revogado, respondido ou expirou.",
  );

  await page.getByRole("button", { name: `Aceitar o convite para ${first.project.name}` }).click();
  await expect(page).toHaveURL(/\/settings\?project=/);
  await expect(page.getByRole("heading", { name: first.project.name, level: 2 })).toBeVisible();
  await expect(page.getByText("(você é membro)")).toBeVisible();
  await expect(page.getByRole("region", { name: "Membros", exact: true })).toContainText(
    "Os proprietários convidam e removem membros; você pode sair do projeto.",
  );

  // Leaving, in Portuguese: back to Settings without the project.
  const members = page.getByRole("list", { name: `Membros de ${first.project.name}` });
  await members.getByRole("button", { name: `Sair de ${first.project.name}` }).click();
  const dialog = page.getByRole("dialog", { name: `Sair de ${first.project.name}?` });
  await expect(dialog).toContainText("Você perde o acesso aos erros dele");
  await dialog.getByRole("button", { name: "Sair do projeto" }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole("heading", { name: first.project.name, level: 2 })).toHaveCount(0);

  // A link that does not work, in Portuguese.
  await page.goto(`/invitations/ecp_${"x".repeat(43)}`);
  await expect(page).toHaveTitle(/^Convite/);
  await expect(page.getByRole("heading", { name: "Convite inválido" })).toBeVisible();
  await expect(
    page.getByText("Peça ao proprietário do projeto que convide você de novo."),
  ).toBeVisible();
  await page.getByRole("link", { name: "Ir para as Configurações" }).click();
  await expect(page.getByRole("heading", { name: "Configurações", level: 1 })).toBeVisible();
});

test("Settings in Portuguese fit a phone @phone", async ({ page, user, isMobile }) => {
  test.skip(!isMobile, "the phone project runs this");
  await signUp(page, user, "pt-BR");
  await page.goto("/settings");
  await page
    .getByLabel("Convidar um membro por e-mail")
    .fill("uma-colega-de-nome-longo@example.test");
  await page.getByRole("button", { name: "Convidar", exact: true }).click();
  await expect(page.getByRole("list", { name: /^Convites pendentes para / })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Sair de Projeto de / })).toBeDisabled();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});
