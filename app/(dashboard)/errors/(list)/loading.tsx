const ROWS = ["r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8"];

/** Shown on the first visit while the list loads; later filter changes keep the old table. */
export default function ErrorsLoading() {
  return (
    <div className="space-y-4" aria-busy="true">
      <p className="sr-only" role="status">
        Loading errors…
      </p>
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">Errors</h1>
        <div className="h-4 w-32 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800" />
      </div>
      <div className="flex gap-2 border-b border-zinc-200 pb-2 dark:border-zinc-800">
        {["w-28", "w-48", "w-32"].map((width) => (
          <div
            key={width}
            className={`h-7 ${width} animate-pulse rounded bg-zinc-200 dark:bg-zinc-800`}
          />
        ))}
      </div>
      <div className="h-9 animate-pulse rounded-lg bg-zinc-200 dark:bg-zinc-800" />
      <div className="flex flex-wrap gap-2">
        {["w-14", "w-14", "w-16", "w-12", "w-14"].map((width, i) => (
          <div
            // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
            key={i}
            className={`h-6 ${width} animate-pulse rounded-full bg-zinc-200 dark:bg-zinc-800`}
          />
        ))}
      </div>
      <div className="divide-y divide-zinc-100 overflow-hidden rounded-xl border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
        {ROWS.map((row) => (
          <div key={row} className="flex items-center gap-4 px-3 py-3.5">
            <div className="h-5 w-14 shrink-0 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800" />
            <div className="min-w-0 flex-1 space-y-1.5">
              <div className="h-4 w-3/4 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800" />
              <div className="h-3 w-1/2 animate-pulse rounded bg-zinc-100 dark:bg-zinc-800/60" />
            </div>
            <div className="hidden h-4 w-20 animate-pulse rounded bg-zinc-200 sm:block dark:bg-zinc-800" />
            <div className="hidden h-4 w-16 animate-pulse rounded bg-zinc-200 md:block dark:bg-zinc-800" />
          </div>
        ))}
      </div>
    </div>
  );
}
