import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";

export default async function EventNotFound() {
  const t = await getTranslations("EventNotFound");
  return (
    <div className="mx-auto max-w-lg space-y-4 py-12 text-center">
      <p className="text-sm font-semibold text-indigo-600 dark:text-indigo-400">404</p>
      <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-300">{t("body")}</p>
      <Link href="/errors" className={buttonClass("primary")}>
        {t("back")}
      </Link>
    </div>
  );
}
