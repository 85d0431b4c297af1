"use client";

import { useTranslations } from "next-intl";
import { CopyButton } from "@/components/ui/copy-button";
import { ingestSnippets } from "@/lib/snippets";
import { SnippetTabs } from "./snippet-tabs";

function SecretLine({
  label,
  value,
  what,
  testId,
}: {
  label: string;
  value: string;
  what: string;
  testId: string;
}) {
  return (
    <div className="min-w-0 space-y-1">
      <p className="text-xs font-medium text-zinc-700 dark:text-zinc-300">{label}</p>
      <div className="flex min-w-0 items-start gap-2">
        <code
          data-testid={testId}
          className="min-w-0 flex-1 rounded-md border border-zinc-200 bg-white px-2.5 py-1.5 font-mono text-xs text-zinc-900 select-all wrap-anywhere dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100"
        >
          {value}
        </code>
        <CopyButton text={value} what={what} className="mt-0.5" />
      </div>
    </div>
  );
}

/**
 * A key or token just created, shown this one time (only its hash is stored), with the DSN and
 * ready snippets when it is an ingest key.
 */
export function SecretReveal({
  kind,
  name,
  secret,
  dsn,
  baseUrl,
  children,
}: {
  kind: "ingest" | "personal";
  name: string;
  secret: string;
  dsn?: string;
  baseUrl?: string;
  children?: React.ReactNode;
}) {
  const t = useTranslations("SecretReveal");
  const what = kind === "ingest" ? t("ingestKeyWhat") : t("personalTokenWhat");
  return (
    <section
      aria-label={t("sectionLabel", { what, name })}
      className="min-w-0 space-y-3 rounded-lg border border-emerald-300 bg-emerald-50/60 p-3 sm:p-4 dark:border-emerald-900 dark:bg-emerald-950/30"
    >
      <div>
        <p className="text-sm font-semibold text-emerald-900 dark:text-emerald-200">
          {t("copyNow", { what, name })}
        </p>
        <p className="mt-0.5 text-sm text-emerald-900/80 dark:text-emerald-200/80">
          {t("shownOnce")}
        </p>
      </div>
      <SecretLine
        label={kind === "ingest" ? t("ingestKeyLabel") : t("personalTokenLabel")}
        value={secret}
        what={what}
        testId={`new-${kind}-secret`}
      />
      {dsn ? (
        <SecretLine label={t("dsnLabel")} value={dsn} what={t("dsnWhat")} testId="new-dsn" />
      ) : null}
      {dsn && baseUrl ? (
        <SnippetTabs
          label={t("waysToSend")}
          snippets={ingestSnippets({ baseUrl, key: secret, dsn })}
        />
      ) : null}
      {children}
    </section>
  );
}
