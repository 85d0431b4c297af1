import { useTranslations } from "next-intl";
import type { Level } from "@/lib/ingest/levels";

/** The level's name on its colour (app/components.css): colour is never the only cue. */
export function LevelBadge({ level }: { level: Level }) {
  const t = useTranslations("Levels");
  return (
    <span className="lv" data-level={level}>
      {t(level)}
    </span>
  );
}
