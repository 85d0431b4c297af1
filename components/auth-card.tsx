import Link from "next/link";
import { useTranslations } from "next-intl";
import { LocaleSwitcher } from "./locale-switcher";
import { Logo } from "./logo";

export function AuthCard({
  title,
  subtitle,
  footer,
  children,
}: {
  title: string;
  subtitle: string;
  footer: { text: string; href: string; link: string };
  children: React.ReactNode;
}) {
  const t = useTranslations("AuthCard");
  return (
    <main className="relative flex min-h-dvh flex-col items-center justify-center px-4 py-10">
      <div className="absolute top-3 right-3 sm:top-4 sm:right-4">
        <LocaleSwitcher />
      </div>
      <Link href="/" className="mb-8 text-xl" aria-label={t("homeLabel")}>
        <Logo />
      </Link>
      <div className="w-full max-w-sm rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm sm:p-8 dark:border-zinc-800 dark:bg-zinc-900">
        <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
        <p className="mt-1 text-sm text-zinc-500 dark:text-zinc-400">{subtitle}</p>
        <div className="mt-6">{children}</div>
      </div>
      <p className="mt-6 text-sm text-zinc-600 dark:text-zinc-400">
        {footer.text}{" "}
        <Link
          href={footer.href}
          className="font-medium text-indigo-600 hover:underline dark:text-indigo-400"
        >
          {footer.link}
        </Link>
      </p>
    </main>
  );
}
