"use client";

import { createContext, use, useCallback, useMemo, useState, useTransition } from "react";
import { type ErrorAction, updateErrors } from "@/app/(dashboard)/errors/(list)/actions";

export interface ActionNotice {
  tone: "success" | "error";
  text: string;
  /** Archiving can be undone from the notice. */
  undo?: { ids: number[]; action: ErrorAction };
}

const PAST: Record<ErrorAction, string> = {
  archive: "Archived",
  unarchive: "Unarchived",
  resolve: "Resolved",
  reopen: "Reopened",
  assign: "Assigned",
  delete: "Deleted",
};

const plural = (n: number) => `${n} ${n === 1 ? "error" : "errors"}`;

/** Runs the list's server actions in a transition and keeps the last outcome for a live region. */
function useErrorActionsState() {
  const [isPending, startTransition] = useTransition();
  const [notice, setNotice] = useState<ActionNotice | null>(null);

  const run = useCallback(
    (action: ErrorAction, ids: number[], onSettled?: (ok: boolean) => void) => {
      if (ids.length === 0) return;
      startTransition(async () => {
        let result: Awaited<ReturnType<typeof updateErrors>>;
        try {
          result = await updateErrors({ ids, action });
        } catch (error) {
          // A dropped connection or a server failure: say so here rather than replace the page.
          console.error(error);
          result = { ok: false, error: "The server could not be reached. Try again." };
        }
        if (!result.ok) {
          setNotice({ tone: "error", text: result.error });
          onSettled?.(false);
          return;
        }
        const { affected } = result;
        setNotice({
          tone: affected.length > 0 ? "success" : "error",
          text:
            affected.length > 0
              ? `${PAST[action]} ${plural(affected.length)}.`
              : "Nothing changed: those errors no longer exist.",
          undo:
            action === "archive" && affected.length > 0
              ? { ids: affected, action: "unarchive" }
              : undefined,
        });
        onSettled?.(true);
      });
    },
    [],
  );

  const dismiss = useCallback(() => setNotice(null), []);
  return useMemo(() => ({ run, isPending, notice, dismiss }), [run, isPending, notice, dismiss]);
}

type ErrorActions = ReturnType<typeof useErrorActionsState>;

const ErrorActionsContext = createContext<ErrorActions | null>(null);

/**
 * Above the table on purpose: the outcome of an action must stay on screen when its rows (or
 * the whole table, when the last row leaves the view) are gone.
 */
export function ErrorActionsProvider({ children }: { children: React.ReactNode }) {
  return <ErrorActionsContext value={useErrorActionsState()}>{children}</ErrorActionsContext>;
}

export function useErrorActions(): ErrorActions {
  const value = use(ErrorActionsContext);
  if (!value) throw new Error("useErrorActions needs an ErrorActionsProvider");
  return value;
}
