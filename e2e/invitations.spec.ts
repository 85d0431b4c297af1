import { randomUUID } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { SMTPServer } from "smtp-server";
import { continuePastWelcome, expect, newUser, signUp, test } from "./fixtures";

// The server under test sends mail to SMTP_URL = the port after its own (playwright.config.ts).
const SMTP_PORT = Number(process.env.E2E_PORT ?? 3210) + 1;
const mails: { to: string[]; raw: string }[] = [];
let smtp: SMTPServer | null = null;

// One worker for the file: only it listens on the SMTP port.
// Two or three users each: longer than the default timeout on a busy machine.
test.describe.configure({ mode: "serial", timeout: 90_000 });

test.beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        mails.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  const server = smtp;
  await new Promise<void>((resolve) => server.listen(SMTP_PORT, "127.0.0.1", resolve));
});

test.afterAll(async () => {
  const server = smtp;
  if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** An owner with a project of a unique name, made over the API. */
async function ownerWithProject(request: APIRequestContext) {
  const owner = newUser("owner");
  const signup = await request.post("/api/auth/signup", { data: owner });
  expect(signup.status()).toBe(201);
  const token = (await signup.json()).token as string;
  const name = `Shared ${randomUUID().slice(0, 6)}`;
  const created = await request.post("/api/projects", {
    headers: { Authorization: `Bearer ${token}` },
    data: { name },
  });
  expect(created.status()).toBe(201);
  return { owner, token, project: (await created.json()).project as { id: number; name: string } };
}

/** The link of the last invitation mailed to `email`, decoded from quoted-printable. */
async function mailedLink(email: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(() => {
      const mail = mails.findLast((m) => m.to.includes(email));
      const text = mail?.raw
        .replace(/=\r?\n/g, "")
        .replace(/=([0-9A-F]{2})/g, (_, hex: string) =>
          String.fromCharCode(Number.parseInt(hex, 16)),
        );
      link = text?.match(/https?:\/\/\S+\/invitations\/ecp_[\w-]{43}/)?.[0];
      return link;
    })
    .toBeTruthy();
  return link ?? "";
}

test("an owner invites; the invitee sees it in Settings, accepts, and the project is theirs", async ({
  page,
  browser,
  user,
}) => {
  // The owner, in their own browser.
  const ownerContext = await browser.newContext();
  const ownerPage = await ownerContext.newPage();
  // A first name unlike the invitee's ("Tester"), so the two sign-up projects differ.
  const owner = { ...newUser("owner"), name: `Olga ${randomUUID().slice(0, 6)}` };
  await signUp(ownerPage, owner);
  await ownerPage.goto("/settings");
  const ownProject = `${owner.name.split(" ")[0]}'s project`;
  await expect(ownerPage.getByRole("heading", { name: ownProject, level: 2 })).toBeVisible();

  // The invitee signs up, and is not in the owner's project.
  await signUp(page, user);
  await ownerPage.getByLabel("Invite a member by email").fill(user.email);
  await ownerPage.getByRole("button", { name: "Invite", exact: true }).click();
  await expect(ownerPage.getByRole("status")).toContainText(`Invitation sent to ${user.email}`);
  await expect(
    ownerPage.getByRole("list", { name: /^Pending invitations to/ }).getByRole("listitem"),
  ).toContainText(user.email);

  await page.goto("/settings");
  const invitations = page.getByRole("list", { name: "Your invitations" });
  const invitation = invitations.getByRole("listitem");
  await expect(invitation).toContainText(ownProject);
  await expect(invitation).toContainText(`from ${owner.name}`);
  // Not a member yet: the project selector offers only their own project.
  await expect(page.getByLabel("Project", { exact: true })).toHaveCount(0);

  await invitation.getByRole("button", { name: `Accept the invitation to ${ownProject}` }).click();
  await expect(page).toHaveURL(/\/settings\?project=/);
  await expect(page.getByRole("heading", { name: ownProject, level: 2 })).toBeVisible();
  await expect(page.getByText("(you are a member)")).toBeVisible();
  await expect(page.getByRole("list", { name: "Your invitations" })).toHaveCount(0);

  // Settings now opens on the project last used there.
  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: ownProject, level: 2 })).toBeVisible();

  // The owner sees them as a member, and no pending invitation.
  await ownerPage.reload();
  await expect(
    ownerPage.getByRole("list", { name: /^Members of/ }).getByRole("listitem"),
  ).toHaveCount(2);
  await expect(ownerPage.getByRole("list", { name: /^Pending invitations to/ })).toHaveCount(0);
  await ownerContext.close();
});

