"use client";

import { useLocale, useTranslations } from "next-intl";
import { useId } from "react";
import { formatBucket, formatDateTime } from "@/lib/errors/detail-format";
import { formatNumber } from "@/lib/i18n/format";
import { useClock } from "./time";

export interface Bucket {
  start: string;
  count: number;
}

const WIDTH = 480;
const HEIGHT = 96;
const GAP_RATIO = 0.25;

/**
 * Bars drawn in a stretched viewBox (so the chart fills any width) with the text outside the
 * SVG, where it keeps its size. Each column has a full-height hit area whose <title> is the
 * tooltip; the chart as a whole is one image described by its totals. The columns' classes are
 * app/components.css's.
 */
export function EventsChart({
  title,
  buckets,
  unit,
}: {
  title: string;
  buckets: Bucket[];
  unit: "hour" | "day";
}) {
  const t = useTranslations("EventsChart");
  const locale = useLocale();
  const titleId = useId();
  const descId = useId();
  const clock = useClock();
  // Day buckets are UTC days: shown in UTC so that a bar never carries the previous day's name.
  const zone = unit === "day" ? "UTC" : (clock.timeZone ?? "UTC");
  const total = buckets.reduce((sum, bucket) => sum + bucket.count, 0);
  const peak = buckets.reduce((best, bucket) => (bucket.count > best.count ? bucket : best), {
    start: "",
    count: 0,
  });
  const max = Math.max(1, peak.count);
  const step = WIDTH / Math.max(1, buckets.length);
  const barWidth = step * (1 - GAP_RATIO);
  const label = (bucket: Bucket) =>
    unit === "hour"
      ? `${formatDateTime(bucket.start, { timeZone: zone, locale })}${clock.timeZone ? "" : " UTC"}`
      : `${formatBucket(bucket.start, "day", "UTC", locale)} (UTC)`;
  const description =
    total === 0
      ? t("none")
      : t(unit === "hour" ? "descriptionHour" : "descriptionDay", {
          total,
          when: label(peak),
          peak: peak.count,
        });
  const first = buckets[0];
  const last = buckets[buckets.length - 1];

  return (
    <figure className="min-w-0">
      <figcaption className="mb-2 flex items-baseline justify-between gap-2 text-sm">
        <span className="font-medium">{title}</span>
        <span className="text-zinc-500 tabular-nums dark:text-zinc-400">
          {t("events", { count: total })}
        </span>
      </figcaption>
      <svg
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
        className="block h-24 w-full"
        data-testid={`chart-${unit}`}
      >
        <title id={titleId}>{title}</title>
        <desc id={descId}>{description}</desc>
        <line
          x1={0}
          x2={WIDTH}
          y1={HEIGHT - 0.5}
          y2={HEIGHT - 0.5}
          strokeWidth={1}
          vectorEffect="non-scaling-stroke"
          className="stroke-zinc-300 dark:stroke-zinc-700"
        />
        {buckets.map((bucket, index) => {
          const height = bucket.count === 0 ? 0 : Math.max(3, (bucket.count / max) * (HEIGHT - 12));
          return (
            <g key={bucket.start}>
              <title>{t("bar", { when: label(bucket), count: bucket.count })}</title>
              <rect x={index * step} y={0} width={step} height={HEIGHT} className="chart-hit" />
              {height > 0 ? (
                <rect
                  x={index * step + (step - barWidth) / 2}
                  y={HEIGHT - height}
                  width={barWidth}
                  height={height}
                  className="chart-bar"
                />
              ) : null}
            </g>
          );
        })}
      </svg>
      {first && last ? (
        <div
          aria-hidden
          className="mt-1 flex justify-between text-xs text-zinc-500 tabular-nums dark:text-zinc-400"
        >
          <span>{formatBucket(first.start, unit, zone, locale)}</span>
          {peak.count > 0 ? (
            <span>
              {t(unit === "hour" ? "maxHour" : "maxDay", {
                peak: formatNumber(peak.count, locale),
              })}
            </span>
          ) : null}
          <span>{unit === "hour" ? t("now") : t("today")}</span>
        </div>
      ) : null}
    </figure>
  );
}
