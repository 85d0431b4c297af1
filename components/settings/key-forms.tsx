"use client";

import { useActionState } from "react";
import {
  createIngestKeyAction,
  revokeIngestKeyAction,
  type SecretFormState,
} from "@/app/(dashboard)/settings/actions";
import { ConfirmAction } from "./confirm-action";
import { OneFieldForm } from "./one-field-form";
import { SecretReveal } from "./secret-reveal";

export function CreateIngestKeyForm({ projectId }: { projectId: number }) {
  const [state, formAction, pending] = useActionState<SecretFormState, FormData>(
    createIngestKeyAction,
    {},
  );
  const created = state.status === "ok" ? state.created : undefined;
  return (
    <div className="space-y-3">
      <OneFieldForm
        formAction={formAction}
        state={state}
        pending={pending}
        label="New key name"
        name="name"
        maxLength={100}
        placeholder="e.g. billing-api production"
        hidden={{ projectId }}
        submitLabel="Create key"
        pendingLabel="Creating…"
        showSuccess={false}
      />
      {created ? (
        <SecretReveal
          kind="ingest"
          name={created.name}
          secret={created.secret}
          dsn={created.dsn}
          baseUrl={created.baseUrl}
        />
      ) : null}
    </div>
  );
}

export function RevokeKeyButton({
  projectId,
  keyId,
  name,
}: {
  projectId: number;
  keyId: string;
  name: string;
}) {
  return (
    <ConfirmAction
      action={revokeIngestKeyAction}
      fields={{ projectId, keyId }}
      label="Revoke"
      ariaLabel={`Revoke ingest key ${name}`}
      title={`Revoke “${name}”?`}
      description="Applications using this key (or a DSN with it) are refused from now on with 401. This cannot be undone."
      confirmLabel="Revoke key"
      pendingLabel="Revoking…"
    />
  );
}
