import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { MAX_BATCH_EVENTS } from "@/lib/ingest/native-batch";
import { ListLink } from "./list-navigation";

function curlCommand(baseUrl: string): string {
  const event = {
    // No single quotes anywhere: the JSON sits inside a single-quoted shell argument.
    title: "TypeError: cart.items is undefined",
    details: "at loadCart (cart.js:42:13)",
    level: "error",
    environment: "production",
    origin: "web-checkout",
  };
  return [
    `curl -X POST ${baseUrl}/api/events \\`,
    `  -H "Authorization: Bearer $INGEST_KEY" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -d '${JSON.stringify(event, null, 2).replaceAll("\n", "\n  ")}'`,
  ].join("\n");
}

/** The project has never received an event: how to send the first one. */
export function FirstEventEmptyState({
  baseUrl,
  projectName,
  projectSlug,
}: {
  baseUrl: string;
  projectName: string;
  projectSlug: string;
}) {
  const t = useTranslations("ErrorsPage");
  const command = curlCommand(baseUrl);
  const keyLine = `export INGEST_KEY=<${t("keyPlaceholder")}>`;
  return (
    <section
      aria-labelledby="first-event-heading"
      className="rounded-2xl border border-dashed border-zinc-300 bg-white p-5 sm:p-8 dark:border-zinc-700 dark:bg-zinc-900"
    >
      <h2 id="first-event-heading" className="text-lg font-semibold">
        {t("firstEventTitle", { project: projectName })}
      </h2>
      <p className="mt-2 max-w-prose text-sm text-zinc-600 dark:text-zinc-400">
        {t.rich("firstEventText", {
          code: (chunks) => <code className="font-mono">{chunks}</code>,
          link: (chunks) => (
            <Link
              href={`/settings?project=${encodeURIComponent(projectSlug)}#keys`}
              className="font-medium text-indigo-700 underline dark:text-indigo-300"
            >
              {chunks}
            </Link>
          ),
        })}
      </p>
      <ol className="mt-5 space-y-4 text-sm">
        <li>
          <p className="font-medium">{t("stepKey")}</p>
          <pre className="mt-2 rounded-lg whitespace-pre-wrap break-all bg-zinc-900 p-3 font-mono text-xs text-zinc-100 dark:bg-zinc-950">
            <code>{keyLine}</code>
          </pre>
        </li>
        <li>
          <div className="flex items-center justify-between gap-3">
            <p className="font-medium">{t("stepSend")}</p>
          </div>
          <div className="relative mt-2 rounded-lg bg-zinc-900 dark:bg-zinc-950">
            <div className="absolute top-2 right-2">
              <CopyButton text={command} what={t("curlCommand")} tone="dark" />
            </div>
            {/* Wrapped, not scrolled sideways: readable at phone width and without a scrollbar. */}
            <pre className="p-3 whitespace-pre-wrap break-all pt-10 font-mono text-xs leading-relaxed text-zinc-100 sm:pt-3 sm:pr-24">
              <code>{command}</code>
            </pre>
          </div>
        </li>
        <li>
          <p className="font-medium">{t("stepReload")}</p>
          <p className="mt-1 text-zinc-600 dark:text-zinc-400">
            {t.rich("stepReloadText", {
              max: MAX_BATCH_EVENTS,
              link: (chunks) => (
                <Link href="/docs" className="text-indigo-700 underline dark:text-indigo-300">
                  {chunks}
                </Link>
              ),
            })}
          </p>
        </li>
      </ol>
    </section>
  );
}

export function NoMatchesState({ clearHref }: { clearHref: string }) {
  const t = useTranslations("ErrorsPage");
  return (
    <div className="rounded-xl border border-zinc-200 bg-white px-4 py-10 text-center dark:border-zinc-800 dark:bg-zinc-900">
      <h2 className="font-medium">{t("noMatches")}</h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t("noMatchesText")}</p>
      <ListLink href={clearHref} className={buttonClass("secondary", "mt-4")}>
        {t("clearFilters")}
      </ListLink>
    </div>
  );
}

export function EmptyTabState({ title }: { title: string }) {
  const t = useTranslations("ErrorsPage");
  return (
    <div className="rounded-xl border border-zinc-200 bg-white px-4 py-10 text-center dark:border-zinc-800 dark:bg-zinc-900">
      <h2 className="font-medium">{title}</h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t("emptyTabText")}</p>
    </div>
  );
}

/** The URL asked for something the list cannot show: say what, and offer the plain list. */
export function ListProblem({
  title,
  message,
  resetHref = "/errors",
}: {
  title: string;
  message: string;
  resetHref?: string;
}) {
  const t = useTranslations("ErrorsPage");
  return (
    <div
      role="alert"
      className="rounded-xl border border-amber-300 bg-amber-50 p-5 text-amber-950 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-100"
    >
      <h2 className="font-semibold">{title}</h2>
      <p className="mt-1 text-sm">{message}</p>
      <Link href={resetHref} className={buttonClass("secondary", "mt-4")}>
        {t("resetList")}
      </Link>
    </div>
  );
}
