"use client";

import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import {
  type FormState,
  inviteMemberAction,
  removeMemberAction,
  revokeInvitationAction,
} from "@/app/(dashboard)/settings/actions";
import { ConfirmAction } from "./confirm-action";
import { OneFieldForm } from "./one-field-form";
import { smallDangerButton } from "./styles";

export function InviteMemberForm({
  projectId,
  expiresInDays,
}: {
  projectId: number;
  /** How long an invitation can be accepted (lib/projects/invitations). */
  expiresInDays: number;
}) {
  const t = useTranslations("SettingsForms");
  const [state, formAction, pending] = useActionState<FormState, FormData>(inviteMemberAction, {});
  return (
    <OneFieldForm
      formAction={formAction}
      state={state}
      pending={pending}
      label={t("inviteLabel")}
      name="email"
      type="email"
      autoComplete="off"
      placeholder={t("invitePlaceholder")}
      hidden={{ projectId }}
      hint={t("inviteHint", { days: expiresInDays })}
      submitLabel={t("invite")}
      pendingLabel={t("inviting")}
    />
  );
}

export function RevokeInvitationButton({
  projectId,
  invitation,
}: {
  projectId: number;
  invitation: { id: string; email: string };
}) {
  const t = useTranslations("SettingsForms");
  const { email } = invitation;
  return (
    <ConfirmAction
      action={revokeInvitationAction}
      fields={{ projectId, invitationId: invitation.id }}
      label={t("revoke")}
      ariaLabel={t("revokeInvitationLabel", { email })}
      title={t("revokeInvitationTitle", { email })}
      description={t("revokeInvitationDescription")}
      confirmLabel={t("revokeInvitation")}
      pendingLabel={t("revoking")}
    />
  );
}

export function RemoveMemberButton({
  projectId,
  projectName,
  member,
  self,
  blockedReason,
}: {
  projectId: number;
  projectName: string;
  member: { userId: number; name: string };
  self: boolean;
  /** Set when the removal would be refused (the last owner): said up front, button disabled. */
  blockedReason?: string;
}) {
  const t = useTranslations("SettingsForms");
  const reasonId = useId();
  const name = member.name;
  const ariaLabel = self ? t("leaveLabel", { project: projectName }) : t("removeLabel", { name });
  const label = self ? t("leave") : t("remove");
  if (blockedReason) {
    return (
      <div className="flex max-w-xs flex-col items-start gap-1 sm:items-end sm:text-right">
        <button
          type="button"
          disabled
          aria-label={ariaLabel}
          aria-describedby={reasonId}
          className={smallDangerButton}
        >
          {label}
        </button>
        <p id={reasonId} className="text-xs text-zinc-600 dark:text-zinc-400">
          {blockedReason}
        </p>
      </div>
    );
  }
  return (
    <ConfirmAction
      action={removeMemberAction}
      fields={{ projectId, userId: member.userId }}
      label={label}
      ariaLabel={ariaLabel}
      title={
        self
          ? t("leaveTitle", { project: projectName })
          : t("removeTitle", { name, project: projectName })
      }
      description={self ? t("leaveDescription") : t("removeDescription")}
      confirmLabel={self ? t("leaveProject") : t("removeMember")}
      pendingLabel={self ? t("leaving") : t("removing")}
    />
  );
}
