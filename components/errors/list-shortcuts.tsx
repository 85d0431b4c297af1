"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useLaterTranslations } from "./later-messages";
import type { ErrorRow } from "./types";

/** The list's keyboard shortcuts, as the help dialog lists them (ErrorList messages). */
export const LIST_SHORTCUTS = [
  ["/", "shortcutSearch"],
  ["j", "shortcutNext"],
  ["k", "shortcutPrevious"],
  ["Enter", "shortcutOpen"],
  ["x", "shortcutSelect"],
  ["e", "shortcutArchive"],
  ["r", "shortcutResolve"],
  ["?", "shortcutHelp"],
] as const;

/** The search box the `/` shortcut focuses. */
export const SEARCH_INPUT_ID = "errors-search";

/** Keys typed into a field, or with a modifier, are the field's or the browser's. */
function ownedElsewhere(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return true;
  // A dialog (a confirmation, this help) has the keyboard while it is open.
  if (document.querySelector("dialog[open]")) return true;
  const target = event.target as HTMLElement | null;
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag === "INPUT") {
    const type = (target as HTMLInputElement).type;
    return type !== "checkbox" && type !== "radio" && type !== "button";
  }
  // Enter on a focused link or button is that control's own.
  return event.key === "Enter" && (tag === "A" || tag === "BUTTON");
}

/**
 * j/k move a "current" row through the page, Enter opens it, x selects it, e archives, r
 * resolves, / focuses the search box and ? shows the shortcuts. The current row is announced
 * through a polite live region, as are the moves that reach either end.
 */
export function useListShortcuts({
  rows,
  busy,
  onToggle,
  onArchive,
  onResolve,
}: {
  rows: ErrorRow[];
  busy: boolean;
  /** Returns whether the row is now selected. */
  onToggle: (row: ErrorRow) => boolean;
  onArchive: (row: ErrorRow) => void;
  onResolve: (row: ErrorRow) => void;
}) {
  const later = useLaterTranslations();
  const router = useRouter();
  const [current, setCurrent] = useState(-1);
  const [announcement, setAnnouncement] = useState("");
  const [helpOpen, setHelpOpen] = useState(false);
  const latest = useRef({ rows, current, busy, onToggle, onArchive, onResolve, later });
  latest.current = { rows, current, busy, onToggle, onArchive, onResolve, later };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (ownedElsewhere(event)) return;
      const state = latest.current;
      const row = state.rows[state.current];
      const move = (to: number) => {
        const next = Math.max(0, Math.min(state.rows.length - 1, to));
        const target = state.rows[next];
        if (!target) return;
        setCurrent(next);
        setAnnouncement(
          state.later("announcePosition", {
            title: target.title,
            position: next + 1,
            count: state.rows.length,
            end: String(next === state.current),
          }),
        );
        // The table on wide screens, the cards on phones: the one that is shown.
        for (const element of document.querySelectorAll<HTMLElement>(
          `[data-error-row="${target.id}"]`,
        ))
          if (element.offsetParent !== null) element.scrollIntoView({ block: "nearest" });
      };
      switch (event.key) {
        case "/":
          event.preventDefault();
          document.getElementById(SEARCH_INPUT_ID)?.focus();
          return;
        case "?":
          event.preventDefault();
          setHelpOpen(true);
          return;
        case "j":
          event.preventDefault();
          move(state.current + 1);
          return;
        case "k":
          event.preventDefault();
          move(state.current < 0 ? 0 : state.current - 1);
          return;
      }
      if (!row) return;
      switch (event.key) {
        case "Enter":
          event.preventDefault();
          router.push(`/errors/${row.id}`);
          return;
        case "x":
          event.preventDefault();
          setAnnouncement(
            state.later(state.onToggle(row) ? "announceSelected" : "announceUnselected", {
              title: row.title,
            }),
          );
          return;
        case "e":
          event.preventDefault();
          if (!state.busy) state.onArchive(row);
          return;
        case "r":
          event.preventDefault();
          if (!state.busy) state.onResolve(row);
          return;
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [router]);

  const currentId = rows[current]?.id ?? null;
  return { currentId, announcement, helpOpen, closeHelp: () => setHelpOpen(false) };
}

/** The `?` dialog: every shortcut, closed with Escape or its button. */
export function ShortcutsHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const later = useLaterTranslations();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby="shortcuts-title"
      onClose={onClose}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl border border-zinc-200 bg-white p-5 text-zinc-900 shadow-xl backdrop:bg-zinc-950/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <h2 id="shortcuts-title" className="mb-3 text-base font-semibold">
        {later("shortcutsTitle")}
      </h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        {LIST_SHORTCUTS.map(([key, what]) => (
          <div key={key} className="contents">
            <dt>
              <kbd className="rounded border border-zinc-300 bg-zinc-50 px-1.5 py-0.5 font-mono text-xs dark:border-zinc-600 dark:bg-zinc-800">
                {key}
              </kbd>
            </dt>
            <dd className="text-zinc-600 dark:text-zinc-300">{later(what)}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-4 flex justify-end">
        <button
          type="button"
          onClick={onClose}
          className="rounded-lg border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-50 dark:border-zinc-600 dark:hover:bg-zinc-800"
        >
          {later("shortcutsClose")}
        </button>
      </div>
    </dialog>
  );
}
