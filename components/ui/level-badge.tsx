import type { Level } from "@/lib/ingest/levels";

// Colour follows severity; the level's name is always written too, so colour is never the only cue.
const STYLES: Record<Level, string> = {
  fatal: "bg-red-700 text-white ring-red-800 dark:bg-red-600 dark:ring-red-500",
  error:
    "bg-red-50 text-red-800 ring-red-200 dark:bg-red-950/60 dark:text-red-200 dark:ring-red-800",
  warning:
    "bg-amber-50 text-amber-900 ring-amber-200 dark:bg-amber-950/60 dark:text-amber-200 dark:ring-amber-800",
  info: "bg-sky-50 text-sky-800 ring-sky-200 dark:bg-sky-950/60 dark:text-sky-200 dark:ring-sky-800",
  debug:
    "bg-zinc-100 text-zinc-700 ring-zinc-200 dark:bg-zinc-800 dark:text-zinc-300 dark:ring-zinc-700",
};

const DOTS: Record<Level, string> = {
  fatal: "bg-white",
  error: "bg-red-600 dark:bg-red-400",
  warning: "bg-amber-500 dark:bg-amber-400",
  info: "bg-sky-500 dark:bg-sky-400",
  debug: "bg-zinc-400",
};

export function LevelBadge({ level }: { level: Level }) {
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-md px-2 py-0.5 text-xs font-medium capitalize ring-1 ring-inset ${STYLES[level]}`}
      data-level={level}
    >
      <span aria-hidden className={`size-1.5 rounded-full ${DOTS[level]}`} />
      {level}
    </span>
  );
}
