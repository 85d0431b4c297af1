import type { Locale } from "./i18n/config";
import { CATALOGUES } from "./i18n/messages";
import { serverTranslator } from "./i18n/server-messages";

/**
 * The OpenAPI document's own words (summaries, descriptions, parameters, body fields, responses)
 * in the API guide's language. The document served at /api/openapi.json stays English: it is a
 * machine contract, the same for every client, and tools and SDK generators read it as written.
 *
 * The docs catalogue's DocsOpenApi namespace holds each text in both languages under a stable
 * key: `operations.<endpointId>.summary`, `.description`, `.params.<name>`, `.fields.<name>` and
 * `.responses.<status>`, and `responses.<status>` for the answers many operations share. An entry
 * is used only while its English text is the document's: a text changed in lib/openapi.ts shows
 * in English until the catalogue follows, never as the translation of what it used to say.
 */
const NAMESPACE = "DocsOpenApi";

/** The language lib/openapi.ts is written in. */
const DOCUMENT_LOCALE: Locale = "en";

/** A text of the document in the page's language: its English and the keys that may hold it. */
export type DocumentText = (english: string, keys: string[]) => string;

/** Whether `locale`'s catalogue holds a DocsOpenApi text at `key`. */
export function hasEntry(locale: Locale, key: string): boolean {
  let node: unknown = CATALOGUES[locale][NAMESPACE];
  for (const segment of key.split(".")) {
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, segment)) return false;
    node = (node as Record<string, unknown>)[segment];
  }
  return typeof node === "string";
}

/** The texts take no values, so each is formatted once per language and kept. */
function translator(locale: Locale) {
  const t = serverTranslator(locale) as (key: string) => string;
  const formatted = new Map<string, string>();
  return (key: string) => {
    let text = formatted.get(key);
    if (text === undefined) {
      text = t(`${NAMESPACE}.${key}`);
      formatted.set(key, text);
    }
    return text;
  };
}

const TRANSLATORS: Partial<Record<Locale, (key: string) => string>> = {};
const translatorIn = (locale: Locale) => (TRANSLATORS[locale] ??= translator(locale));

const english = translatorIn(DOCUMENT_LOCALE);

/** The first of `keys` whose English entry says `text`, if any (what the catalogue has for it). */
export function catalogueKey(text: string, keys: string[]): string | undefined {
  return keys.find((key) => hasEntry(DOCUMENT_LOCALE, key) && english(key) === text);
}

/** The document's texts in `locale`, each falling back to its English when the catalogue lacks it. */
export function documentText(locale: Locale): DocumentText {
  if (locale === DOCUMENT_LOCALE) return (text) => text;
  const t = translatorIn(locale);
  return (text, keys) => {
    const key = catalogueKey(text, keys);
    return key !== undefined && hasEntry(locale, key) ? t(key) : text;
  };
}
