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
/** A value of a message: text, a number or date to format, or a message of its own (a phrase). */
export type MessageValue = string | number | Date | Message;
export type MessageValues = Record<string, MessageValue>;

/** A sentence for people, not yet in a language. */
export interface Message {
  key: MessageKey;
  values?: MessageValues;
}

function isMessage(value: MessageValue): value is Message {
  return typeof value === "object" && !(value instanceof Date);
}

/** Text that is either already written (names, vendor text) or a catalogue message. */
export type Text = string | Message;

export const message = (key: MessageKey, values?: MessageValues): Message => ({ key, values });

export function render(text: Text, locale: Locale = DEFAULT_LOCALE): string {
  if (typeof text === "string") return text;
  // Phrases given as values are written in the same language first.
  const values = text.values
    ? Object.fromEntries(
        Object.entries(text.values).map(([name, value]) => [
          name,
          isMessage(value) ? render(value, locale) : value,
        ]),
      )
    : undefined;
  // The key is checked against the catalogue's type; values are checked by the completeness test.
  return (TRANSLATORS[locale] as (key: string, values?: Record<string, unknown>) => string)(
    text.key,
    values,
  );
}

/** One language's `t(key, values)` for server code that writes several sentences. */
export function serverTranslator(locale: Locale = DEFAULT_LOCALE) {
  return (key: MessageKey, values?: MessageValues) => render({ key, values }, locale);
}

/**
 * The language of the zod parse under way (zod parses synchronously, so one value will do). It
 * lives on globalThis, like zod's own config: a server build may hold several copies of this
 * module, and the last one to call z.config is the one zod asks.
 */
const shared = globalThis as { __ecParseLocale?: { locale: Locale } };
shared.__ecParseLocale ??= { locale: DEFAULT_LOCALE };
const parse = shared.__ecParseLocale;

const ZOD_LOCALES = { en: zodEn().localeError, "pt-BR": zodPtBR().localeError };
z.config({ localeError: (issue) => ZOD_LOCALES[parse.locale](issue) });

/** Runs a (synchronous) zod parse with its messages, built-in and ours, in `locale`. */
export function inParseLocale<T>(locale: Locale, run: () => T): T {
  const previous = parse.locale;
  parse.locale = locale;
  try {
    return run();
  } finally {
    parse.locale = previous;
  }
}

/** A schema's error message from the catalogue, written in the language of the parse. */
export function zodMessage(key: MessageKey, values?: MessageValues) {
  return { error: () => render({ key, values }, parse.locale) };
}

/** The same, for `ctx.addIssue` inside a refinement (which runs during the parse). */
export function parseText(key: MessageKey, values?: MessageValues): string {
  return render({ key, values }, parse.locale);
}
