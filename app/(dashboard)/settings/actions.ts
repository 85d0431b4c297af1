"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { findActiveIngestKey, revokeIngestKey } from "@/db/queries/keys";
import { removeMember } from "@/db/queries/members";
import { renameUser } from "@/db/queries/profile";
import { createProject, renameProject } from "@/db/queries/projects";
import { createToken, revokePersonalToken } from "@/db/queries/tokens";
import { createPersonalToken, expiryFromForm } from "@/lib/auth/personal-tokens";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { conflict, DomainError, forbidden, Invalid, notFound } from "@/lib/domain-errors";
import { isUuid, parseIntegerId } from "@/lib/ids";
import { requireProjectAccess } from "@/lib/projects/access";
import {
  acceptInvitation,
  declineInvitation,
  inviteToProject,
  revokeInvitation,
} from "@/lib/projects/invitations";
import { buildDsn } from "@/lib/public-url";
import { requestBaseUrl } from "@/lib/request-base-url";
import { signupSchema } from "@/lib/schemas/auth";
import {
  createIngestKeySchema,
  createProjectSchema,
  updateProjectSchema,
} from "@/lib/schemas/projects";

/**
 * What every settings form gets back. `error` is for the form, `fieldError` for its one input
 * (kept in `value` so the user can fix it), `message` says what was done.
 */
export interface FormState {
  status?: "ok" | "error";
  message?: string;
  error?: string;
  fieldError?: string;
  value?: string;
}

/** A token, key or project created just now: the only answer that carries the secret. */
export interface CreatedSecret {
  name: string;
  secret: string;
  dsn?: string;
  baseUrl?: string;
  project?: { id: number; name: string; slug: string };
}

export interface SecretFormState extends FormState {
  created?: CreatedSecret;
}

const text = (formData: FormData, key: string) => {
  const value = formData.get(key);
  return typeof value === "string" ? value : "";
};

/** The page redirects too, but an action can be posted with an expired session. */
async function currentUserId(): Promise<number> {
  return (await requireUser()).id;
}

/** The API's own refusals (forbidden, not found, conflict and their messages) become an inline error. */
async function attempt<T extends FormState>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof DomainError) return { status: "error", error: error.message } as T;
    throw error;
  }
}

function invalid(result: z.ZodSafeParseError<unknown>, value: string): FormState {
  return {
    status: "error",
    fieldError: result.error.issues[0]?.message ?? "Invalid value.",
    value,
  };
}

/** The project named by the form, only when the caller is a member: as the API routes do. */
async function projectFromForm(formData: FormData, userId: number) {
  return requireProjectAccess(await getDb(), { userId, project: text(formData, "projectId") });
}

export async function updateProfileName(_state: FormState, formData: FormData): Promise<FormState> {
  const userId = await currentUserId();
  const value = text(formData, "name");
  const parsed = signupSchema.shape.name.safeParse(value);
  if (!parsed.success) return invalid(parsed, value);
  if (!(await renameUser(await getDb(), { userId, name: parsed.data }))) {
    return { status: "error", error: "This account no longer exists." };
  }
  // The name is shown in the shell of every page.
  revalidatePath("/", "layout");
  return { status: "ok", message: "Name saved.", value: parsed.data };
}

export async function createProjectAction(
  _state: SecretFormState,
  formData: FormData,
): Promise<SecretFormState> {
  const userId = await currentUserId();
  const value = text(formData, "name");
  const parsed = createProjectSchema.safeParse({ name: value });
  if (!parsed.success) return invalid(parsed, value);
  const { project, ingestKey } = await createProject(await getDb(), {
    userId,
    name: parsed.data.name,
  });
  const baseUrl = await requestBaseUrl();
  revalidatePath("/", "layout");
  return {
    status: "ok",
    message: `Project "${project.name}" created.`,
    created: {
      name: ingestKey.name,
      secret: ingestKey.token,
      dsn: buildDsn(baseUrl, ingestKey.token, project.id),
      baseUrl,
      project: { id: project.id, name: project.name, slug: project.slug },
    },
  };
}

export async function renameProjectAction(
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const userId = await currentUserId();
  return attempt(async () => {
    const { project, role } = await projectFromForm(formData, userId);
    if (role !== "owner") throw forbidden("Only project owners can rename a project.");
    const value = text(formData, "name");
    const parsed = updateProjectSchema.safeParse({ name: value });
    if (!parsed.success) return invalid(parsed, value);
    const renamed = await renameProject(await getDb(), {
      projectId: project.id,
      name: parsed.data.name,
    });
    if (!renamed) throw notFound("Project");
    revalidatePath("/", "layout");
    return { status: "ok", message: `Renamed to "${renamed.name}".`, value: renamed.name };
  });
}

/** Any member may create a key; it is theirs, so events it sends are collected by them. */
export async function createIngestKeyAction(
  _state: SecretFormState,
  formData: FormData,
): Promise<SecretFormState> {
  const userId = await currentUserId();
  return attempt(async () => {
    const { project } = await projectFromForm(formData, userId);
    const value = text(formData, "name");
    const parsed = createIngestKeySchema.safeParse({ name: value });
    if (!parsed.success) return invalid(parsed, value);
    const created = await createToken(await getDb(), {
      userId,
      name: parsed.data.name,
      kind: "ingest",
      projectId: project.id,
    });
    const baseUrl = await requestBaseUrl();
    revalidatePath("/settings");
    return {
      status: "ok",
      message: `Ingest key "${created.name}" created.`,
      created: {
        name: created.name,
        secret: created.token,
        dsn: buildDsn(baseUrl, created.token, project.id),
        baseUrl,
      },
    };
  });
}

