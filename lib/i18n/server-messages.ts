import { createTranslator } from "next-intl";
import { z } from "zod";
import { en as zodEn, ptBR as zodPtBR } from "zod/v4/locales";
import { DEFAULT_LOCALE, type Locale } from "./config";
import { CATALOGUES } from "./messages";

/**
 * What lib/ and the API say to people, outside React: rules, API errors, emails and chat
 * messages carry a catalogue key and its values, and whoever answers (the HTTP edge, a server
 * action, the alert sender) renders them in the language it knows.
 */
const TRANSLATORS = {
  en: createTranslator({ locale: "en", messages: CATALOGUES.en }),
  "pt-BR": createTranslator({ locale: "pt-BR", messages: CATALOGUES["pt-BR"] }),
};

export type MessageKey = Parameters<(typeof TRANSLATORS)["en"]>[0];
export type MessageValues = Record<string, string | number | Date>;

/** A sentence for people, not yet in a language. */
export interface Message {
  key: MessageKey;
  values?: MessageValues;
}

/** Text that is either already written (names, vendor text) or a catalogue message. */
export type Text = string | Message;

export const message = (key: MessageKey, values?: MessageValues): Message => ({ key, values });

export function render(text: Text, locale: Locale = DEFAULT_LOCALE): string {
  if (typeof text === "string") return text;
  // The key is checked against the catalogue's type; values are checked by the completeness test.
  return (TRANSLATORS[locale] as (key: string, values?: MessageValues) => string)(
    text.key,
    text.values,
  );
}

/** One language's `t(key, values)` for server code that writes several sentences. */
export function serverTranslator(locale: Locale = DEFAULT_LOCALE) {
  return (key: MessageKey, values?: MessageValues) => render({ key, values }, locale);
}

// Zod parses synchronously, so the language of the parse under way can live in a variable.
let parseLocale: Locale = DEFAULT_LOCALE;

const ZOD_LOCALES = { en: zodEn().localeError, "pt-BR": zodPtBR().localeError };
z.config({ localeError: (issue) => ZOD_LOCALES[parseLocale](issue) });

/** Runs a (synchronous) zod parse with its messages, built-in and ours, in `locale`. */
export function inParseLocale<T>(locale: Locale, parse: () => T): T {
  const previous = parseLocale;
  parseLocale = locale;
  try {
    return parse();
  } finally {
    parseLocale = previous;
  }
}

/** A schema's error message from the catalogue, written in the language of the parse. */
export function zodMessage(key: MessageKey, values?: MessageValues) {
  return { error: () => render({ key, values }, parseLocale) };
}

/** The same, for `ctx.addIssue` inside a refinement (which runs during the parse). */
export function parseText(key: MessageKey, values?: MessageValues): string {
  return render({ key, values }, parseLocale);
}
