import { getRequestConfig } from "next-intl/server";
import type { Locale } from "./config";
import { CATALOGUES } from "./messages";
import { requestLocale } from "./request-locale";

/** The catalogue of one language; each top-level key is the namespace of a screen or component. */
export async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  return CATALOGUES[locale];
}

/**
 * next-intl's per-request configuration (next.config.ts points its plugin here). There is no
 * locale in the URL: the language comes from the account, the cookie or Accept-Language.
 * Times are shown in UTC, as everywhere else in Error Central (a server-rendered time cannot
 * know the browser's zone).
 */
export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return { locale, messages: await loadMessages(locale), timeZone: "UTC" };
});
