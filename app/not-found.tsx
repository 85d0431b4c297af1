import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AppShell } from "@/components/app-shell";
import { Logo } from "@/components/logo";
import { buttonClass } from "@/components/ui/button";
import { currentUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("NotFound"))("title") };
}

/**
 * Any URL that matches no page: a 404 inside the app's own shell (header, sign out) for a
 * signed-in user, a plain branded page otherwise. Pages that call notFound() for a missing row
 * keep their own (errors/[id], its events).
 */
export default async function NotFound() {
  const [user, t] = await Promise.all([currentUser(), getTranslations("NotFound")]);
  const body = (
    <div className="mx-auto max-w-lg space-y-4 py-12 text-center" data-testid="not-found">
      <p className="text-sm font-semibold text-indigo-600 dark:text-indigo-400">404</p>
      <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-300">{t("body")}</p>
      <Link href={user ? "/errors" : "/login"} className={buttonClass("primary")}>
        {user ? t("backToErrors") : t("logIn")}
      </Link>
    </div>
  );
  if (user) return <AppShell userName={user.name}>{body}</AppShell>;
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-4 py-10">
      <Link href="/" className="mb-4 text-xl" aria-label={t("homeLabel")}>
        <Logo />
      </Link>
      {body}
    </main>
  );
}
