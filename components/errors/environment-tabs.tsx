import { useLocale, useTranslations } from "next-intl";
import type { EnvironmentBucket, EnvironmentCounts } from "@/db/queries/error-stats";
import { type ErrorListState, errorListHref } from "@/lib/errors/list-url";
import { formatNumber } from "@/lib/i18n/format";
import { isPrimaryEnvironment } from "@/lib/ingest/environments";
import { useEnvironmentLabel } from "./environment-label";
import { ListLink } from "./list-navigation";

/** The environment bucket a list state shows; null for `all`, which no tab stands for. */
export function selectedBucket(environment: string): EnvironmentBucket | null {
  if (environment === "all") return null;
  return isPrimaryEnvironment(environment) ? environment : "other";
}

/**
 * One tab per environment with the number of errors it would list with the current filters.
 * "Other" only exists when the project has errors outside the three named environments.
 */
export function EnvironmentTabs({
  state,
  counts,
}: {
  state: ErrorListState;
  counts: EnvironmentCounts;
}) {
  const t = useTranslations("ErrorsPage");
  const environmentName = useEnvironmentLabel();
  const otherLabel = useTranslations("Environments")("other");
  const locale = useLocale();
  // `?environment=foo` (outside the three) is a tab of its own, chosen, beside "Other".
  const named = counts.named?.environment === state.environment ? counts.named : undefined;
  const selected = named ? null : selectedBucket(state.environment);
  const buckets: EnvironmentBucket[] = ["production", "staging", "development"];
  if (counts.other.total > 0 || selected === "other") buckets.push("other");
  const tabs = buckets.map((bucket) => ({
    key: bucket as string,
    environment: bucket as string,
    label: bucket === "other" ? otherLabel : environmentName(bucket),
    count: counts[bucket].matching,
    current: bucket === selected,
  }));
  if (named)
    tabs.push({
      key: `named:${named.environment}`,
      environment: named.environment,
      label: named.environment,
      count: named.matching,
      current: true,
    });
  return (
    <nav aria-label={t("tabsLabel")} className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
      <ul className="flex min-w-max gap-1 border-b border-zinc-200 dark:border-zinc-800">
        {tabs.map(({ key, environment, label, count, current }) => {
          return (
            <li key={key}>
              <ListLink
                href={errorListHref(state, { environment })}
                aria-current={current ? "page" : undefined}
                aria-label={t("tabLabel", { label, count })}
                className="env-tab"
              >
                <span className="max-w-48 truncate" title={label}>
                  {label}
                </span>
                <span className="env-n">{formatNumber(count, locale)}</span>
              </ListLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
