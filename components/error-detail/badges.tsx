export { LevelBadge } from "@/components/ui/level-badge";

import type { ErrorStatus } from "@/db/queries/error-groups";
import { Breakable } from "./breakable";

const BADGE =
  "inline-flex items-center gap-1.5 rounded-md px-2 py-0.5 text-xs font-medium ring-1 ring-inset";

export function StatusBadge({ status }: { status: ErrorStatus }) {
  if (status === "resolved") {
    return (
      <span
        className={`${BADGE} bg-sky-50 text-sky-800 ring-sky-200 dark:bg-sky-950/60 dark:text-sky-200 dark:ring-sky-800`}
      >
        Resolved
      </span>
    );
  }
  return status === "archived" ? (
    <span
      className={`${BADGE} bg-zinc-100 text-zinc-700 ring-zinc-300 dark:bg-zinc-800 dark:text-zinc-200 dark:ring-zinc-600`}
    >
      Archived
    </span>
  ) : (
    <span
      className={`${BADGE} bg-emerald-50 text-emerald-800 ring-emerald-200 dark:bg-emerald-950/60 dark:text-emerald-200 dark:ring-emerald-800`}
    >
      Open
    </span>
  );
}

export function Chip({ label, value }: { label: string; value: string }) {
  return (
    <span className="inline-flex max-w-full items-baseline gap-1 rounded-md bg-zinc-100 px-1.5 py-0.5 font-mono text-xs text-zinc-800 ring-1 ring-zinc-200 ring-inset dark:bg-zinc-800 dark:text-zinc-100 dark:ring-zinc-700">
      <span className="shrink-0 text-zinc-500 dark:text-zinc-400">{label}</span>
      <span className="min-w-0 wrap-break-word">
        <Breakable text={value} />
      </span>
    </span>
  );
}

/** Tags as chips; `limit` shows the first few and says how many more there are. */
export function TagList({ tags, limit }: { tags: [string, string][]; limit?: number }) {
  if (tags.length === 0) return null;
  const shown = limit === undefined ? tags : tags.slice(0, limit);
  const more = tags.length - shown.length;
  return (
    <ul aria-label="Tags" className="flex min-w-0 flex-wrap gap-1.5">
      {shown.map(([key, value]) => (
        <li key={key} className="max-w-full">
          <Chip label={key} value={value} />
        </li>
      ))}
      {more > 0 ? (
        <li className="self-center text-xs text-zinc-500 dark:text-zinc-400">+{more} more</li>
      ) : null}
    </ul>
  );
}
