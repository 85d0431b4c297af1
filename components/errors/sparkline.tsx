const BAR = 2;
const GAP = 1;
const HEIGHT = 24;

/**
 * Events per hour over the last 24 hours as bars, drawn as one path (a 2-pixel stroke per
 * hour) above a baseline; the size, colours and baseline are the `spark` class's
 * (app/errors-list.css). The title carries the numbers.
 */
export function Sparkline({ counts }: { counts: number[] }) {
  const total = counts.reduce((sum, n) => sum + n, 0);
  const peak = Math.max(0, ...counts);
  const width = counts.length * (BAR + GAP) - GAP;
  const label =
    total === 0
      ? "No events in the last 24 hours"
      : `${total} ${total === 1 ? "event" : "events"} in the last 24 hours, at most ${peak} in an hour`;
  let bars = "";
  counts.forEach((count, index) => {
    if (count === 0) return;
    // At least two pixels, so a single event is still visible next to a busy hour.
    const height = Math.max(2, Math.round((count / peak) * HEIGHT));
    bars += `M${index * (BAR + GAP) + BAR / 2} ${HEIGHT}v-${height}`;
  });
  return (
    <svg role="img" viewBox={`0 0 ${width} ${HEIGHT}`} className="spark">
      <title>{label}</title>
      {bars ? <path d={bars} /> : null}
    </svg>
  );
}
