/** Events may be dated at most this far ahead of the server clock (client clocks drift). */
export const MAX_FUTURE_MS = 24 * 60 * 60 * 1000;

const MAX_DATE_MS = 8.64e15;
// No event happened before 1970 (epoch seconds cannot say so either). Older dates also break
// on the way back: drivers read years below 100 as 19xx, and old zone offsets have seconds.
const MIN_DATE_MS = 0;

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?$/;

/**
 * An ISO 8601 / RFC 3339 date-time. Without a zone it is rejected unless `assumeUtc` (Sentry
 * SDKs send naive UTC times); `Date.parse` would read those as local time.
 */
export function parseIsoDateTime(text: string, opts: { assumeUtc: boolean }): Date | undefined {
  const match = ISO_DATE_TIME.exec(text.trim());
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, frac, zulu, sign, oh, om] = match;
  if (!zulu && !sign && !opts.assumeUtc) return undefined;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  // A leap second (:60) is folded into :59.
  const second = Math.min(Number(s ?? 0), 59);
  if (
    Number(s ?? 0) > 60 ||
    hour > 23 ||
    minute > 59 ||
    Number(oh ?? 0) > 23 ||
    Number(om ?? 0) > 59
  ) {
    return undefined;
  }
  const millis = Number((frac ?? "").padEnd(3, "0").slice(0, 3));
  // Date.UTC would read years 0–99 as 1900–1999.
  const check = new Date(0);
  check.setUTCFullYear(year, month - 1, day);
  check.setUTCHours(hour, minute, second, millis);
  const local = check.getTime();
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  const offsetMinutes = sign ? (sign === "-" ? -1 : 1) * (Number(oh) * 60 + Number(om)) : 0;
  return validDate(local - offsetMinutes * 60_000);
}

/** Seconds since the Unix epoch (fractions allowed), as Sentry SDKs send them. */
export function fromEpochSeconds(seconds: number): Date | undefined {
  if (!Number.isFinite(seconds) || seconds < 0) return undefined;
  return validDate(seconds * 1000);
}

export function isTooFarInFuture(date: Date, now: Date): boolean {
  return date.getTime() - now.getTime() > MAX_FUTURE_MS;
}

function validDate(ms: number): Date | undefined {
  return Number.isFinite(ms) && ms >= MIN_DATE_MS && ms <= MAX_DATE_MS ? new Date(ms) : undefined;
}
