export { LevelBadge } from "@/components/ui/level-badge";
export { StatusBadge, SubstatusBadge } from "@/components/ui/triage-badges";

import { useTranslations } from "next-intl";
import { Breakable } from "./breakable";

export function Chip({ label, value }: { label: string; value: string }) {
  return (
    <span className="chip">
      <span>{label}</span>
      <span>
        <Breakable text={value} />
      </span>
    </span>
  );
}

/** Tags as chips; `limit` shows the first few and says how many more there are. */
export function TagList({ tags, limit }: { tags: [string, string][]; limit?: number }) {
  const t = useTranslations("TagList");
  if (tags.length === 0) return null;
  const shown = limit === undefined ? tags : tags.slice(0, limit);
  const more = tags.length - shown.length;
  return (
    <ul aria-label={t("label")} className="flex min-w-0 flex-wrap gap-1.5">
      {shown.map(([key, value]) => (
        <li key={key} className="max-w-full">
          <Chip label={key} value={value} />
        </li>
      ))}
      {more > 0 ? (
        <li className="self-center text-xs text-zinc-500 dark:text-zinc-400">
          {t("more", { count: more })}
        </li>
      ) : null}
    </ul>
  );
}
