import { useTranslations } from "next-intl";
import type { BreadcrumbView, ContextView, Entry, RequestView } from "@/lib/sentry-payload";
import { Breakable } from "./breakable";
import { KeyValueList, Section, TextBox } from "./section";
import { TimeOfDay } from "./time";

export function RequestSection({ request }: { request: RequestView }) {
  const t = useTranslations("SdkSections");
  return (
    <Section title={t("request")}>
      <div className="space-y-4">
        {request.method || request.url ? (
          <p className="font-mono text-sm wrap-break-word">
            {request.method ? <span className="font-semibold">{request.method} </span> : null}
            {request.url ? <Breakable text={request.url} /> : null}
          </p>
        ) : null}
        {request.query ? (
          <div>
            <h3 className="mb-1 text-sm font-medium">{t("query")}</h3>
            {typeof request.query === "string" ? (
              <p className="font-mono text-xs wrap-break-word">{request.query}</p>
            ) : (
              <KeyValueList entries={request.query} label={t("queryParameters")} />
            )}
          </div>
        ) : null}
        {request.headers.length > 0 ? (
          <div>
            <h3 className="mb-1 text-sm font-medium">{t("headers")}</h3>
            <KeyValueList entries={request.headers} label={t("headers")} />
          </div>
        ) : null}
        {request.data ? (
          <div>
            <h3 className="mb-1 text-sm font-medium">{t("body")}</h3>
            <TextBox label={t("requestBody")} className="max-h-64">
              {request.data}
            </TextBox>
          </div>
        ) : null}
      </div>
    </Section>
  );
}

const CRUMB_LEVELS: Record<string, string> = {
  fatal: "text-red-700 dark:text-red-300",
  error: "text-red-700 dark:text-red-300",
  warning: "text-amber-700 dark:text-amber-300",
};

export function BreadcrumbsSection({
  breadcrumbs,
  omitted,
}: {
  breadcrumbs: BreadcrumbView[];
  omitted: number;
}) {
  const t = useTranslations("SdkSections");
  return (
    <Section title={t("breadcrumbs", { count: breadcrumbs.length })}>
      {/* Scrolls inside its box: keyboard users reach it with Tab. */}
      <section
        aria-label={t("breadcrumbsLabel")}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable
        tabIndex={0}
        className="max-h-96 overflow-auto rounded-lg border border-zinc-200 dark:border-zinc-800"
      >
        <table className="w-full min-w-[34rem] text-left text-xs">
          <thead className="sticky top-0 bg-zinc-50 text-zinc-500 dark:bg-zinc-950 dark:text-zinc-400">
            <tr>
              <th scope="col" className="px-3 py-1.5 font-medium">
                {t("time")}
              </th>
              <th scope="col" className="px-3 py-1.5 font-medium">
                {t("category")}
              </th>
              <th scope="col" className="px-3 py-1.5 font-medium">
                {t("level")}
              </th>
              <th scope="col" className="px-3 py-1.5 font-medium">
                {t("message")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {breadcrumbs.map((crumb, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: breadcrumbs never move
              <tr key={index} className="align-top">
                <td className="px-3 py-1.5 font-mono whitespace-nowrap text-zinc-500 tabular-nums dark:text-zinc-400">
                  {crumb.timestamp ? <TimeOfDay iso={crumb.timestamp} /> : "—"}
                </td>
                <td className="max-w-40 px-3 py-1.5 font-mono wrap-break-word">
                  {crumb.category ?? crumb.type ?? "—"}
                </td>
                <td
                  className={`px-3 py-1.5 ${CRUMB_LEVELS[crumb.level?.toLowerCase() ?? ""] ?? "text-zinc-600 dark:text-zinc-300"}`}
                >
                  {crumb.level ?? "—"}
                </td>
                <td className="px-3 py-1.5 font-mono whitespace-pre-wrap wrap-break-word">
                  {crumb.message ?? ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {omitted > 0 ? (
        <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">
          {t("omitted", { count: omitted })}
        </p>
      ) : null}
    </Section>
  );
}

/** The contexts the SDKs send under well-known names, named in the page's language. */
const CONTEXT_NAMES = ["os", "runtime", "browser", "device", "app", "trace"] as const;
const isKnownContext = (name: string): name is (typeof CONTEXT_NAMES)[number] =>
  (CONTEXT_NAMES as readonly string[]).includes(name);

export function ContextsSection({ contexts }: { contexts: ContextView[] }) {
  const t = useTranslations("SdkSections");
  const title = (name: string) => {
    const known = name.toLowerCase();
    return isKnownContext(known) ? t(`contextNames.${known}`) : name;
  };
  return (
    <Section title={t("contexts")}>
      <div className="space-y-4">
        {contexts.map((context) => (
          <div key={context.name}>
            <h3 className="mb-1 text-sm font-medium wrap-break-word">{title(context.name)}</h3>
            <KeyValueList entries={context.entries} label={context.name} />
          </div>
        ))}
      </div>
    </Section>
  );
}

export function EntriesSection({ title, entries }: { title: string; entries: Entry[] }) {
  return (
    <Section title={title}>
      <KeyValueList entries={entries} label={title} />
    </Section>
  );
}
