export { LevelBadge } from "@/components/ui/level-badge";
export { StatusBadge, SubstatusBadge } from "@/components/ui/triage-badges";

import { Breakable } from "./breakable";

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
