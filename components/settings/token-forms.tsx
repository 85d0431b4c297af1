"use client";

import {
  createPersonalTokenAction,
  revokePersonalTokenAction,
} from "@/app/(dashboard)/settings/actions";
import { ConfirmAction } from "./confirm-action";
import { SecretForm } from "./secret-form";

/** The expiry choices of the form, as the API's expiresInDays ("" never expires). */
const EXPIRY_CHOICES = [
  { value: "", label: "Never" },
  { value: "7", label: "7 days" },
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "1 year" },
];

export function CreateTokenForm() {
  return (
    <SecretForm
      action={createPersonalTokenAction}
      kind="personal"
      label="New token name"
      name="name"
      maxLength={100}
      placeholder="e.g. CI triage script"
      submitLabel="Create token"
      pendingLabel="Creating…"
      showSuccess={false}
      extra={
        <div className="space-y-1.5">
          <label
            htmlFor="token-expiry"
            className="block text-sm font-medium text-zinc-700 dark:text-zinc-300"
          >
            Expires
          </label>
          <select
            id="token-expiry"
            name="expiresInDays"
            defaultValue=""
            className="block w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm shadow-xs focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/30 sm:w-32 dark:border-zinc-700 dark:bg-zinc-900"
          >
            {EXPIRY_CHOICES.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
        </div>
      }
    />
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
