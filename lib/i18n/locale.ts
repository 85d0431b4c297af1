import { DEFAULT_LOCALE, isLocale, type Locale } from "./config";

/**
 * The language tags of an Accept-Language header, best first: q-values order them (ties keep
 * the header's order), q=0 means "not this one" and is dropped, as are malformed entries.
 */
export function parseAcceptLanguage(header: string | null | undefined): string[] {
  if (!header) return [];
  const entries: { tag: string; q: number; index: number }[] = [];
  header.split(",").forEach((part, index) => {
    const [rawTag, ...params] = part.trim().split(";");
    const tag = rawTag?.trim() ?? "";
    if (!/^(\*|[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*)$/.test(tag)) return;
    let q = 1;
    for (const param of params) {
      const [key, value] = param.trim().split("=");
      if (key?.trim().toLowerCase() !== "q") continue;
      q = Number(value?.trim());
      if (!Number.isFinite(q) || q < 0 || q > 1) q = 0;
    }
    if (q > 0) entries.push({ tag, q, index });
  });
  entries.sort((a, b) => b.q - a.q || a.index - b.index);
  return entries.map((entry) => entry.tag);
}

/** A language tag mapped onto a supported locale: any Portuguese is pt-BR, any English en. */
export function matchLocale(tag: string): Locale | null {
  const primary = tag.toLowerCase().split("-")[0];
  if (primary === "pt") return "pt-BR";
  if (primary === "en") return "en";
  return null;
}

/** The first language of the header Error Central speaks, or null when it speaks none of them. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | null {
  for (const tag of parseAcceptLanguage(header)) {
    const locale = matchLocale(tag);
    if (locale) return locale;
  }
  return null;
}

/**
 * The one place the request's language is decided: the signed-in user's saved choice, else the
 * `locale` cookie (a signed-out visitor's choice), else the browser's Accept-Language, else English.
 */
export function resolveLocale(input: {
  userLocale?: string | null;
  cookie?: string | null;
  acceptLanguage?: string | null;
}): Locale {
  if (isLocale(input.userLocale)) return input.userLocale;
  if (isLocale(input.cookie)) return input.cookie;
  return localeFromAcceptLanguage(input.acceptLanguage) ?? DEFAULT_LOCALE;
}
