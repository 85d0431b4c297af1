"use client";

import { useActionState, useEffect, useState } from "react";
import type { FormState } from "@/app/(dashboard)/settings/actions";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { smallDangerButton } from "./styles";

/**
 * A small danger button that asks first, in the shared confirmation dialog, then posts
 * `fields` to a server action. The action's refusal (last owner, not allowed…) is shown
 * inside the dialog.
 */
export function ConfirmAction({
  action,
  fields,
  label,
  ariaLabel,
  title,
  description,
  confirmLabel,
  pendingLabel,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  fields: Record<string, string | number>;
  label: string;
  ariaLabel: string;
  title: string;
  description: React.ReactNode;
  confirmLabel: string;
  pendingLabel: string;
}) {
  const [open, setOpen] = useState(false);
  const [state, formAction, pending] = useActionState(action, {});
  // An error from an earlier attempt is not shown again when the dialog is reopened.
  const [dismissed, setDismissed] = useState<FormState | null>(null);

  useEffect(() => {
    if (state.status === "ok") setOpen(false);
  }, [state]);

  return (
    <>
      <button
        type="button"
        aria-label={ariaLabel}
        className={smallDangerButton}
        onClick={() => {
          setDismissed(state);
          setOpen(true);
        }}
      >
        {label}
      </button>
      <ConfirmDialog
        open={open}
        title={title}
        description={description}
        confirmLabel={confirmLabel}
        pendingLabel={pendingLabel}
        pending={pending}
        error={
          state.status === "error" && state !== dismissed ? (state.error ?? state.fieldError) : null
        }
        onCancel={() => setOpen(false)}
        formAction={formAction}
        fields={fields}
      />
    </>
  );
}
