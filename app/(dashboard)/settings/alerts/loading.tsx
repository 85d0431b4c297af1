import { useTranslations } from "next-intl";

const pulse = "animate-pulse rounded bg-zinc-200 dark:bg-zinc-800";

export default function AlertsLoading() {
  const t = useTranslations("AlertsPage");
  return (
    <div className="space-y-6" aria-busy="true">
      <p className="sr-only" role="status">
        {t("loading")}
      </p>
      <div className="space-y-2">
        <div className={`h-4 w-28 ${pulse}`} />
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <div className={`h-4 w-96 max-w-full ${pulse}`} />
      </div>
      <div className="max-w-4xl space-y-6">
        {["rules", "log"].map((id) => (
          <div
            key={id}
            className="rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"
          >
            <div className="space-y-2 border-b border-zinc-200 px-4 py-4 sm:px-5 dark:border-zinc-800">
              <div className={`h-5 w-32 ${pulse}`} />
              <div className={`h-4 w-2/3 ${pulse}`} />
            </div>
            <div className="space-y-3 p-4 sm:p-5">
              {[0, 1].map((row) => (
                <div
                  key={row}
                  className="space-y-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800"
                >
                  <div className={`h-4 w-48 ${pulse}`} />
                  <div className={`h-3 w-3/4 ${pulse}`} />
                </div>
              ))}
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}
