"use client";

import { useActionState, useEffect, useId, useRef, useState } from "react";
import type { FormState } from "@/app/(dashboard)/settings/actions";
import { Button } from "@/components/ui/button";
import { smallDangerButton } from "./styles";

/**
 * A small danger button that asks first, in a native modal <dialog> (focus trapped and
 * returned, Escape cancels, Cancel focused first), then posts `fields` to a server action.
 * The action's refusal (last owner, not allowed…) is shown inside the dialog.
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
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLButtonElement>("[data-initial-focus]")?.focus();
    } else if (!open && dialog.open) dialog.close();
  }, [open]);

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
      <dialog
        ref={ref}
        aria-labelledby={titleId}
        aria-describedby={descriptionId}
        onClose={() => setOpen(false)}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-2xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-zinc-950/50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      >
        <form action={formAction} className="p-5 sm:p-6">
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <h2 id={titleId} className="text-lg font-semibold">
            {title}
          </h2>
          <div id={descriptionId} className="mt-2 text-sm text-zinc-600 dark:text-zinc-300">
            {description}
          </div>
          {state.status === "error" && state !== dismissed ? (
            <p
              role="alert"
              className="mt-4 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950/50 dark:text-red-300"
            >
              {state.error ?? state.fieldError}
            </p>
          ) : null}
          <div className="mt-6 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button data-initial-focus variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" variant="danger" disabled={pending}>
              {pending ? pendingLabel : confirmLabel}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
