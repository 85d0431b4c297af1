"use client";

import { createIngestKeyAction, revokeIngestKeyAction } from "@/app/(dashboard)/settings/actions";
import { ConfirmAction } from "./confirm-action";
import { SecretForm } from "./secret-form";

export function CreateIngestKeyForm({ projectId }: { projectId: number }) {
  return (
    <SecretForm
      action={createIngestKeyAction}
      kind="ingest"
      label="New key name"
      name="name"
      maxLength={100}
      placeholder="e.g. billing-api production"
      hidden={{ projectId }}
      submitLabel="Create key"
      pendingLabel="Creating…"
      showSuccess={false}
    />
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
