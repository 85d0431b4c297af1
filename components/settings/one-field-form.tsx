"use client";

import type { FormState } from "@/app/(dashboard)/settings/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

/**
 * A labelled input and its submit button on one line (stacked at phone width), with the
 * action's field error under the input and its form error or success message below.
 */
export function OneFieldForm({
  formAction,
  state,
  pending,
  label,
  name,
  type = "text",
  submitLabel,
  pendingLabel,
  hidden,
  hint,
  placeholder,
  defaultValue,
  autoComplete = "off",
  maxLength,
  showSuccess = true,
  extra,
}: {
  formAction: (formData: FormData) => void;
  state: FormState;
  pending: boolean;
  label: string;
  name: string;
  type?: string;
  submitLabel: string;
  pendingLabel: string;
  hidden?: Record<string, string | number>;
  hint?: string;
  placeholder?: string;
  defaultValue?: string;
  autoComplete?: string;
  maxLength?: number;
  showSuccess?: boolean;
  /** Another input on the same line, before the button (the token form's expiry). */
  extra?: React.ReactNode;
}) {
  return (
    <form action={formAction} className="space-y-2" noValidate>
      {Object.entries(hidden ?? {}).map(([key, value]) => (
        <input key={key} type="hidden" name={key} value={value} />
      ))}
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start">
        <Field
          className="min-w-0 flex-1"
          label={label}
          name={name}
          type={type}
          hint={hint}
          placeholder={placeholder}
          autoComplete={autoComplete}
          maxLength={maxLength}
          required
          defaultValue={state.status === "error" ? state.value : defaultValue}
          error={state.fieldError}
        />
        {extra}
        <Button type="submit" variant="secondary" disabled={pending} className="sm:mt-6.5">
          {pending ? pendingLabel : submitLabel}
        </Button>
      </div>
      {state.status === "error" && state.error ? (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {state.error}
        </p>
      ) : null}
      {showSuccess && state.status === "ok" && state.message ? (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
