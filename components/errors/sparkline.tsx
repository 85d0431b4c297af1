const BAR = 2;
const GAP = 1;
const HEIGHT = 24;

/** Events per hour over the last 24 hours as inline bars; the label carries the numbers. */
export function Sparkline({ counts, className = "" }: { counts: number[]; className?: string }) {
  const total = counts.reduce((sum, n) => sum + n, 0);
  const peak = Math.max(0, ...counts);
  const width = counts.length * (BAR + GAP) - GAP;
  const label =
    total === 0
      ? "No events in the last 24 hours"
      : `${total} ${total === 1 ? "event" : "events"} in the last 24 hours, at most ${peak} in an hour`;
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${width} ${HEIGHT}`}
      width={width}
      height={HEIGHT}
      className={`shrink-0 overflow-visible ${className}`}
    >
      <title>{label}</title>
      <line
        x1={0}
        x2={width}
        y1={HEIGHT - 0.5}
        y2={HEIGHT - 0.5}
        className="stroke-zinc-200 dark:stroke-zinc-700"
        strokeWidth={1}
      />
      {counts.map((count, index) => {
        if (count === 0) return null;
        // At least two pixels, so a single event is still visible next to a busy hour.
        const height = Math.max(2, Math.round((count / peak) * HEIGHT));
        return (
          <rect
            // biome-ignore lint/suspicious/noArrayIndexKey: the index is the hour; bars never move
            key={index}
            x={index * (BAR + GAP)}
            y={HEIGHT - height}
            width={BAR}
            height={height}
            rx={0.5}
            className="fill-indigo-500 dark:fill-indigo-400"
          />
        );
      })}
    </svg>
  );
}
