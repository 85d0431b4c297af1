import { createServer, type Server, type Socket } from "node:net";
import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { findLastProjectId, rememberLastProject } from "@/db/queries/last-project";
import { listMembers, removeMember } from "@/db/queries/members";
import { setUserLocale } from "@/db/queries/profile";
import { listProjectsForUser } from "@/db/queries/projects";
import { createAccount } from "@/db/queries/users";
import { projectInvitations } from "@/db/schema";
import type { SmtpConfig } from "@/lib/mail/config";
import { testDatabases } from "@/tests/support/databases";
import {
  acceptInvitation,
  declineInvitation,
  inviteToProject,
  listInvitationsOfProject,
  listMyInvitations,
  MAX_PENDING_INVITATIONS,
  openInvitationLink,
} from "./invitations";

// This test's own SMTP servers: a real one, one that never answers, one that is down.
// Picked by the system when the servers listen, so that parallel runs never clash.
let SMTP_PORT = 0;
let SILENT_PORT = 0;
let DOWN_PORT = 0;
const BASE_URL = "https://errors.example.test";

interface Received {
  to: string[];
  raw: string;
}
const received: Received[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onAuth(auth, _session, callback) {
    callback(null, { user: auth.username });
  },
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => {
      received.push({
        to: session.envelope.rcptTo.map((r) => r.address),
        raw: Buffer.concat(chunks).toString("utf8"),
      });
      callback();
    });
  },
});
// Accepts connections and never says a word: a hung SMTP server.
const sockets = new Set<Socket>();
const silent: Server = createServer((socket) => {
  sockets.add(socket);
  socket.on("close", () => sockets.delete(socket));
});

beforeAll(async () => {
  const portOf = (server: { address(): unknown }) => (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  SMTP_PORT = portOf(smtp.server);
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  SILENT_PORT = portOf(silent);
  // A port that was free a moment ago and has nothing listening: a mail server that is down.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  DOWN_PORT = portOf(probe);
  await new Promise((resolve) => probe.close(resolve));
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => silent.close(resolve));
  await new Promise((resolve) => smtp.close(() => resolve(undefined)));
});

/** The mail server the next invite uses; reset to none after each test. */
let mail: SmtpConfig | null = null;
afterEach(() => {
  mail = null;
});

