"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";

type Tone = "light" | "dark";

const TONES: Record<Tone, string> = {
  light:
    "border-zinc-300 bg-white text-zinc-700 hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200 dark:hover:bg-zinc-800",
  dark: "border-zinc-600 bg-zinc-800 text-zinc-100 hover:bg-zinc-700",
};

/**
 * Copies `text` and shows "Copied" for a moment. `what` names the thing for screen readers
 * ("Copy ingest key"); the outcome is announced through a polite live region. `text` may be
 * a function, read at the click (a page's absolute URL is only known in the browser).
 */
export function CopyButton({
  text,
  what,
  label,
  tone = "light",
  className = "",
}: {
  text: string | (() => string);
  what: string;
  /** The visible text while idle ("Copy" in the page's language by default). */
  label?: string;
  tone?: Tone;
  className?: string;
}) {
  const t = useTranslations("CopyButton");
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(typeof text === "function" ? text() : text);
      setStatus("copied");
    } catch {
      // No clipboard outside a secure context (plain http on another host): the text stays selectable.
      setStatus("failed");
    }
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setStatus("idle"), 2500);
  }

  return (
    <>
      <button
        type="button"
        onClick={copy}
        aria-label={t("copyWhat", { what })}
        data-status={status}
        className={`inline-flex shrink-0 items-center gap-1.5 rounded-md border px-2 py-1 text-xs font-medium transition-colors ${TONES[tone]} ${className}`}
      >
        <svg viewBox="0 0 16 16" aria-hidden="true" className="size-3.5" fill="none">
          {status === "copied" ? (
            <path d="M3 8.5 6.5 12 13 4.5" stroke="currentColor" strokeWidth="1.75" />
          ) : (
            <>
              <rect
                x="5"
                y="5"
                width="8"
                height="9"
                rx="1.5"
                stroke="currentColor"
                strokeWidth="1.5"
              />
              <path d="M3 11V3.5A1.5 1.5 0 0 1 4.5 2H10" stroke="currentColor" strokeWidth="1.5" />
            </>
          )}
        </svg>
        {status === "copied"
          ? t("copied")
          : status === "failed"
            ? t("selectToCopy")
            : (label ?? t("copy"))}
      </button>
      <span role="status" aria-live="polite" className="sr-only">
        {status === "copied" ? t("whatCopied", { what }) : status === "failed" ? t("failed") : ""}
      </span>
    </>
  );
}
