"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";

/**
 * Shows only the in-app frames until asked for all of them. The frames stay server-rendered:
 * this leaf only flips an attribute that the library frames' `hidden` class reads.
 */
export function FramesToggle({
  hiddenCount,
  children,
}: {
  hiddenCount: number;
  children: React.ReactNode;
}) {
  const t = useTranslations("FramesToggle");
  const [showAll, setShowAll] = useState(false);
  const id = useId();
  return (
    <div data-show-all={showAll} className="group/frames">
      {hiddenCount > 0 ? (
        <div className="mb-2 flex items-center gap-2 text-sm">
          <input
            id={id}
            type="checkbox"
            checked={showAll}
            onChange={(event) => setShowAll(event.target.checked)}
            className="size-4 rounded border-zinc-300 accent-indigo-600 dark:border-zinc-600"
          />
          <label htmlFor={id} className="select-none">
            {t("showAll")}{" "}
            <span className="text-zinc-500 dark:text-zinc-400">
              {t("hiddenCount", { count: hiddenCount, hidden: showAll ? "no" : "yes" })}
            </span>
          </label>
        </div>
      ) : null}
      {children}
    </div>
  );
}
