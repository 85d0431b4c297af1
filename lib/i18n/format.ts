/**
 * Dates, relative times, numbers and plural categories in a given language, through Intl.
 * Server components pass `await getLocale()`, client components `useLocale()`. Times are in
 * UTC, as the rest of the app shows them (and as next-intl is configured in request.ts).
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "Mar 5, 2025" / "5 de mar. de 2025". */
export function formatDate(date: Date | number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(date);
}

/** "Mar 5, 2025, 14:03 UTC" / "5 de mar. de 2025, 14:03 UTC". */
export function formatDateTime(date: Date | number, locale: string): string {
  const text = new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
    hourCycle: "h23",
    timeZone: "UTC",
  }).format(date);
  return `${text} UTC`;
}

/**
 * How long ago: "now", "5 minutes ago", "3 hours ago", "yesterday", "12 days ago" — in
 * Portuguese "agora", "há 5 minutos", "ontem". Past a month, the date itself.
 */
export function formatRelativeTime(date: Date | number, now: number, locale: string): string {
  const time = typeof date === "number" ? date : date.getTime();
  const span = Math.max(0, now - time);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  if (span < MINUTE) return format.format(0, "second");
  if (span < HOUR) return format.format(-Math.floor(span / MINUTE), "minute");
  if (span < DAY) return format.format(-Math.floor(span / HOUR), "hour");
  if (span < 30 * DAY) return format.format(-Math.floor(span / DAY), "day");
  return formatDate(time, locale);
}

/** "1,234" / "1.234". */
export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value);
}

/**
 * The plural category of a count ("one", "other" …). Messages pluralize with ICU
 * (`{count, plural, one {# event} other {# events}}`), which next-intl resolves through the
 * same Intl.PluralRules; this is for code that picks between whole phrases.
 */
export function pluralCategory(count: number, locale: string): Intl.LDMLPluralRule {
  return new Intl.PluralRules(locale).select(count);
}
