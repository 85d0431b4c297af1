import { useTranslations } from "next-intl";
import { DateTime } from "./time";

export interface ArchiveConditionData {
  until?: string | null;
  untilEvents?: number | null;
  untilRate?: { count: number; minutes: number } | null;
}

/** "until 3 Dec 2026, 10:00", "until 100 more events", "until 10 events within 60 minutes". */
export function ArchiveConditionText({ condition }: { condition: ArchiveConditionData | null }) {
  const t = useTranslations("ArchiveCondition");
  if (condition?.until) {
    const until = condition.until;
    return <>{t.rich("until", { when: () => <DateTime iso={until} /> })}</>;
  }
  if (condition?.untilEvents) return <>{t("untilEvents", { count: condition.untilEvents })}</>;
  if (condition?.untilRate)
    return (
      <>
        {t("untilRate", {
          count: condition.untilRate.count,
          minutes: condition.untilRate.minutes,
        })}
      </>
    );
  return <>{t("forever")}</>;
}