/** The text of a quoted-printable body, as a mail client shows it. */
function decodeQuotedPrintable(raw: string): string {
  return raw
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

describe.each(testDatabases())("invitations on $name", (database) => {
  let handle: DbHandle & { drop: () => Promise<void> };
  beforeAll(async () => {
    handle = await database.open();
  });
  afterAll(async () => {
    await handle?.drop();
  });

  const account = async (name: string) => {
    const created = await createAccount(handle.db, {
      name,
      email: `${name.toLowerCase()}-${Math.random().toString(36).slice(2)}@example.test`,
      password: "password-123",
    });
    return { ...created, userId: created.user.id, email: created.user.email };
  };
  const invite = (userId: number, project: number, email: string) =>
    inviteToProject(handle.db, {
      userId,
      project,
      readBody: async () => ({ email }),
      baseUrl: BASE_URL,
      mail,
    });
  const isMember = async (projectId: number, userId: number) =>
    (await listMembers(handle.db, { projectId })).some((m) => m.userId === userId);

  it("makes nobody a member before they accept, then exactly once", async () => {
    const owner = await account("Owner");
    const invitee = await account("Invitee");
    const { invitation, emailSent } = await invite(
      owner.userId,
      owner.project.id,
      invitee.email.toUpperCase(),
    );
    expect(emailSent).toBe(false);
    expect(invitation.email).toBe(invitee.email);
    const lifetime = invitation.expiresAt.getTime() - Date.now();
    expect(lifetime).toBeGreaterThan(6.9 * 24 * 3600_000);
    expect(lifetime).toBeLessThanOrEqual(7 * 24 * 3600_000);
    expect(await isMember(owner.project.id, invitee.userId)).toBe(false);
    expect(await listMyInvitations(handle.db, { userId: invitee.userId })).toEqual([
      expect.objectContaining({
        id: invitation.id,
        project: { id: owner.project.id, name: owner.project.name },
      }),
    ]);

    // Two accepts at once: one joins, the other finds nothing.
    const results = await Promise.allSettled([
      acceptInvitation(handle.db, { userId: invitee.userId, invitationId: invitation.id }),
      acceptInvitation(handle.db, { userId: invitee.userId, invitationId: invitation.id }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({
      reason: { kind: "not_found" },
    });
    expect(await isMember(owner.project.id, invitee.userId)).toBe(true);
    expect(await listMyInvitations(handle.db, { userId: invitee.userId })).toEqual([]);
    expect(
      await listInvitationsOfProject(handle.db, {
        userId: owner.userId,
        project: owner.project.id,
      }),
    ).toEqual([]);
  });

  it("refuses someone else's invitation and a declined one", async () => {
    const owner = await account("Owner");
    const invitee = await account("Invitee");
    const stranger = await account("Stranger");
    const { invitation } = await invite(owner.userId, owner.project.id, invitee.email);
    await expect(
      acceptInvitation(handle.db, { userId: stranger.userId, invitationId: invitation.id }),
    ).rejects.toMatchObject({ kind: "not_found", message: "Invitation not found." });
    await expect(
      declineInvitation(handle.db, { userId: stranger.userId, invitationId: invitation.id }),
    ).rejects.toMatchObject({ kind: "not_found" });
    expect(await isMember(owner.project.id, stranger.userId)).toBe(false);

    await declineInvitation(handle.db, { userId: invitee.userId, invitationId: invitation.id });
    await expect(
      acceptInvitation(handle.db, { userId: invitee.userId, invitationId: invitation.id }),
    ).rejects.toMatchObject({ kind: "not_found" });
    expect(await isMember(owner.project.id, invitee.userId)).toBe(false);
  });

  it("ignores an expired invitation, and inviting again makes a fresh one", async () => {
    const owner = await account("Owner");
    const invitee = await account("Invitee");
    const { invitation } = await invite(owner.userId, owner.project.id, invitee.email);
    await handle.db
      .update(projectInvitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(projectInvitations.id, invitation.id));

    await expect(
      acceptInvitation(handle.db, { userId: invitee.userId, invitationId: invitation.id }),
    ).rejects.toMatchObject({ kind: "not_found" });
    await expect(
      declineInvitation(handle.db, { userId: invitee.userId, invitationId: invitation.id }),
    ).rejects.toMatchObject({ kind: "not_found" });
    expect(await isMember(owner.project.id, invitee.userId)).toBe(false);
    expect(await listMyInvitations(handle.db, { userId: invitee.userId })).toEqual([]);
    expect(
      await listInvitationsOfProject(handle.db, {
        userId: owner.userId,
        project: owner.project.id,
      }),
    ).toEqual([]);

    const renewed = await invite(owner.userId, owner.project.id, invitee.email);
    expect(renewed.invitation.expiresAt.getTime()).toBeGreaterThan(Date.now());
    const joined = await acceptInvitation(handle.db, {
      userId: invitee.userId,
      invitationId: renewed.invitation.id,
    });
    expect(joined).toMatchObject({ project: { id: owner.project.id }, role: "member" });
  });

  it("renews an invitation sent again and caps the pending ones of a project", async () => {
    const owner = await account("Owner");
    const first = await invite(owner.userId, owner.project.id, "again@example.test");
    const second = await invite(owner.userId, owner.project.id, "AGAIN@example.test");
    expect(second.invitation.id).toBe(first.invitation.id);
    expect(second.invitation.expiresAt.getTime()).toBeGreaterThanOrEqual(
      first.invitation.expiresAt.getTime(),
    );
    for (let i = 1; i < MAX_PENDING_INVITATIONS; i++) {
      await invite(owner.userId, owner.project.id, `bulk-${i}@example.test`);
    }
    await expect(
      invite(owner.userId, owner.project.id, "one-too-many@example.test"),
    ).rejects.toMatchObject({ kind: "conflict" });
    // Renewing one already invited is still fine at the cap.
    await expect(
      invite(owner.userId, owner.project.id, "again@example.test"),
    ).resolves.toBeTruthy();
  });

  it("emails a link through a real SMTP server, which only its invitee can use", async () => {
    mail = {
      url: `smtp://user:secret@127.0.0.1:${SMTP_PORT}`,
      from: "Error Central <errors@example.test>",
    };
    const owner = await account("Mailer");
    const invitee = await account("Reader");
    const stranger = await account("Stranger");
    received.length = 0;
    const { invitation, emailSent } = await invite(owner.userId, owner.project.id, invitee.email);
    expect(emailSent).toBe(true);
    expect(received).toHaveLength(1);
    const [message] = received;
    expect(message?.to).toEqual([invitee.email]);
    expect(message?.raw).toMatch(/^From: Error Central <errors@example\.test>/m);
    const body = decodeQuotedPrintable(message?.raw ?? "");
    expect(body).toContain(`"${owner.project.name}"`);
    const token = body.match(/https:\/\/errors\.example\.test\/invitations\/(ecp_[\w-]{43})/)?.[1];
    expect(token).toBeDefined();
    // The token is stored only as its hash.
    const [stored] = await handle.db
      .select({ tokenHash: projectInvitations.tokenHash })
      .from(projectInvitations)
      .where(eq(projectInvitations.id, invitation.id));
    expect(stored?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored?.tokenHash).not.toContain(token);

    expect(
      await openInvitationLink(handle.db, { userId: stranger.userId, token: token ?? "" }),
    ).toEqual({
      status: "other_account",
      email: stranger.email,
    });
    expect(
      await openInvitationLink(handle.db, {
        userId: invitee.userId,
        token: `ecp_${"x".repeat(43)}`,
      }),
    ).toEqual({
      status: "invalid",
    });
    const opened = await openInvitationLink(handle.db, {
      userId: invitee.userId,
      token: token ?? "",
    });
    expect(opened).toMatchObject({
      status: "ok",
      invitation: {
        id: invitation.id,
        project: { id: owner.project.id },
        invitedBy: { name: "Mailer" },
      },
    });
    await acceptInvitation(handle.db, { userId: invitee.userId, invitationId: invitation.id });
    expect(await isMember(owner.project.id, invitee.userId)).toBe(true);
    // Used: the link no longer works.
    expect(
      await openInvitationLink(handle.db, { userId: invitee.userId, token: token ?? "" }),
    ).toEqual({
      status: "invalid",
    });
  });

  it("writes the email in the inviter's language, else in the one they invite from", async () => {
    mail = {
      url: `smtp://user:secret@127.0.0.1:${SMTP_PORT}`,
      from: "Error Central <errors@example.test>",
    };
    const owner = await account("Ana");
    received.length = 0;
    await setUserLocale(handle.db, { userId: owner.userId, locale: "pt-BR" });
    await invite(owner.userId, owner.project.id, "leitor@example.test");
    // Quoted-printable carries UTF-8 bytes, which decodeQuotedPrintable gives one per character.
    const text = () =>
      Buffer.from(decodeQuotedPrintable(received[0]?.raw ?? ""), "latin1").toString("utf8");
    const portuguese = text();
    expect(portuguese).toContain(`Ana convidou você para o projeto "${owner.project.name}"`);
    // Until a date written the Portuguese way: "O link vale até 8 de dez. de 2026, 14:03 UTC".
    expect(portuguese).toMatch(/O link vale até \d{1,2} de \S+ de \d{4}, \d{2}:\d{2} UTC\./);

    await setUserLocale(handle.db, { userId: owner.userId, locale: null });
    received.length = 0;
    await inviteToProject(handle.db, {
      userId: owner.userId,
      project: owner.project.id,
      readBody: async () => ({ email: "reader@example.test" }),
      baseUrl: BASE_URL,
      mail,
      locale: "pt-BR",
    });
    expect(text()).toContain("Aceite ou recuse o convite");
    received.length = 0;
    await invite(owner.userId, owner.project.id, "reader@example.test");
    expect(text()).toContain(`Ana invited you to the project "${owner.project.name}"`);
    expect(text()).toMatch(/The link works until [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{2}:\d{2} UTC\./);
  });

  it("still invites, promptly, when the SMTP server is down or never answers", async () => {
    const owner = await account("Owner");
    for (const port of [DOWN_PORT, SILENT_PORT]) {
      mail = { url: `smtp://127.0.0.1:${port}`, from: "Error Central <errors@example.test>" };
      const invitee = await account("Invitee");
      const started = Date.now();
      const { invitation, emailSent } = await invite(owner.userId, owner.project.id, invitee.email);
      const elapsed = Date.now() - started;
      expect(emailSent, String(port)).toBe(false);
      expect(elapsed, String(port)).toBeLessThan(8_000);
      expect(await listMyInvitations(handle.db, { userId: invitee.userId })).toEqual([
        expect.objectContaining({ id: invitation.id }),
      ]);
    }
  });

  it("remembers the project last opened in Settings while the user belongs to it", async () => {
    const owner = await account("Owner");
    const member = await account("Member");
    expect(await findLastProjectId(handle.db, member.userId)).toBeNull();
    const { invitation } = await invite(owner.userId, owner.project.id, member.email);
    await acceptInvitation(handle.db, { userId: member.userId, invitationId: invitation.id });
    await rememberLastProject(handle.db, { userId: member.userId, projectId: owner.project.id });
    expect(await findLastProjectId(handle.db, member.userId)).toBe(owner.project.id);
    expect((await listProjectsForUser(handle.db, member.userId)).map((p) => p.id)).toContain(
      owner.project.id,
    );
    await removeMember(handle.db, { projectId: owner.project.id, userId: member.userId });
    expect(await findLastProjectId(handle.db, member.userId)).toBeNull();
  });
});
