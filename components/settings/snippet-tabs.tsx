"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { CodeBlock } from "@/components/ui/code-block";
import type { Snippet } from "@/lib/snippets";

/** Tabs per the ARIA pattern: one tab stop, arrows/Home/End move between tabs. */
export function SnippetTabs({ snippets, label }: { snippets: Snippet[]; label: string }) {
  const t = useTranslations("SecretReveal");
  const [active, setActive] = useState(0);
  const base = useId();
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);

  function onKeyDown(event: React.KeyboardEvent) {
    const last = snippets.length - 1;
    const next =
      event.key === "ArrowRight"
        ? active === last
          ? 0
          : active + 1
        : event.key === "ArrowLeft"
          ? active === 0
            ? last
            : active - 1
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    setActive(next);
    tabs.current[next]?.focus();
  }

  const current = snippets[active];
  return (
    <div className="min-w-0">
      <div
        role="tablist"
        aria-label={label}
        tabIndex={-1}
        onKeyDown={onKeyDown}
        className="flex flex-wrap gap-x-1 border-b border-zinc-200 dark:border-zinc-800"
      >
        {snippets.map((snippet, index) => (
          <button
            key={snippet.id}
            ref={(node) => {
              tabs.current[index] = node;
            }}
            type="button"
            role="tab"
            id={`${base}-tab-${snippet.id}`}
            aria-selected={index === active}
            aria-controls={`${base}-panel`}
            tabIndex={index === active ? 0 : -1}
            onClick={() => setActive(index)}
            className="-mb-px shrink-0 border-b-2 border-transparent px-2.5 py-1.5 text-xs font-medium whitespace-nowrap text-zinc-600 hover:text-zinc-900 aria-selected:border-indigo-600 aria-selected:text-indigo-700 dark:text-zinc-400 dark:hover:text-white dark:aria-selected:border-indigo-400 dark:aria-selected:text-indigo-300"
          >
            {snippet.label}
          </button>
        ))}
      </div>
      {current ? (
        <div
          role="tabpanel"
          id={`${base}-panel`}
          aria-labelledby={`${base}-tab-${current.id}`}
          className="pt-3"
        >
          <CodeBlock
            code={current.code}
            label={current.label}
            what={t("snippetWhat", { label: current.label })}
          />
        </div>
      ) : null}
    </div>
  );
}
