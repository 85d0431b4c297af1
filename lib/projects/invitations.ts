import type { Db } from "@/db/client";
import {
  acceptInvitation as acceptInvitationRow,
  declineInvitation as declineInvitationRow,
  deleteProjectInvitation,
  findLiveInvitationByTokenHash,
  type InvitationReceipt,
  listInvitationsForEmail,
  listProjectInvitations,
  type MyInvitation,
  type ProjectInvitationSummary,
  upsertInvitation,
} from "@/db/queries/invitations";
import { findProjectForMember, type ProjectAccess } from "@/db/queries/projects";
import { findUserById, findUserLocale, normalizeEmail } from "@/db/queries/users";
import { generateToken, hashToken } from "@/db/token-secrets";
import { conflict, forbidden, notFound, parseWith } from "@/lib/domain-errors";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/config";
import { formatDateTime } from "@/lib/i18n/format";
import { message, serverTranslator, type Text } from "@/lib/i18n/server-messages";
import { isUuid } from "@/lib/ids";
import type { SmtpConfig } from "@/lib/mail/config";
import { sendMail } from "@/lib/mail/send";
import { inviteSchema } from "@/lib/schemas/projects";
import { requireProjectAccess } from "./access";

/** How long an invitation can be accepted. */
export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
/** Live invitations one project may have at once: inviting is not a way to send mass mail. */
export const MAX_PENDING_INVITATIONS = 100;

