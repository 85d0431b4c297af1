"use client";

import { useActionState } from "react";
import {
  addMemberAction,
  type FormState,
  removeMemberAction,
} from "@/app/(dashboard)/settings/actions";
import { ConfirmAction } from "./confirm-action";
import { OneFieldForm } from "./one-field-form";

export function AddMemberForm({ projectId }: { projectId: number }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(addMemberAction, {});
  return (
    <OneFieldForm
      formAction={formAction}
      state={state}
      pending={pending}
      label="Add a member by email"
      name="email"
      type="email"
      autoComplete="email"
      placeholder="teammate@example.com"
      hidden={{ projectId }}
      hint="They need an Error Central account already; they join as a member."
      submitLabel="Add member"
      pendingLabel="Adding…"
    />
  );
}

export function RemoveMemberButton({
  projectId,
  projectName,
  member,
  self,
}: {
  projectId: number;
  projectName: string;
  member: { userId: number; name: string };
  self: boolean;
}) {
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
