"use client";

import { createContext, use, useEffect, useState } from "react";

interface Clock {
  now: number;
  /** False during hydration: the server's clock and time zone are used until then. */
  mounted: boolean;
}

const ClockContext = createContext<Clock>({ now: 0, mounted: false });

/**
 * One shared clock for every relative time on the page. It starts at the server's render time,
 * so the first client render matches the HTML, then follows the browser's clock every minute.
 */
export function ClockProvider({
  serverNow,
  children,
}: {
  serverNow: number;
  children: React.ReactNode;
}) {
  const [clock, setClock] = useState<Clock>({ now: serverNow, mounted: false });
  useEffect(() => {
    const tick = () => setClock({ now: Date.now(), mounted: true });
    tick();
    const timer = window.setInterval(tick, 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return <ClockContext value={clock}>{children}</ClockContext>;
}

/**
 * False until the page is hydrated. Tooltips (`title`) wait for it: they need a pointer, and
 * every one left out of the server's HTML is one less copy per row of the list.
 */
export function useHydrated(): boolean {
  return use(ClockContext).mounted;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function formatRelative(time: number, now: number): string {
  const diff = now - time;
  const ahead = diff < 0;
  const span = Math.abs(diff);
  if (span < MINUTE) return "just now";
  let text: string;
  if (span < HOUR) text = `${Math.floor(span / MINUTE)} min`;
  else if (span < DAY) text = `${Math.floor(span / HOUR)} h`;
  else if (span < 30 * DAY) text = `${Math.floor(span / DAY)} d`;
  else if (span < 365 * DAY) text = `${Math.floor(span / (30 * DAY))} mo`;
  else text = `${Math.floor(span / (365 * DAY))} y`;
  return ahead ? `in ${text}` : `${text} ago`;
}

const exactFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: "medium",
  timeStyle: "medium",
});

/** "5 min ago", with the exact time (local, and ISO) in the tooltip once hydrated. */
export function RelativeTime({ iso, className }: { iso: string; className?: string }) {
  const { now, mounted } = use(ClockContext);
  const time = Date.parse(iso);
  const title = mounted ? `${exactFormat.format(time)} (${iso})` : undefined;
  return (
    <time dateTime={iso} title={title} className={className}>
      {formatRelative(time, now)}
    </time>
  );
}
