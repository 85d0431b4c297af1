/** Class names shared by the settings sections. */
export const smallButton =
  "inline-flex shrink-0 items-center justify-center rounded-md border border-zinc-300 bg-white px-2.5 py-1 text-xs font-medium text-zinc-700 hover:bg-zinc-50 disabled:cursor-not-allowed disabled:opacity-60 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200 dark:hover:bg-zinc-800";

export const smallDangerButton =
  "inline-flex shrink-0 items-center justify-center rounded-md border border-red-300 bg-white px-2.5 py-1 text-xs font-medium text-red-700 hover:bg-red-50 disabled:cursor-not-allowed disabled:opacity-60 dark:border-red-900 dark:bg-zinc-900 dark:text-red-300 dark:hover:bg-red-950/60";

export const linkClass =
  "font-medium text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300";

export const mutedText = "text-zinc-600 dark:text-zinc-400";

export const listClass =
  "divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800";

export const monoBox =
  "min-w-0 rounded-md bg-zinc-100 px-2 py-1 font-mono text-xs text-zinc-800 wrap-anywhere dark:bg-zinc-800 dark:text-zinc-200";