/** Owners revoke any key of the project; members only the keys they created. */
export async function revokeIngestKeyAction(
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const userId = await currentUserId();
  return attempt(async () => {
    const { project, role } = await projectFromForm(formData, userId);
    const keyId = text(formData, "keyId");
    if (!isUuid(keyId)) throw notFound("Ingest key");
    const db = await getDb();
    const key = await findActiveIngestKey(db, { projectId: project.id, keyId });
    if (!key) throw notFound("Ingest key");
    if (role !== "owner" && key.userId !== userId) {
      throw forbidden("Only project owners can revoke another member's ingest key.");
    }
    if (!(await revokeIngestKey(db, { projectId: project.id, keyId: key.id }))) {
      throw notFound("Ingest key");
    }
    revalidatePath("/settings");
    return { status: "ok", message: "Key revoked." };
  });
}

/**
 * Invites by email (owners). The message is the same whether or not the address has an
 * account or already belongs to the project: nobody joins until they accept.
 */
export async function inviteMemberAction(
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const userId = await currentUserId();
  const value = text(formData, "email");
  try {
    const { invitation, emailSent } = await inviteToProject(await getDb(), {
      userId,
      project: text(formData, "projectId"),
      readBody: async () => ({ email: value }),
      baseUrl: await requestBaseUrl(),
    });
    revalidatePath("/settings");
    return {
      status: "ok",
      message: `Invitation sent to ${invitation.email}${
        emailSent ? " by email" : ""
      }. They join once they accept it in their Settings.`,
    };
  } catch (error) {
    // An invalid address is the field's error; the caller's role and the rest, the form's.
    if (error instanceof Invalid) {
      return { status: "error", fieldError: error.issues?.[0]?.message, value };
    }
    if (error instanceof DomainError) return { status: "error", error: error.message, value };
    throw error;
  }
}

/** Owners revoke a pending invitation. */
export async function revokeInvitationAction(
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const userId = await currentUserId();
  return attempt(async () => {
    await revokeInvitation(await getDb(), {
      userId,
      project: text(formData, "projectId"),
      invitationId: text(formData, "invitationId"),
    });
    revalidatePath("/settings");
    return { status: "ok", message: "Invitation revoked." };
  });
}

/** The invitee joins the project; Settings then opens on it. */
export async function acceptInvitationAction(
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const userId = await currentUserId();
  let joined: string | null = null;
  const result = await attempt(async (): Promise<FormState> => {
    const { project } = await acceptInvitation(await getDb(), {
      userId,
      invitationId: text(formData, "invitationId"),
    });
    joined = project.slug;
    revalidatePath("/", "layout");
    return { status: "ok", message: `You joined ${project.name}.` };
  });
  if (joined) redirect(`/settings?project=${encodeURIComponent(joined)}#project`);
  return result;
}

export async function declineInvitationAction(
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const userId = await currentUserId();
  const declined = await attempt(async (): Promise<FormState> => {
    await declineInvitation(await getDb(), {
      userId,
      invitationId: text(formData, "invitationId"),
    });
    revalidatePath("/settings");
    return { status: "ok", message: "Invitation declined." };
  });
  if (declined.status === "ok" && text(formData, "from") === "link") redirect("/settings");
  return declined;
}

/** Owners remove anyone; a member may remove only themself (leave); never the last owner. */
export async function removeMemberAction(
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const userId = await currentUserId();
  let left = false;
  const result = await attempt(async (): Promise<FormState> => {
    const { project, role } = await projectFromForm(formData, userId);
    const memberId = parseIntegerId(text(formData, "userId"));
    if (memberId === null) throw notFound("Member");
    if (role !== "owner" && memberId !== userId) {
      throw forbidden("Only project owners can remove other members.");
    }
    const removed = await removeMember(await getDb(), { projectId: project.id, userId: memberId });
    if (removed === "not_member") throw notFound("Member");
    if (removed === "last_owner") {
      throw conflict("A project needs an owner: its last owner cannot be removed.");
    }
    revalidatePath("/", "layout");
    left = memberId === userId;
    return { status: "ok", message: "Member removed." };
  });
  // Whoever leaves a project can no longer see it: back to their other projects.
  if (left) redirect("/settings");
  return result;
}

export async function createPersonalTokenAction(
  _state: SecretFormState,
  formData: FormData,
): Promise<SecretFormState> {
  const userId = await currentUserId();
  const value = text(formData, "name");
  let created: Awaited<ReturnType<typeof createPersonalToken>>;
  try {
    created = await createPersonalToken(await getDb(), {
      userId,
      body: { name: value, expiresInDays: expiryFromForm(text(formData, "expiresInDays")) },
    });
  } catch (error) {
    if (error instanceof DomainError) {
      const message = error.issues?.[0]?.message ?? error.message;
      return { status: "error", fieldError: message, value };
    }
    throw error;
  }
  revalidatePath("/settings");
  return {
    status: "ok",
    message: `Token "${created.name}" created.`,
    created: { name: created.name, secret: created.token },
  };
}

export async function revokePersonalTokenAction(
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const userId = await currentUserId();
  const tokenId = text(formData, "tokenId");
  const revoked =
    isUuid(tokenId) && (await revokePersonalToken(await getDb(), { userId, tokenId }));
  if (!revoked) return { status: "error", error: "Token not found." };
  revalidatePath("/settings");
  return { status: "ok", message: "Token revoked." };
}
