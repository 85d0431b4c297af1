"use client";

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

export function InviteMemberForm({ projectId }: { projectId: number }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(inviteMemberAction, {});
  return (
    <OneFieldForm
      formAction={formAction}
      state={state}
      pending={pending}
      label="Invite a member by email"
      name="email"
      type="email"
      autoComplete="off"
      placeholder="teammate@example.com"
      hidden={{ projectId }}
      hint="They see the invitation in their Settings once they sign in or sign up with this address, and join as a member if they accept. It expires after 7 days."
      submitLabel="Invite"
      pendingLabel="Inviting…"
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
  return (
    <ConfirmAction
      action={revokeInvitationAction}
      fields={{ projectId, invitationId: invitation.id }}
      label="Revoke"
      ariaLabel={`Revoke the invitation to ${invitation.email}`}
      title={`Revoke the invitation to ${invitation.email}?`}
      description="The invitation and its emailed link stop working. You can invite them again later."
      confirmLabel="Revoke invitation"
      pendingLabel="Revoking…"
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
  const reasonId = useId();
  if (blockedReason) {
    return (
      <div className="flex max-w-xs flex-col items-start gap-1 sm:items-end sm:text-right">
        <button
          type="button"
          disabled
          aria-label={self ? `Leave ${projectName}` : `Remove ${member.name}`}
          aria-describedby={reasonId}
          className={smallDangerButton}
        >
          {self ? "Leave" : "Remove"}
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
      label={self ? "Leave" : "Remove"}
      ariaLabel={self ? `Leave ${projectName}` : `Remove ${member.name}`}
      title={self ? `Leave ${projectName}?` : `Remove ${member.name} from ${projectName}?`}
      description={
        self
          ? "You lose access to its errors, and the ingest keys you created for it are revoked."
          : "They lose access to its errors, and the ingest keys they created for it are revoked."
      }
      confirmLabel={self ? "Leave project" : "Remove member"}
      pendingLabel={self ? "Leaving…" : "Removing…"}
    />
  );
}
