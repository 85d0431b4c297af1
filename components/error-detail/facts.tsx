import { useTranslations } from "next-intl";
import { isPrimaryEnvironment } from "@/lib/ingest/environments";
import type { Level } from "@/lib/ingest/levels";

/** A level's and a primary environment's names in the page's language; other environments as sent. */
export function useDetailWords() {
  const t = useTranslations("DetailWords");
  return {
    level: (level: Level) => t(`levels.${level}`),
    environment: (env: string) => (isPrimaryEnvironment(env) ? t(`environments.${env}`) : env),
  };
}

/** A fact of the error's or an event's summary: a label over its value; `wide` spans two columns. */
export function Fact({
  label,
  children,
  wide,
}: {
  label: string;
  children: React.ReactNode;
  wide?: boolean;
}) {
  return (
    <div className={`min-w-0 ${wide ? "col-span-2" : ""}`}>
      <dt className="text-xs font-medium text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="mt-1 text-sm wrap-break-word">{children}</dd>
    </div>
  );
}

/** The facts at a glance: a definition list that reflows from four columns to two. */
export function FactList({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <dl
      aria-label={label}
      className="grid grid-cols-2 gap-x-4 gap-y-4 rounded-xl border border-zinc-200 bg-white p-4 shadow-xs sm:p-5 md:grid-cols-4 dark:border-zinc-800 dark:bg-zinc-900"
    >
      {children}
    </dl>
  );
}

/** Who collected the error or event: the user and the key it came with. */
export function CollectedByFact({
  by,
}: {
  by: { name: string | null; email: string | null; tokenName: string | null } | null;
}) {
  const t = useTranslations("CollectedBy");
  return (
    <Fact label={t("label")} wide>
      {by ? (
        <>
          <span className="font-medium">{by.name}</span>{" "}
          <span className="text-zinc-600 dark:text-zinc-300">{`<${by.email}>`}</span>
          <span className="block text-xs text-zinc-500 dark:text-zinc-400">
            {by.tokenName ? t("withKey", { name: by.tokenName }) : t("deletedKey")}
          </span>
        </>
      ) : (
        <span className="text-zinc-500 dark:text-zinc-400">{t("unknown")}</span>
      )}
    </Fact>
  );
}
