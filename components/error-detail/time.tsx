"use client";

import { useLocale, useTranslations } from "next-intl";
import { createContext, use, useEffect, useState } from "react";
import { formatDateTime, formatRelative } from "@/lib/errors/detail-format";

interface Clock {
  now: number;
  /** Undefined until hydrated: the server renders in UTC, then the viewer's zone takes over. */
  timeZone: string | undefined;
}

const ClockContext = createContext<Clock>({ now: 0, timeZone: undefined });

/** One clock for every time on the page: the server's render time first, so hydration matches. */
export function TimeProvider({
  serverNow,
  children,
}: {
  serverNow: number;
  children: React.ReactNode;
}) {
  const [clock, setClock] = useState<Clock>({ now: serverNow, timeZone: undefined });
  useEffect(() => {
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const tick = () => setClock({ now: Date.now(), timeZone });
    tick();
    const timer = window.setInterval(tick, 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return <ClockContext value={clock}>{children}</ClockContext>;
}

export function useClock(): Clock {
  return use(ClockContext);
}

/** The zone's name reads the same in every language ("14:03 UTC", as lib/i18n/format.ts says it). */
const UTC = "UTC";

function zoneOf(clock: Clock): string {
  return clock.timeZone ?? "UTC";
}

/** "27 Nov 2026, 14:03" ("27 de nov. de 2026, 14:03") in the viewer's time zone; the ISO time on hover. */
export function DateTime({
  iso,
  seconds,
  className,
}: {
  iso: string;
  seconds?: boolean;
  className?: string;
}) {
  const clock = useClock();
  const locale = useLocale();
  const zone = zoneOf(clock);
  return (
    <time dateTime={iso} title={`${iso} (${UTC})`} className={className}>
      {formatDateTime(iso, { timeZone: zone, seconds, locale })}
      {clock.timeZone ? null : ` ${UTC}`}
    </time>
  );
}

/** "5 minutes ago" ("há 5 minutos"), with the exact local time in the tooltip. */
export function RelativeTime({ iso, className }: { iso: string; className?: string }) {
  const t = useTranslations("DetailTime");
  const clock = useClock();
  const locale = useLocale();
  const zone = zoneOf(clock);
  const exact = `${formatDateTime(iso, { timeZone: zone, seconds: true, locale })}${clock.timeZone ? "" : ` ${UTC}`}`;
  return (
    <time dateTime={iso} title={exact} className={className}>
      {formatRelative(Date.parse(iso), clock.now, locale) ?? t("justNow")}
    </time>
  );
}

const timeOfDay = (timeZone: string) =>
  new Intl.DateTimeFormat("en-GB", {
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    fractionalSecondDigits: 3,
    hourCycle: "h23",
    timeZone,
  });

/** "16:03:21.362" for breadcrumbs; the full date on hover. */
export function TimeOfDay({ iso }: { iso: string }) {
  const clock = useClock();
  const locale = useLocale();
  const zone = zoneOf(clock);
  return (
    <time dateTime={iso} title={formatDateTime(iso, { timeZone: zone, seconds: true, locale })}>
      {timeOfDay(zone).format(new Date(iso))}
    </time>
  );
}
