"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { type ErrorListState, errorListHref } from "@/lib/errors/list-url";
import { LEVELS, type Level } from "@/lib/ingest/levels";
import { useListNavigation } from "./list-navigation";

/**
 * Toggle chips: any number of levels at once; none pressed means every level. A pressed chip
 * takes its level's colour (`lf-<level>`, app/errors-list.css).
 */
export function LevelFilter({ state }: { state: ErrorListState }) {
  const t = useTranslations("ErrorList");
  const levelName = useTranslations("Levels");
  const { navigate } = useListNavigation();
  // Pressed at once; the URL catches up when the filtered page arrives.
  const [levels, setLevels] = useState(state.levels);
  const key = state.levels.join(",");
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the array's content
  useEffect(() => setLevels(state.levels), [key]);
  const toggle = (level: Level) => {
    const next = levels.includes(level)
      ? levels.filter((l) => l !== level)
      : LEVELS.filter((l) => l === level || levels.includes(l));
    setLevels(next);
    navigate(errorListHref(state, { levels: next }));
  };
  return (
    <fieldset className="flex min-w-0 flex-wrap items-center gap-1">
      <legend className="sr-only">{t("level")}</legend>
      <span aria-hidden className="mr-0.5 text-sm text-zinc-500 dark:text-zinc-400">
        {t("level")}
      </span>
      {LEVELS.map((level) => (
        <button
          key={level}
          type="button"
          aria-pressed={levels.includes(level)}
          onClick={() => toggle(level)}
          className={`lvl-f lf-${level}`}
        >
          {levelName(level)}
        </button>
      ))}
    </fieldset>
  );
}
