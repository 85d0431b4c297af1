"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef } from "react";
import { Button } from "@/components/ui/button";

/**
 * A modal confirmation on the native <dialog>: focus is trapped and returned by the browser,
 * Escape cancels, and Cancel has the initial focus so that Enter never deletes by accident.
 * With `formAction` the dialog is a form that posts `fields` to a server action (and shows
 * the action's refusal in `error`); without it, confirming calls `onConfirm`.
 */
export function ConfirmDialog({
  open,
  title,
  description,
  confirmLabel,
  pendingLabel = "Deleting…",
  pending,
  error,
  onConfirm,
  onCancel,
  formAction,
  fields = {},
}: {
  open: boolean;
  title: string;
  description: React.ReactNode;
  confirmLabel: string;
  pendingLabel?: string;
  pending?: boolean;
  error?: React.ReactNode;
  onConfirm?: () => void;
  onCancel: () => void;
  formAction?: (formData: FormData) => void;
  fields?: Record<string, string | number>;
}) {
  const t = useTranslations("ConfirmDialog");
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

  const body = (
    <>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <h2 id={titleId} className="text-lg font-semibold">
        {title}
      </h2>
      <div id={descriptionId} className="mt-2 text-sm text-zinc-600 dark:text-zinc-300">
        {description}
      </div>
      {error ? (
        <p
          role="alert"
          className="mt-4 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950/50 dark:text-red-300"
        >
          {error}
        </p>
      ) : null}
      <div className="mt-6 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button data-initial-focus variant="secondary" onClick={onCancel}>
          {t("cancel")}
        </Button>
        <Button
          type={formAction ? "submit" : "button"}
          variant="danger"
          onClick={formAction ? undefined : onConfirm}
          disabled={pending}
        >
          {pending ? pendingLabel : confirmLabel}
        </Button>
      </div>
    </>
  );

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      onClose={() => {
        if (open) onCancel();
      }}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-2xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-zinc-950/50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      {formAction ? (
        <form action={formAction} className="p-5 sm:p-6">
          {body}
        </form>
      ) : (
        <div className="p-5 sm:p-6">{body}</div>
      )}
    </dialog>
  );
}
