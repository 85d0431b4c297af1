"use client";

import { useLocale, useTranslations } from "next-intl";
import { useId, useRef } from "react";
import { changeLocale } from "@/app/locale-actions";
import { LOCALE_NAMES, LOCALE_SHORT, LOCALES } from "@/lib/i18n/config";

/**
 * The language picker of the header and the login and sign-up pages. Choosing a language posts
 * the form at once; the page comes back in that language. Each language is named in itself.
 * At phone width the select is laid invisibly over a globe and a short tag ("PT"), so the
 * header keeps its room; it stays the real control, with its label, for every input method.
 */
export function LocaleSwitcher({ className = "" }: { className?: string }) {
  const t = useTranslations("LocaleSwitcher");
  const locale = useLocale();
  const form = useRef<HTMLFormElement>(null);
  const id = useId();
  return (
    <form
      ref={form}
      action={changeLocale}
      className={`relative rounded-lg focus-within:ring-2 focus-within:ring-indigo-500/40 sm:focus-within:ring-0 ${className}`}
    >
      <span
        aria-hidden="true"
        className="flex items-center gap-1 rounded-lg px-1.5 py-1.5 text-xs font-semibold text-zinc-600 sm:hidden dark:text-zinc-300"
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 16 16"
          className="size-4"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.3"
        >
          <circle cx="8" cy="8" r="6.25" />
          <path d="M1.75 8h12.5M8 1.75c1.8 1.7 2.7 3.8 2.7 6.25S9.8 12.55 8 14.25M8 1.75C6.2 3.45 5.3 5.55 5.3 8s.9 4.55 2.7 6.25" />
        </svg>
        {LOCALE_SHORT[locale]}
      </span>
      <label htmlFor={id} className="sr-only">
        {t("label")}
      </label>
      <select
        id={id}
        name="locale"
        defaultValue={locale}
        key={locale}
        onChange={() => form.current?.requestSubmit()}
        className="absolute inset-0 w-full cursor-pointer opacity-0 sm:static sm:w-auto sm:opacity-100 sm:rounded-lg sm:border sm:border-zinc-300 sm:bg-white sm:py-1 sm:pr-7 sm:pl-2 text-sm text-zinc-700 focus:outline-none sm:focus:border-indigo-500 sm:focus:ring-2 sm:focus:ring-indigo-500/30 dark:sm:border-zinc-700 dark:sm:bg-zinc-900 dark:text-zinc-200"
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
