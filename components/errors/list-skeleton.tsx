"use client";

import { useTranslations } from "next-intl";

const ROWS = ["r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8"];

/**
 * The list's shape while its first page loads. A client component, and `sk` placeholders
 * (app/components.css), because every first load carries it twice: in the HTML and in the
 * RSC payload.
 */
export function ListSkeleton() {
  const t = useTranslations("ErrorList");
  return (
    <div className="space-y-4" aria-busy="true">
      <p className="sr-only" role="status">
        {t("loading")}
      </p>
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <div className="sk h-4 w-32" />
      </div>
      <div className="flex gap-2 border-b border-zinc-200 pb-2 dark:border-zinc-800">
        {["w-28", "w-48", "w-32"].map((width) => (
          <div key={width} className={`sk h-7 ${width}`} />
        ))}
      </div>
      <div className="sk h-9 rounded-lg" />
      <div className="flex flex-wrap gap-2">
        {["w-14", "w-14", "w-16", "w-12", "w-14"].map((width, i) => (
          <div
            // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
            key={i}
            className={`sk h-6 ${width} rounded-full`}
          />
        ))}
      </div>
      <div className="divide-y divide-zinc-100 overflow-hidden rounded-xl border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
        {ROWS.map((row) => (
          <div key={row} className="flex items-center gap-4 px-3 py-3.5">
            <div className="sk h-5 w-14 shrink-0" />
            <div className="min-w-0 flex-1 space-y-1.5">
              <div className="sk h-4 w-3/4" />
              <div className="sk h-3 w-1/2 opacity-60" />
            </div>
            <div className="sk hidden h-4 w-20 sm:block" />
            <div className="sk hidden h-4 w-16 md:block" />
          </div>
        ))}
      </div>
    </div>
  );
}
