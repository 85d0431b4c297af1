"use client";

import { useLocale, useTranslations } from "next-intl";
import { useId, useRef } from "react";
import { changeLocale } from "@/app/locale-actions";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/config";

/**
 * The language picker of the header and the login and sign-up pages. Choosing a language posts
 * the form at once; the page comes back in that language. Each language is named in itself.
 */
export function LocaleSwitcher({ className = "" }: { className?: string }) {
  const t = useTranslations("LocaleSwitcher");
  const locale = useLocale();
  const form = useRef<HTMLFormElement>(null);
  const id = useId();
  return (
    <form ref={form} action={changeLocale} className={className}>
      <label htmlFor={id} className="sr-only">
        {t("label")}
      </label>
      <select
        id={id}
        name="locale"
        defaultValue={locale}
        key={locale}
        onChange={() => form.current?.requestSubmit()}
        className="max-w-32 rounded-lg border border-zinc-300 bg-white py-1 pr-7 pl-2 text-sm text-zinc-700 focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/30 sm:max-w-none dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200"
      >
        {LOCALES.map((option) => (
          <option key={option} value={option} lang={option}>
            {LOCALE_NAMES[option]}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="ml-1 text-sm underline">
          {t("apply")}
        </button>
      </noscript>
    </form>
  );
}
