import type { Level } from "@/lib/ingest/levels";

/** The level's name on its colour (app/components.css): colour is never the only cue. */
export function LevelBadge({ level }: { level: Level }) {
  return (
    <span className="lv" data-level={level}>
      {level}
    </span>
  );
}