/** The emailed link: `<base>/invitations/<token>`. */
export function invitationUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/invitations/${token}`;
}

const INVITATION_TOKEN = /^ecp_[A-Za-z0-9_-]{43}$/;

/**
 * The caller's project when they own it. The role is checked before anything about the
 * invited address is looked at, so members learn nothing about who is invited or has an account.
 */
async function requireOwner(
  db: Db,
  input: { userId: number; project: string | number },
  refusal: Text,
): Promise<ProjectAccess> {
  const access = await requireProjectAccess(db, input);
  if (access.role !== "owner") throw forbidden(refusal);
  return access;
}

export interface InviteResult {
  invitation: InvitationReceipt;
  /** Whether the invitee was emailed a link (only when SMTP is configured and answered in time). */
  emailSent: boolean;
}

/**
 * Invites an address to a project (owners only). The answer is the same whether the address
 * has an account, is already a member or is already invited (then the invitation is renewed:
 * new link, new expiry). Nobody joins until they accept.
 */
export async function inviteToProject(
  db: Db,
  input: {
    userId: number;
    project: string | number;
    /** Reads `{ email }`; called only once the caller is known to own the project. */
    readBody: () => Promise<unknown>;
    baseUrl: string;
    /** The mail server; by default SMTP_URL / SMTP_FROM (none: no mail is sent). */
    mail?: SmtpConfig | null;
    /** The request's language: the email's when the inviter saved none. */
    locale?: Locale;
  },
): Promise<InviteResult> {
  const { project } = await requireOwner(db, input, message("ServerProjects.ownersInvite"));
  const email = normalizeEmail(parseWith(inviteSchema, await input.readBody()).email);
  const token = generateToken("personal");
  const invitation = await upsertInvitation(db, {
    projectId: project.id,
    email,
    invitedByUserId: input.userId,
    tokenHash: hashToken(token),
    expiresAt: new Date(Date.now() + INVITATION_LIFETIME_MS),
    maxPending: MAX_PENDING_INVITATIONS,
  });
  if (!invitation) {
    throw conflict(
      message("ServerProjects.tooManyInvitations", { max: String(MAX_PENDING_INVITATIONS) }),
    );
  }
  const [inviter, saved] = await Promise.all([
    findUserById(db, input.userId),
    findUserLocale(db, input.userId),
  ]);
  // In the inviter's language: the one they chose, else the one they invite from.
  const locale = isLocale(saved) ? saved : (input.locale ?? DEFAULT_LOCALE);
  const t = serverTranslator(locale);
  const projectName = project.name;
  const emailSent = await sendMail(
    {
      to: email,
      subject: t("ServerInvitationEmail.subject", { project: projectName }),
      text: [
        inviter
          ? t("ServerInvitationEmail.invited", { inviter: inviter.name, project: projectName })
          : t("ServerInvitationEmail.invitedBySomeone", { project: projectName }),
        "",
        t("ServerInvitationEmail.acceptHere"),
        invitationUrl(input.baseUrl, token),
        "",
        t("ServerInvitationEmail.expires", {
          until: formatDateTime(invitation.expiresAt, locale),
        }),
      ].join("\n"),
    },
    { config: input.mail },
  );
  return { invitation, emailSent };
}

/** A project's pending invitations (owners only). */
export async function listInvitationsOfProject(
  db: Db,
  input: { userId: number; project: string | number },
): Promise<ProjectInvitationSummary[]> {
  const { project } = await requireOwner(db, input, message("ServerProjects.ownersSeeInvitations"));
  return listProjectInvitations(db, { projectId: project.id });
}

/** Revokes a pending invitation (owners only); 404 when the project has no such invitation. */
export async function revokeInvitation(
  db: Db,
  input: { userId: number; project: string | number; invitationId: string },
): Promise<void> {
  const { project } = await requireOwner(
    db,
    input,
    message("ServerProjects.ownersRevokeInvitations"),
  );
  const deleted =
    isUuid(input.invitationId) &&
    (await deleteProjectInvitation(db, {
      projectId: project.id,
      invitationId: input.invitationId,
    }));
  if (!deleted) throw notFound("invitation");
}

async function emailOf(db: Db, userId: number): Promise<string> {
  const user = await findUserById(db, userId);
  // A token or session of a deleted account: nothing is addressed to it.
  if (!user) throw notFound("invitation");
  return normalizeEmail(user.email);
}

/** The pending invitations sent to the caller's address. */
export async function listMyInvitations(
  db: Db,
  input: { userId: number },
): Promise<MyInvitation[]> {
  const user = await findUserById(db, input.userId);
  if (!user) return [];
  return listInvitationsForEmail(db, { email: normalizeEmail(user.email) });
}

/**
 * Accepts an invitation sent to the caller's address: they join as a member and the invitation
 * is gone. Anyone else's, an expired or an unknown invitation is the same 404.
 */
export async function acceptInvitation(
  db: Db,
  input: { userId: number; invitationId: string },
): Promise<ProjectAccess> {
  const email = await emailOf(db, input.userId);
  const accepted =
    isUuid(input.invitationId) &&
    (await acceptInvitationRow(db, {
      invitationId: input.invitationId,
      userId: input.userId,
      email,
    }));
  if (!accepted) throw notFound("invitation");
  const access = await findProjectForMember(db, {
    userId: input.userId,
    ref: { id: accepted.projectId },
  });
  // Deleted between the accept and this read.
  if (!access) throw notFound("project");
  return access;
}

/** Declines (deletes) an invitation sent to the caller's address; 404 as for accept. */
export async function declineInvitation(
  db: Db,
  input: { userId: number; invitationId: string },
): Promise<void> {
  const email = await emailOf(db, input.userId);
  const declined =
    isUuid(input.invitationId) &&
    (await declineInvitationRow(db, { invitationId: input.invitationId, email }));
  if (!declined) throw notFound("invitation");
}

export type InvitationLink =
  | { status: "ok"; invitation: MyInvitation }
  | { status: "invalid" }
  | { status: "other_account"; email: string };

/**
 * What an emailed link shows a signed-in user: the invitation when it was sent to their
 * address; otherwise only that it is not theirs (nothing about the project), or that the link
 * is unknown or expired.
 */
export async function openInvitationLink(
  db: Db,
  input: { userId: number; token: string },
): Promise<InvitationLink> {
  if (!INVITATION_TOKEN.test(input.token)) return { status: "invalid" };
  const invitation = await findLiveInvitationByTokenHash(db, { tokenHash: hashToken(input.token) });
  if (!invitation) return { status: "invalid" };
  const user = await findUserById(db, input.userId);
  if (!user) return { status: "invalid" };
  const email = normalizeEmail(user.email);
  if (normalizeEmail(invitation.email) !== email) return { status: "other_account", email };
  return { status: "ok", invitation };
}
