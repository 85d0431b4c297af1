"use client";

import { createContext, use, useCallback, useMemo, useState, useTransition } from "react";
import {
  type ErrorAction,
  type ErrorActionInput,
  updateErrors,
} from "@/app/(dashboard)/errors/(list)/actions";
import type { Person } from "./types";

export interface ActionNotice {
  tone: "success" | "error";
  text: string;
  /** Archiving, unarchiving and resolving can be undone from the notice. */
  undo?: ErrorActionInput;
}

/** A list action: the bulk API's body (`ids`, `action` and its options). */
export type ErrorActionRequest = ErrorActionInput;

const plural = (n: number) => `${n} ${n === 1 ? "error" : "errors"}`;

/** Every sentence the list's actions say, in one place. */
export const ACTION_TEXT = {
  done: (request: ErrorActionRequest, n: number, assigneeName: string | null) => {
    switch (request.action) {
      case "archive":
        return `Archived ${plural(n)}.`;
      case "unarchive":
        return `Unarchived ${plural(n)}.`;
      case "resolve":
        return request.resolve === "inNextRelease"
          ? `Resolved ${plural(n)} in the next release.`
          : `Resolved ${plural(n)}.`;
      case "reopen":
        return `Reopened ${plural(n)}.`;
      case "assign":
        return request.assigneeId === null
          ? `Unassigned ${plural(n)}.`
          : `Assigned ${plural(n)} to ${assigneeName ?? "them"}.`;
      case "delete":
        return `Deleted ${plural(n)}.`;
    }
  },
  nothing: "Nothing changed: those errors no longer exist.",
  unreachable: "The server could not be reached. Try again.",
  you: "you",
};

/** What undoes an action, when one does. */
const UNDO: Partial<Record<ErrorAction, ErrorAction>> = {
  archive: "unarchive",
  // Archives again with no end condition: an earlier "until …" is not brought back.
  unarchive: "archive",
  resolve: "reopen",
};

/** Runs the list's server actions in a transition and keeps the last outcome for a live region. */
function useErrorActionsState(members: Person[], currentUserId: number) {
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
          result = { ok: false, error: ACTION_TEXT.unreachable };
        }
        if (!result.ok) {
          setNotice({ tone: "error", text: result.error });
          onSettled?.(false);
          return;
        }
        const { affected } = result;
        const assigneeName =
          request.assigneeId === currentUserId
            ? ACTION_TEXT.you
            : (members.find((member) => member.id === request.assigneeId)?.name ?? null);
        const undo = UNDO[request.action];
        setNotice({
          tone: affected.length > 0 ? "success" : "error",
          text:
            affected.length > 0
              ? ACTION_TEXT.done(request, affected.length, assigneeName)
              : ACTION_TEXT.nothing,
          undo: undo && affected.length > 0 ? { ids: affected, action: undo } : undefined,
        });
        onSettled?.(true);
      });
    },
    [members, currentUserId],
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
