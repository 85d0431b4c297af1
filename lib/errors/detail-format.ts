/** A bigint row id (errors, events) from a URL; null for anything else, which pages show as a 404. */
export function parseRowId(raw: unknown): number | null {
  if (typeof raw !== "string" || !/^[1-9]\d{0,15}$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}

/** `?events_cursor=`: the position of the last event already shown; an edited one starts over. */
export function parseEventsCursor(raw: string | string[] | undefined): string | null {
  const value = Array.isArray(raw) ? raw[0] : raw;
  return typeof value === "string" && /^\d{1,17}\.[1-9]\d{0,15}$/.test(value) ? value : null;
}

/** English dates read day first ("27 Nov 2026"), as Error Central has always shown them. */
const dateLocale = (locale: string) => (locale === "en" ? "en-GB" : locale);

/**
 * "27 Nov 2026, 14:03" (in Portuguese "27 de nov. de 2026, 14:03") in the given time zone (the
 * viewer's once known, UTC until then).
 */
export function formatDateTime(
  iso: string,
  options: { timeZone?: string; seconds?: boolean; locale?: string } = {},
): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(dateLocale(options.locale ?? "en"), {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: options.seconds ? "2-digit" : undefined,
    hourCycle: "h23",
    timeZone: options.timeZone,
  }).format(date);
}

/** "14:00" or "27 Nov" ("27 de nov.") for chart buckets. */
export function formatBucket(
  iso: string,
  unit: "hour" | "day",
  timeZone?: string,
  locale = "en",
): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(
    dateLocale(locale),
    unit === "hour"
      ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone }
      : { day: "numeric", month: "short", timeZone },
  ).format(date);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * "5 minutes ago", "3 days ago", "in 2 hours" ("há 5 minutos", "em 2 horas"); null under a
 * minute, which the page words itself ("just now", "agora mesmo").
 */
export function formatRelative(time: number, now: number, locale = "en"): string | null {
  const diff = now - time;
  const span = Math.abs(diff);
  if (span < MINUTE) return null;
  const units: [number, Intl.RelativeTimeFormatUnit][] = [
    [365 * DAY, "year"],
    [30 * DAY, "month"],
    [DAY, "day"],
    [HOUR, "hour"],
    [MINUTE, "minute"],
  ];
  const [size, unit] = units.find(([size]) => span >= size) ?? [MINUTE, "minute"];
  const count = Math.floor(span / size);
  return new Intl.RelativeTimeFormat(locale, { numeric: "always" }).format(
    diff < 0 ? count : -count,
    unit,
  );
}
