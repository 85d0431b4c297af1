import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AppShell } from "@/components/app-shell";
import { LocaleSwitcher } from "@/components/locale-switcher";
import { Logo } from "@/components/logo";
import { buttonClass } from "@/components/ui/button";
import { currentUser } from "@/lib/auth/session";

/** Pages anyone may read: inside the app shell when signed in, under a plain header otherwise. */
export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  if (user) return <AppShell userName={user.name}>{children}</AppShell>;
  const t = await getTranslations("PublicLayout");
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="sticky top-0 z-20 border-b border-zinc-200 bg-white/90 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/90">
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-3 px-4 sm:px-6">
          <Link href="/login" aria-label={t("homeLabel")} className="shrink-0">
            <Logo compact className="text-base [&>svg]:size-6" />
          </Link>
          <span className="text-sm font-medium text-zinc-600 dark:text-zinc-300">
            {t("apiGuide")}
          </span>
          <nav aria-label={t("accountNav")} className="ml-auto flex items-center gap-1 sm:gap-2">
            <LocaleSwitcher />
            <Link
              href="/login"
              className="rounded-lg px-2.5 py-1.5 text-sm font-medium whitespace-nowrap text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-white"
            >
              {t("logIn")}
            </Link>
            <Link href="/signup" className={buttonClass("primary", "whitespace-nowrap")}>
              {t("signUp")}
            </Link>
          </nav>
        </div>
      </header>
      <main className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 sm:px-6">{children}</main>
    </div>
  );
}
