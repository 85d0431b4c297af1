import { useTranslations } from "next-intl";

const SECTIONS = [
  { id: "profile", rows: 1 },
  { id: "projects", rows: 2 },
  { id: "keys", rows: 2 },
  { id: "tokens", rows: 1 },
];

const pulse = "animate-pulse rounded bg-zinc-200 dark:bg-zinc-800";

export default function SettingsLoading() {
  const t = useTranslations("Settings");
  return (
    <div className="space-y-6" aria-busy="true">
      <p className="sr-only" role="status">
        {t("loading")}
      </p>
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <div className={`h-4 w-72 max-w-full ${pulse}`} />
      </div>
      <div className="lg:grid lg:grid-cols-[11rem_minmax(0,1fr)] lg:gap-8">
        <div className="hidden space-y-2 lg:block">
          {["w-20", "w-24", "w-28", "w-24", "w-32"].map((width) => (
            <div key={width} className={`h-6 ${width} ${pulse}`} />
          ))}
        </div>
        <div className="min-w-0 max-w-4xl space-y-6">
          {SECTIONS.map((section) => (
            <div
              key={section.id}
              className="rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"
            >
              <div className="space-y-2 border-b border-zinc-200 px-4 py-4 sm:px-5 dark:border-zinc-800">
                <div className={`h-5 w-32 ${pulse}`} />
                <div className={`h-4 w-2/3 ${pulse}`} />
              </div>
              <div className="space-y-3 p-4 sm:p-5">
                {Array.from({ length: section.rows }, (_, i) => (
                  <div
                    // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
                    key={i}
                    className="space-y-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800"
                  >
                    <div className={`h-4 w-40 ${pulse}`} />
                    <div className={`h-3 w-3/4 ${pulse}`} />
                  </div>
                ))}
                <div className={`h-9 w-full sm:w-2/3 ${pulse}`} />
              </div>
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
