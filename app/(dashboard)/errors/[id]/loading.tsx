const BLOCK = "animate-pulse rounded bg-zinc-200 dark:bg-zinc-800";
const CARD =
  "rounded-xl border border-zinc-200 bg-white p-4 shadow-xs sm:p-5 dark:border-zinc-800 dark:bg-zinc-900";

/** The shape of the detail page while it loads. */
export default function ErrorDetailLoading() {
  return (
    <div className="space-y-6" aria-busy="true">
      <p className="sr-only" role="status">
        Loading the error…
      </p>
      <div className="space-y-3">
        <div className={`h-4 w-20 ${BLOCK}`} />
        <div className="flex flex-col gap-4 sm:flex-row sm:justify-between">
          <div className="min-w-0 flex-1 space-y-2">
            <div className={`h-4 w-64 max-w-full ${BLOCK}`} />
            <div className={`h-7 w-3/4 ${BLOCK}`} />
            <div className={`h-5 w-24 ${BLOCK}`} />
          </div>
          <div className="flex gap-2">
            <div className={`h-9 w-24 ${BLOCK}`} />
            <div className={`h-9 w-20 ${BLOCK}`} />
          </div>
        </div>
      </div>
      <div className={`grid grid-cols-2 gap-4 md:grid-cols-4 ${CARD}`}>
        {["a", "b", "c", "d", "e", "f", "g", "h"].map((key) => (
          <div key={key} className="space-y-2">
            <div className={`h-3 w-16 ${BLOCK}`} />
            <div className={`h-4 w-24 ${BLOCK}`} />
          </div>
        ))}
      </div>
      <div className={`space-y-2 ${CARD}`}>
        <div className={`h-4 w-16 ${BLOCK}`} />
        <div className={`h-32 ${BLOCK}`} />
      </div>
      <div className={`grid gap-6 md:grid-cols-2 ${CARD}`}>
        <div className={`h-28 ${BLOCK}`} />
        <div className={`h-28 ${BLOCK}`} />
      </div>
    </div>
  );
}
