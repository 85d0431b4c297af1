"use client";

import { useActionState } from "react";
import {
  createPersonalTokenAction,
  revokePersonalTokenAction,
  type SecretFormState,
} from "@/app/(dashboard)/settings/actions";
import { ConfirmAction } from "./confirm-action";
import { OneFieldForm } from "./one-field-form";
import { SecretReveal } from "./secret-reveal";

export function CreateTokenForm() {
  const [state, formAction, pending] = useActionState<SecretFormState, FormData>(
    createPersonalTokenAction,
    {},
  );
  const created = state.status === "ok" ? state.created : undefined;
  return (
    <div className="space-y-3">
      <OneFieldForm
        formAction={formAction}
        state={state}
        pending={pending}
        label="New token name"
        name="name"
        maxLength={100}
        placeholder="e.g. CI triage script"
        submitLabel="Create token"
        pendingLabel="Creating…"
        showSuccess={false}
      />
      {created ? (
        <SecretReveal kind="personal" name={created.name} secret={created.secret} />
      ) : null}
    </div>
  );
}

export function RevokeTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  return (
    <ConfirmAction
      action={revokePersonalTokenAction}
      fields={{ tokenId }}
      label="Revoke"
      ariaLabel={`Revoke token ${name}`}
      title={`Revoke “${name}”?`}
      description="Scripts using this token are refused from now on with 401. This cannot be undone."
      confirmLabel="Revoke token"
      pendingLabel="Revoking…"
    />
  );
}
