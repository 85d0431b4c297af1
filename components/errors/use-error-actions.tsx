"use client";

import { createContext, use, useCallback, useMemo, useState, useTransition } from "react";
import {
  type ErrorAction,
  type ErrorActionInput,
  updateErrors,
} from "@/app/(dashboard)/errors/(list)/actions";
import { useLaterTranslations } from "./later-messages";
import type { Person } from "./types";

export interface ActionNotice {
  tone: "success" | "error";
  text: string;
  /** Archiving, unarchiving and resolving can be undone from the notice. */
  undo?: ErrorActionInput;
}

/** A list action: the bulk API's body (`ids`, `action` and its options). */
export type ErrorActionRequest = ErrorActionInput;

/** What undoes an action, when one does. */
const UNDO: Partial<Record<ErrorAction, ErrorAction>> = {
  archive: "unarchive",
  // Archives again with no end condition: an earlier "until …" is not brought back.
  unarchive: "archive",
  resolve: "reopen",
};

/** Runs the list's server actions in a transition and keeps the last outcome for a live region. */
function useErrorActionsState(members: Person[], currentUserId: number) {
  const later = useLaterTranslations();
  const [isPending, startTransition] = useTransition();
  const [notice, setNotice] = useState<ActionNotice | null>(null);

  const run = useCallback(
    (request: ErrorActionRequest, onSettled?: (ok: boolean) => void) => {
      if (request.ids.length === 0) return;
      startTransition(async () => {
        let result: Awaited<ReturnType<typeof updateErrors>>;
        try {
          result = await updateErrors(request);
        } catch (error) {
          // A dropped connection or a server failure: say so here rather than replace the page.
          console.error(error);
          setNotice({ tone: "error", text: later("unreachable") });
          onSettled?.(false);
          return;
        }
        if (!result.ok) {
          const text =
            result.reason === "signedOut"
              ? later("signedOut")
              : (result.error ?? later("invalidRequest"));
          setNotice({ tone: "error", text });
          onSettled?.(false);
          return;
        }
        const { affected } = result;
        const undo = UNDO[request.action];
        setNotice({
          tone: affected.length > 0 ? "success" : "error",
          text: result.notice,
          undo: undo && affected.length > 0 ? { ids: affected, action: undo } : undefined,
        });
        onSettled?.(true);
      });
    },
    [later],
  );

  const dismiss = useCallback(() => setNotice(null), []);
  return useMemo(
    () => ({ run, isPending, notice, dismiss, members, currentUserId }),
    [run, isPending, notice, dismiss, members, currentUserId],
  );
}

type ErrorActions = ReturnType<typeof useErrorActionsState>;

const ErrorActionsContext = createContext<ErrorActions | null>(null);

/**
 * Above the table on purpose: the outcome of an action must stay on screen when its rows (or
 * the whole table, when the last row leaves the view) are gone. `members` are the people an
 * error of this project may be assigned to.
 */
export function ErrorActionsProvider({
  members,
  currentUserId,
  children,
}: {
  members: Person[];
  currentUserId: number;
  children: React.ReactNode;
}) {
  return (
    <ErrorActionsContext value={useErrorActionsState(members, currentUserId)}>
      {children}
    </ErrorActionsContext>
  );
}

export function useErrorActions(): ErrorActions {
  const value = use(ErrorActionsContext);
  if (!value) throw new Error("useErrorActions needs an ErrorActionsProvider");
  return value;
}
