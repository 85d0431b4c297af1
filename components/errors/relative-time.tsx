"use client";

import { useLocale, useTranslations } from "next-intl";
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

/** "5 min ago" / "há 5 min", "in 2 h", "just now": short, for the list's columns. */
export function useFormatRelative(): (time: number, now: number) => string {
  const t = useTranslations("ErrorList");
  return (time, now) => {
    const diff = now - time;
    const span = Math.abs(diff);
    if (span < MINUTE) return t("justNow");
    let text: string;
    if (span < HOUR) text = t("minutes", { n: Math.floor(span / MINUTE) });
    else if (span < DAY) text = t("hours", { n: Math.floor(span / HOUR) });
    else if (span < 30 * DAY) text = t("days", { n: Math.floor(span / DAY) });
    else if (span < 365 * DAY) text = t("months", { n: Math.floor(span / (30 * DAY)) });
    else text = t("years", { n: Math.floor(span / (365 * DAY)) });
    return diff < 0 ? t("ahead", { time: text }) : t("ago", { time: text });
  };
}

const exactFormats = new Map<string, Intl.DateTimeFormat>();

/** The exact time in the browser's own zone: only shown once hydrated, never in the HTML. */
function exactFormat(locale: string): Intl.DateTimeFormat {
  let format = exactFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium" });
    exactFormats.set(locale, format);
  }
  return format;
}

/** "5 min ago", with the exact time (local, and ISO) in the tooltip once hydrated. */
export function RelativeTime({ iso, className }: { iso: string; className?: string }) {
  const { now, mounted } = use(ClockContext);
  const locale = useLocale();
  const formatRelative = useFormatRelative();
  const time = Date.parse(iso);
  const title = mounted ? `${exactFormat(locale).format(time)} (${iso})` : undefined;
  return (
    <time dateTime={iso} title={title} className={className}>
      {formatRelative(time, now)}
    </time>
  );
}
