"use client";

import { useEffect, useState } from "react";
import { type ErrorListState, errorListHref } from "@/lib/errors/list-url";
import { LEVELS, type Level } from "@/lib/ingest/levels";
import { useListNavigation } from "./list-navigation";

const ON: Record<Level, string> = {
  fatal: "aria-pressed:border-red-700 aria-pressed:bg-red-700 aria-pressed:text-white",
  error:
    "aria-pressed:border-red-300 aria-pressed:bg-red-100 aria-pressed:text-red-900 dark:aria-pressed:border-red-700 dark:aria-pressed:bg-red-950 dark:aria-pressed:text-red-100",
  warning:
    "aria-pressed:border-amber-300 aria-pressed:bg-amber-100 aria-pressed:text-amber-950 dark:aria-pressed:border-amber-700 dark:aria-pressed:bg-amber-950 dark:aria-pressed:text-amber-100",
  info: "aria-pressed:border-sky-300 aria-pressed:bg-sky-100 aria-pressed:text-sky-950 dark:aria-pressed:border-sky-700 dark:aria-pressed:bg-sky-950 dark:aria-pressed:text-sky-100",
  debug:
    "aria-pressed:border-zinc-400 aria-pressed:bg-zinc-200 aria-pressed:text-zinc-900 dark:aria-pressed:border-zinc-500 dark:aria-pressed:bg-zinc-700 dark:aria-pressed:text-white",
};

/** Toggle chips: any number of levels at once; none pressed means every level. */
export function LevelFilter({ state }: { state: ErrorListState }) {
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
      <legend className="sr-only">Level</legend>
      <span aria-hidden className="mr-0.5 text-sm text-zinc-500 dark:text-zinc-400">
        Level
      </span>
      {LEVELS.map((level) => (
        <button
          key={level}
          type="button"
          aria-pressed={levels.includes(level)}
          onClick={() => toggle(level)}
          className={`rounded-full border border-zinc-300 bg-white px-2 py-1 text-xs font-medium capitalize text-zinc-700 hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800 ${ON[level]}`}
        >
          {level}
        </button>
      ))}
    </fieldset>
  );
}