test("the invitee declines in Settings and stays out", async ({ page, request, user }) => {
  const { token, project } = await ownerWithProject(request);
  await signUp(page, user);
  const invited = await request.post(`/api/projects/${project.id}/invitations`, {
    headers: { Authorization: `Bearer ${token}` },
    data: { email: user.email },
  });
  expect(invited.status()).toBe(202);
  await page.goto("/settings");
  await page.getByRole("button", { name: `Decline the invitation to ${project.name}` }).click();
  await expect(page.getByRole("list", { name: "Your invitations" })).toHaveCount(0);
  await page.goto(`/settings?project=${project.id}`);
  await expect(page.getByText(`There is no project “${project.id}” among yours`)).toBeVisible();
});

test("the emailed link brings a new invitee through sign-up back to the invitation; it is not for anyone else", async ({
  page,
  browser,
  request,
}) => {
  const { owner, token, project } = await ownerWithProject(request);
  const invitee = newUser("new-invitee");
  const invited = await request.post(`/api/projects/${project.id}/invitations`, {
    headers: { Authorization: `Bearer ${token}` },
    data: { email: invitee.email },
  });
  expect(invited.status()).toBe(202);
  expect((await invited.json()).emailSent).toBe(true);
  const link = await mailedLink(invitee.email);
  const path = new URL(link).pathname;

  // Another signed-in account is told plainly, without the project.
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signUp(other, newUser("other"));
  await other.goto(path);
  await expect(
    other.getByRole("heading", { name: "This invitation is for another account" }),
  ).toBeVisible();
  await expect(other.getByText(project.name)).toHaveCount(0);
  await otherContext.close();

  // Signed out: to the login page, on to sign-up, and back to the invitation.
  await page.goto(path);
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await page.getByRole("link", { name: "Create an account" }).click();
  await expect(page).toHaveURL(/\/signup\?callbackUrl=/);
  await page.getByLabel("Name").fill(invitee.name);
  await page.getByLabel("Email").fill(invitee.email);
  await page.getByLabel("Password").fill(invitee.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await continuePastWelcome(page);
  await expect(page).toHaveURL(new RegExp(`${path}$`));
  await expect(page.getByRole("heading", { name: `Join ${project.name}` })).toBeVisible();
  await expect(page.getByText(`${owner.name} invited you`)).toBeVisible();
  await page.getByRole("button", { name: `Accept the invitation to ${project.name}` }).click();
  await expect(page).toHaveURL(/\/settings\?project=/);
  await expect(page.getByRole("heading", { name: project.name, level: 2 })).toBeVisible();

  // Used once: the link now says it does not work, also after logging in again.
  await page.goto(path);
  await expect(page.getByRole("heading", { name: "Invitation not valid" })).toBeVisible();
});

test("in Portuguese: the emailed link's page, for another account and for the invitee, who accepts", async ({
  browser,
  request,
}) => {
  const { owner, token, project } = await ownerWithProject(request);
  const invitee = newUser("convidada");
  const invited = await request.post(`/api/projects/${project.id}/invitations`, {
    headers: { Authorization: `Bearer ${token}`, "Accept-Language": "pt-BR" },
    data: { email: invitee.email },
  });
  expect(invited.status()).toBe(202);
  const path = new URL(await mailedLink(invitee.email)).pathname;

  const otherContext = await browser.newContext({ locale: "pt-BR" });
  const other = await otherContext.newPage();
  await signUp(other, newUser("outra"), "pt-BR");
  await other.goto(path);
  await expect(
    other.getByRole("heading", { name: "Este convite é para outra conta" }),
  ).toBeVisible();
  await expect(other.getByText("Saia, depois entre ou crie uma conta")).toBeVisible();
  await expect(other.getByText(project.name)).toHaveCount(0);
  await otherContext.close();

  const context = await browser.newContext({ locale: "pt-BR" });
  const page = await context.newPage();
  await signUp(page, invitee, "pt-BR");
  await page.goto(path);
  await expect(page).toHaveTitle(/^Convite/);
  await expect(page.getByRole("heading", { name: `Entrar em ${project.name}` })).toBeVisible();
  const text = page.getByText(`${owner.name} convidou você para o projeto ${project.name}`);
  await expect(text).toContainText(`O convite foi enviado para ${invitee.email}`);
  await expect(text).toContainText(/e expira em \d{1,2} de \S+ de \d{4}\.$/);
  await expect(
    page.getByRole("button", { name: `Recusar o convite para ${project.name}` }),
  ).toBeVisible();
  await page.getByRole("button", { name: `Aceitar o convite para ${project.name}` }).click();
  await expect(page).toHaveURL(/\/settings\?project=/);
  await expect(page.getByRole("heading", { name: project.name, level: 2 })).toBeVisible();
  await expect(page.getByText("(você é membro)")).toBeVisible();
  await context.close();
});
