"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { renameUser } from "@/db/queries/profile";
import {
  type FormState,
  formAction,
  type SecretFormState,
  formText as text,
} from "@/lib/actions/with-user";
import {
  createPersonalToken,
  expiryFromForm,
  revokePersonalToken,
} from "@/lib/auth/personal-tokens";
import { NotFound, zodError } from "@/lib/domain-errors";
import { requestLocale } from "@/lib/i18n/request-locale";
import {
  acceptInvitation,
  declineInvitation,
  inviteToProject,
  revokeInvitation,
} from "@/lib/projects/invitations";
import { createIngestKey, revokeIngestKey } from "@/lib/projects/keys";
import { removeMember } from "@/lib/projects/members";
import { createProject, updateProject } from "@/lib/projects/projects";
import { buildDsn } from "@/lib/public-url";
import { requestBaseUrl } from "@/lib/request-base-url";
import { signupSchema } from "@/lib/schemas/auth";

export type { CreatedSecret, FormState, SecretFormState } from "@/lib/actions/with-user";

export const updateProfileName = formAction<FormState>(
  async ({ user, db }, formData) => {
    const name = text(formData, "name");
    const parsed = signupSchema.shape.name.safeParse(name);
    if (!parsed.success) throw zodError(signupSchema.shape.name, name, parsed.error);
    const t = await getTranslations("SettingsForms");
    if (!(await renameUser(db, { userId: user.id, name: parsed.data }))) {
      return { status: "error", error: t("accountGone") };
    }
    // The name is shown in the shell of every page.
    revalidatePath("/", "layout");
    return { status: "ok", message: t("nameSaved"), value: parsed.data };
  },
  { field: "name" },
);

export const createProjectAction = formAction<SecretFormState>(
  async ({ user, db }, formData) => {
    const { project, ingestKey } = await createProject(db, {
      userId: user.id,
      body: { name: text(formData, "name") },
    });
    const baseUrl = await requestBaseUrl();
    revalidatePath("/", "layout");
    return {
      status: "ok",
      message: (await getTranslations("SettingsForms"))("projectCreated", { name: project.name }),
      created: {
        name: ingestKey.name,
        secret: ingestKey.token,
        dsn: buildDsn(baseUrl, ingestKey.token, project.id),
        baseUrl,
        project: { id: project.id, name: project.name, slug: project.slug },
      },
    };
  },
  { field: "name" },
);

/** Owners only (the rule checks): renames the project named by the form. */
export const renameProjectAction = formAction<FormState>(
  async ({ user, db }, formData) => {
    const renamed = await updateProject(db, {
      userId: user.id,
      project: text(formData, "projectId"),
      readBody: async () => ({ name: text(formData, "name") }),
    });
    revalidatePath("/", "layout");
    const t = await getTranslations("SettingsForms");
    return { status: "ok", message: t("renamed", { name: renamed.name }), value: renamed.name };
  },
  { field: "name" },
);

/** Any member may create a key; it is theirs, so events it sends are collected by them. */
export const createIngestKeyAction = formAction<SecretFormState>(
  async ({ user, db }, formData) => {
    const { project, key } = await createIngestKey(db, {
      userId: user.id,
      project: text(formData, "projectId"),
      readBody: async () => ({ name: text(formData, "name") }),
    });
    const baseUrl = await requestBaseUrl();
    revalidatePath("/settings");
    const t = await getTranslations("SettingsActions");
    return {
      status: "ok",
      message: t("keyCreated", { name: key.name }),
      created: {
        name: key.name,
        secret: key.token,
        dsn: buildDsn(baseUrl, key.token, project.id),
        baseUrl,
      },
    };
  },
  { field: "name" },
);

/** Owners revoke any key of the project; members only the keys they created. */
export const revokeIngestKeyAction = formAction<FormState>(async ({ user, db }, formData) => {
  await revokeIngestKey(db, {
    userId: user.id,
    project: text(formData, "projectId"),
    keyId: text(formData, "keyId"),
  });
  revalidatePath("/settings");
  return { status: "ok", message: (await getTranslations("SettingsActions"))("keyRevoked") };
});

