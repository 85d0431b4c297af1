"use client";

import { useActionState } from "react";
import {
  deleteAlertRuleAction,
  setAlertRuleEnabledAction,
} from "@/app/(dashboard)/settings/alerts/actions";
import type { FormState } from "@/lib/actions/with-user";
import { ConfirmAction } from "../settings/confirm-action";

/** Turns a rule on or off: a switch that posts to the server action (owners). */
export function EnabledSwitch({
  projectId,
  ruleId,
  name,
  enabled,
}: {
  projectId: number;
  ruleId: number;
  name: string;
  enabled: boolean;
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(
    setAlertRuleEnabledAction,
    {},
  );
  return (
    <form action={formAction} className="flex items-center gap-2">
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="ruleId" value={ruleId} />
      <input type="hidden" name="enabled" value={enabled ? "false" : "true"} />
      <button
        type="submit"
        role="switch"
        aria-checked={enabled}
        aria-label={`Enabled: ${name}`}
        disabled={pending}
        className={`relative inline-flex h-5 w-9 shrink-0 items-center rounded-full transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 disabled:opacity-60 ${
          enabled ? "bg-indigo-600" : "bg-zinc-300 dark:bg-zinc-700"
        }`}
      >
        <span
          aria-hidden
          className={`inline-block size-4 rounded-full bg-white shadow transition-transform ${
            enabled ? "translate-x-4.5" : "translate-x-0.5"
          }`}
        />
      </button>
      <span className="text-xs text-zinc-600 dark:text-zinc-400" aria-hidden>
        {enabled ? "On" : "Off"}
      </span>
      {state.status === "error" ? (
        <span role="alert" className="text-xs text-red-700 dark:text-red-300">
          {state.error}
        </span>
      ) : null}
    </form>
  );
}

export function DeleteRuleButton({
  projectId,
  ruleId,
  name,
}: {
  projectId: number;
  ruleId: number;
  name: string;
}) {
  return (
    <ConfirmAction
      action={deleteAlertRuleAction}
      fields={{ projectId, ruleId }}
      label="Delete"
      ariaLabel={`Delete rule ${name}`}
      title={`Delete “${name}”?`}
      description="Its channels stop receiving alerts, and its delivery log is deleted with it. This cannot be undone."
      confirmLabel="Delete rule"
      pendingLabel="Deleting…"
    />
  );
}
