"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { logout } from "@/app/(auth)/actions";
import { LocaleSwitcher } from "./locale-switcher";
import { Logo } from "./logo";
import { NavLinks } from "./nav-links";

/**
 * The skip link and the header of every signed-in page. A client component so that the RSC
 * payload of each page (which carries the shell once per layout and not-found boundary) refers
 * to it instead of spelling out its markup.
 */
export function AppHeader({ userName }: { userName: string | null }) {
  const t = useTranslations("AppShell");
  return (
    <>
      <a
        href="#main"
        className="sr-only z-30 rounded-lg bg-white px-3 py-2 text-sm font-medium text-indigo-700 shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2 dark:bg-zinc-900 dark:text-indigo-300"
      >
        {t("skipToMain")}
      </a>
      <header className="sticky top-0 z-20 border-b border-zinc-200 bg-white/90 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/90">
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-2 px-3 sm:gap-6 sm:px-6">
          <Link href="/errors" aria-label={t("homeLabel")} className="shrink-0">
            <Logo compact className="text-base [&>svg]:size-6" />
          </Link>
          <NavLinks />
          <div className="ml-auto flex min-w-0 items-center gap-2 sm:gap-3">
            {userName ? (
              <span
                className="hidden max-w-40 truncate text-sm text-zinc-600 sm:inline dark:text-zinc-300"
                data-testid="user-name"
              >
                {userName}
              </span>
            ) : null}
            <LocaleSwitcher />
            <form action={logout}>
              <button
                type="submit"
                className="whitespace-nowrap rounded-lg px-2 py-1.5 text-sm font-medium text-zinc-600 sm:px-2.5 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-white"
              >
                {t("signOut")}
              </button>
            </form>
          </div>
        </div>
      </header>
    </>
  );
}
