/** The languages Error Central speaks. English is the fallback for everything else. */
export const LOCALES = ["en", "pt-BR"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Remembers a signed-out visitor's choice (the login page); a signed-in user's is on the account. */
export const LOCALE_COOKIE = "locale";
export const LOCALE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/** Each language named in itself, as a language switcher lists them. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: "English",
  "pt-BR": "Português (Brasil)",
};

/** The short tag a phone-width switcher shows beside its globe. */
export const LOCALE_SHORT: Record<Locale, string> = { en: "EN", "pt-BR": "PT" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}
