"use client";

import { useActionState } from "react";
import {
  createPersonalTokenAction,
  revokePersonalTokenAction,
  type SecretFormState,
} from "@/app/(dashboard)/settings/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ConfirmAction } from "./confirm-action";
import { SecretReveal } from "./secret-reveal";

/** The expiry choices of the form, as the API's expiresInDays ("" never expires). */
const EXPIRY_CHOICES = [
  { value: "", label: "Never" },
  { value: "7", label: "7 days" },
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "1 year" },
];

export function CreateTokenForm() {
  const [state, formAction, pending] = useActionState<SecretFormState, FormData>(
    createPersonalTokenAction,
    {},
  );
  const created = state.status === "ok" ? state.created : undefined;
  return (
    <div className="space-y-3">
      <form action={formAction} className="space-y-2" noValidate>
        <div className="flex flex-col gap-2 sm:flex-row sm:items-start">
          <Field
            className="min-w-0 flex-1"
            label="New token name"
            name="name"
            autoComplete="off"
            maxLength={100}
            placeholder="e.g. CI triage script"
            required
            defaultValue={state.status === "error" ? state.value : undefined}
            error={state.fieldError}
          />
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
          <Button type="submit" variant="secondary" disabled={pending} className="sm:mt-6.5">
            {pending ? "Creating…" : "Create token"}
          </Button>
        </div>
        {state.status === "error" && state.error ? (
          <p role="alert" className="text-sm text-red-600 dark:text-red-400">
            {state.error}
          </p>
        ) : null}
      </form>
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
