import { useTranslations } from "next-intl";

const pulse = "animate-pulse rounded bg-zinc-200 dark:bg-zinc-800";

export default function DocsLoading() {
  const t = useTranslations("DocsPage");
  return (
    <div className="lg:grid lg:grid-cols-[13rem_minmax(0,1fr)] lg:gap-10" aria-busy="true">
      <p className="sr-only" role="status">
        {t("loading")}
      </p>
      <div className="hidden space-y-2 lg:block">
        {["w-28", "w-32", "w-20", "w-36", "w-40", "w-36", "w-32", "w-36"].map((width, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
          <div key={i} className={`h-6 ${width} ${pulse}`} />
        ))}
      </div>
      <div className="min-w-0 max-w-4xl space-y-6">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <div className="space-y-2">
          <div className={`h-4 w-full ${pulse}`} />
          <div className={`h-4 w-5/6 ${pulse}`} />
          <div className={`h-4 w-2/3 ${pulse}`} />
        </div>
        {["a", "b"].map((key) => (
          <div key={key} className="space-y-3">
            <div className={`h-6 w-48 ${pulse}`} />
            <div className={`h-4 w-full ${pulse}`} />
            <div className="h-28 animate-pulse rounded-lg bg-zinc-800/80" />
          </div>
        ))}
      </div>
    </div>
  );
}
