"use client";

import { useActionState, useEffect, useId, useRef, useState, useTransition } from "react";
import {
  changeErrorStatus,
  type DetailActionState,
  deleteError,
} from "@/app/(dashboard)/errors/[id]/actions";
import { Button } from "@/components/ui/button";

/** Archive or unarchive (a plain form, so it works before hydration) and delete with a confirmation. */
export function ErrorActions({
  errorId,
  status,
  title,
}: {
  errorId: number;
  status: "open" | "archived";
  title: string;
}) {
  const [statusState, statusAction, statusPending] = useActionState(changeErrorStatus, null);
  const [deleteState, setDeleteState] = useState<DetailActionState>(null);
  const [deleting, startDelete] = useTransition();
  const [confirming, setConfirming] = useState(false);
  const archived = status === "archived";
  const state = deleteState ?? statusState;

  function confirmDelete() {
    startDelete(async () => {
      // On success the action redirects to the list and this never returns.
      const result = await deleteError(errorId);
      setConfirming(false);
      setDeleteState(result);
    });
  }

  return (
    <div className="flex flex-col items-start gap-2 sm:items-end">
      <div className="flex flex-wrap gap-2">
        <form action={statusAction} onSubmit={() => setDeleteState(null)}>
          <input type="hidden" name="id" value={errorId} />
          <input type="hidden" name="status" value={archived ? "open" : "archived"} />
          <Button type="submit" variant="secondary" disabled={statusPending}>
            {statusPending
              ? archived
                ? "Unarchiving…"
                : "Archiving…"
              : archived
                ? "Unarchive"
                : "Archive"}
          </Button>
        </form>
        <Button variant="danger" onClick={() => setConfirming(true)} aria-haspopup="dialog">
          Delete
        </Button>
      </div>
      <div role="status" aria-live="polite" className="max-w-sm text-sm sm:text-right">
        {state ? (
          <span
            className={
              state.ok ? "text-emerald-700 dark:text-emerald-300" : "text-red-700 dark:text-red-300"
            }
          >
            {state.ok ? state.message : state.error}
          </span>
        ) : null}
      </div>
      <ConfirmDeleteDialog
        open={confirming}
        title={title}
        pending={deleting}
        onConfirm={confirmDelete}
        onCancel={() => setConfirming(false)}
      />
    </div>
  );
}

/**
 * A modal confirmation on the native <dialog>: the browser traps and returns focus and Escape
 * cancels; Cancel has the initial focus so that Enter never deletes by accident.
 */
function ConfirmDeleteDialog({
  open,
  title,
  pending,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
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
      <div className="p-5 sm:p-6">
        <h2 id={titleId} className="text-lg font-semibold">
          Delete this error?
        </h2>
        <div id={descriptionId} className="mt-2 space-y-2 text-sm text-zinc-600 dark:text-zinc-300">
          <p className="line-clamp-3 font-medium wrap-break-word text-zinc-900 dark:text-zinc-100">
            {title}
          </p>
          <p>The error and all its events are removed for good. This cannot be undone.</p>
        </div>
        <div className="mt-6 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button data-initial-focus variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
          <Button variant="danger" onClick={onConfirm} disabled={pending}>
            {pending ? "Deleting…" : "Delete error"}
          </Button>
        </div>
      </div>
    </dialog>
  );
}