/**
 * Invites by email (owners). The message is the same whether or not the address has an
 * account or already belongs to the project: nobody joins until they accept.
 */
export const inviteMemberAction = formAction<FormState>(
  async ({ user, db }, formData) => {
    const { invitation, emailSent } = await inviteToProject(db, {
      userId: user.id,
      project: text(formData, "projectId"),
      readBody: async () => ({ email: text(formData, "email") }),
      baseUrl: await requestBaseUrl(),
      locale: await requestLocale(),
    });
    revalidatePath("/settings");
    const t = await getTranslations("SettingsActions");
    return {
      status: "ok",
      message: t("invitationSent", {
        email: invitation.email,
        emailed: emailSent ? "yes" : "no",
      }),
    };
  },
  { field: "email" },
);

/** Owners revoke a pending invitation. */
export const revokeInvitationAction = formAction<FormState>(async ({ user, db }, formData) => {
  await revokeInvitation(db, {
    userId: user.id,
    project: text(formData, "projectId"),
    invitationId: text(formData, "invitationId"),
  });
  revalidatePath("/settings");
  return { status: "ok", message: (await getTranslations("SettingsActions"))("invitationRevoked") };
});

/**
 * An invitation answered, revoked or expired meanwhile (the rule's 404) is said as such to the
 * invitee, whose page still showed it; any other refusal goes on to the form as it is.
 */
async function invitationGone(error: unknown): Promise<FormState> {
  if (!(error instanceof NotFound)) throw error;
  return { status: "error", error: (await getTranslations("SettingsActions"))("invitationGone") };
}

/** The invitee joins the project; Settings then opens on it. */
export const acceptInvitationAction = formAction<FormState>(async ({ user, db }, formData) => {
  const invitationId = text(formData, "invitationId");
  const accepted = await acceptInvitation(db, { userId: user.id, invitationId }).catch(
    invitationGone,
  );
  if (!("project" in accepted)) return accepted;
  revalidatePath("/", "layout");
  redirect(`/settings?project=${encodeURIComponent(accepted.project.slug)}#project`);
});

export const declineInvitationAction = formAction<FormState>(async ({ user, db }, formData) => {
  const invitationId = text(formData, "invitationId");
  const refused = await declineInvitation(db, { userId: user.id, invitationId }).catch(
    invitationGone,
  );
  if (refused) return refused;
  revalidatePath("/settings");
  if (text(formData, "from") === "link") redirect("/settings");
  return {
    status: "ok",
    message: (await getTranslations("SettingsActions"))("invitationDeclined"),
  };
});

/** Owners remove anyone; a member may remove only themself (leave); never the last owner. */
export const removeMemberAction = formAction<FormState>(async ({ user, db }, formData) => {
  const { removedUserId } = await removeMember(db, {
    userId: user.id,
    project: text(formData, "projectId"),
    memberId: text(formData, "userId"),
  });
  revalidatePath("/", "layout");
  // Whoever leaves a project can no longer see it: back to their other projects.
  if (removedUserId === user.id) redirect("/settings");
  return { status: "ok", message: (await getTranslations("SettingsActions"))("memberRemoved") };
});

export const createPersonalTokenAction = formAction<SecretFormState>(
  async ({ user, db }, formData) => {
    const created = await createPersonalToken(db, {
      userId: user.id,
      body: {
        name: text(formData, "name"),
        expiresInDays: expiryFromForm(text(formData, "expiresInDays")),
      },
    });
    revalidatePath("/settings");
    return {
      status: "ok",
      message: (await getTranslations("SettingsForms"))("tokenCreated", { name: created.name }),
      created: { name: created.name, secret: created.token },
    };
  },
  { field: "name" },
);

export const revokePersonalTokenAction = formAction<FormState>(async ({ user, db }, formData) => {
  await revokePersonalToken(db, { userId: user.id, tokenId: text(formData, "tokenId") });
  revalidatePath("/settings");
  return { status: "ok", message: (await getTranslations("SettingsForms"))("tokenRevoked") };
});
