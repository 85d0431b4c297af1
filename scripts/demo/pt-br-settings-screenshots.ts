import path from "node:path";
import type { Browser } from "@playwright/test";
import type { Db } from "@/db/client";
import { acceptInvitation, upsertInvitation } from "@/db/queries/invitations";
import { setUserLocale } from "@/db/queries/profile";
import { createToken } from "@/db/queries/tokens";
import { createAccount } from "@/db/queries/users";
import { generateToken, hashToken } from "@/db/token-secrets";
import { signupNames } from "@/lib/auth/signup-names";
import { INVITATION_LIFETIME_MS, MAX_PENDING_INVITATIONS } from "@/lib/projects/invitations";

const BEATRIZ = {
  name: "Beatriz Lima",
  email: "beatriz@errorcentral.dev",
  password: "demo-password-789",
};
const CARLOS = {
  name: "Carlos Pereira",
  email: "carlos@errorcentral.dev",
  password: "demo-pw-012",
};

const SHOTS = [
  { suffix: "desktop", viewport: { width: 1280, height: 900 }, isMobile: false },
  { suffix: "phone", viewport: { width: 390, height: 844 }, isMobile: true },
] as const;

export interface PtBrScene {
  /** The link's token of the invitation to Beatriz: /invitations/<token>. */
  invitationToken: string;
}

/**
 * A team that works in Portuguese, written straight into the database before the server
 * starts (the emailed link's token is known only here): Beatriz, whose account speaks pt-BR,
 * owns her project with a second ingest key, Carlos as a member and an invitation pending;
 * Carlos has invited her to his own project.
 */
export async function seedPtBrSettings(db: Db): Promise<PtBrScene> {
  const names = (name: string) => signupNames(name, "pt-BR");
  const beatriz = await createAccount(db, { ...BEATRIZ, names: names(BEATRIZ.name) });
  const carlos = await createAccount(db, { ...CARLOS, names: names(CARLOS.name) });
  await setUserLocale(db, { userId: beatriz.user.id, locale: "pt-BR" });
  await setUserLocale(db, { userId: carlos.user.id, locale: "pt-BR" });
  const invite = async (projectId: number, from: number, email: string, token = "") => {
    const invitation = await upsertInvitation(db, {
      projectId,
      email,
      invitedByUserId: from,
      tokenHash: hashToken(token || generateToken("personal")),
      expiresAt: new Date(Date.now() + INVITATION_LIFETIME_MS),
      maxPending: MAX_PENDING_INVITATIONS,
    });
    if (!invitation) throw new Error(`could not invite ${email}`);
    return invitation;
  };
  const joined = await invite(beatriz.project.id, beatriz.user.id, CARLOS.email);
  await acceptInvitation(db, {
    invitationId: joined.id,
    userId: carlos.user.id,
    email: CARLOS.email,
  });
  await createToken(db, {
    userId: carlos.user.id,
    name: "api-cobranca produção",
    kind: "ingest",
    projectId: beatriz.project.id,
  });
  await invite(beatriz.project.id, beatriz.user.id, "daniela@errorcentral.dev");
  const invitationToken = generateToken("personal");
  await invite(carlos.project.id, carlos.user.id, BEATRIZ.email, invitationToken);
  return { invitationToken };
}

/**
 * Settings in Brazilian Portuguese (pt-br-settings-*.png, the whole page: invitations,
 * projects, keys, members, tokens) and the emailed invitation's page (pt-br-invitation-*.png),
 * 1280 and 390 wide, signed in as Beatriz.
 */
export async function ptBrSettingsScreenshots(
  browser: Browser,
  base: string,
  out: string,
  scene: PtBrScene,
) {
  for (const { suffix, viewport, isMobile } of SHOTS) {
    const context = await browser.newContext({
      viewport,
      isMobile,
      hasTouch: isMobile,
      locale: "pt-BR",
      deviceScaleFactor: isMobile ? 2 : 1,
    });
    const page = await context.newPage();
    await page.goto(`${base}/login`);
    await page.getByLabel("E-mail").fill(BEATRIZ.email);
    await page.getByLabel("Senha").fill(BEATRIZ.password);
    await page.getByRole("button", { name: "Entrar" }).click();
    await page.waitForURL(/\/errors/);
    await page.goto(`${base}/settings`);
    await page.getByRole("heading", { name: "Tokens pessoais da API" }).waitFor();
    await page.screenshot({ path: path.join(out, `pt-br-settings-${suffix}.png`), fullPage: true });
    await page.goto(`${base}/invitations/${scene.invitationToken}`);
    await page.getByRole("heading", { name: /^Entrar em / }).waitFor();
    await page.screenshot({ path: path.join(out, `pt-br-invitation-${suffix}.png`) });
    await context.close();
  }
}
