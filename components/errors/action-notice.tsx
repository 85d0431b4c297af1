"use client";

import { useEffect, useRef } from "react";
import { useLaterTranslations } from "./later-messages";
import { useErrorActions } from "./use-error-actions";

/**
 * The outcome of the last action, announced politely. When the row that had focus is gone
 * (archived or deleted), focus moves here instead of falling back to the top of the page.
 */
export function ActionNotice() {
  const later = useLaterTranslations();
  const { notice, run, dismiss, isPending } = useErrorActions();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!notice) return;
    const active = document.activeElement;
    if (!active || active === document.body) ref.current?.focus();
  }, [notice]);

  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="status"
      aria-live="polite"
      // Out of the flow while empty, so that it adds no gap; the live region itself stays put.
      className={notice ? "focus:outline-none" : "sr-only"}
    >
      {notice ? (
        <div
          className={`flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border px-3 py-2 text-sm ${
            notice.tone === "success"
              ? "border-emerald-200 bg-emerald-50 text-emerald-900 dark:border-emerald-900 dark:bg-emerald-950/60 dark:text-emerald-200"
              : "border-red-200 bg-red-50 text-red-900 dark:border-red-900 dark:bg-red-950/60 dark:text-red-200"
          }`}
        >
          <span className="min-w-0 flex-1">{notice.text}</span>
          {notice.undo ? (
            <button
              type="button"
              disabled={isPending}
              onClick={() => notice.undo && run(notice.undo)}
              className="rounded-md px-2 py-0.5 font-medium underline underline-offset-2 hover:bg-black/5 disabled:opacity-50 dark:hover:bg-white/10"
            >
              {later("undo")}
            </button>
          ) : null}
          <button
            type="button"
            onClick={dismiss}
            aria-label={later("dismiss")}
            className="rounded-md px-1.5 py-0.5 hover:bg-black/5 dark:hover:bg-white/10"
          >
            <span aria-hidden>×</span>
          </button>
        </div>
      ) : null}
    </div>
  );
}
