"use client";

import { useActionState, useState, useTransition } from "react";
import {
  changeErrorStatus,
  type DetailActionState,
  deleteError,
} from "@/app/(dashboard)/errors/[id]/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ErrorStatus } from "@/db/queries/error-groups";

/** Archive or unarchive (a plain form, so it works before hydration) and delete with a confirmation. */
export function ErrorActions({
  errorId,
  status,
  title,
}: {
  errorId: number;
  status: ErrorStatus;
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
      <ConfirmDialog
        open={confirming}
        title="Delete this error?"
        description={
          <div className="space-y-2">
            <p className="line-clamp-3 font-medium wrap-break-word text-zinc-900 dark:text-zinc-100">
              {title}
            </p>
            <p>The error and all its events are removed for good. This cannot be undone.</p>
          </div>
        }
        confirmLabel="Delete error"
        pending={deleting}
        onConfirm={confirmDelete}
        onCancel={() => setConfirming(false)}
      />
    </div>
  );
}
