import type { EnvironmentBucket, EnvironmentCounts } from "@/db/queries/error-stats";
import { type ErrorListState, errorListHref } from "@/lib/errors/list-url";
import { environmentLabel, isPrimaryEnvironment } from "@/lib/ingest/environments";
import { ListLink } from "./list-navigation";

const numberFormat = new Intl.NumberFormat("en");

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
  // `?environment=foo` (outside the three) is a tab of its own, chosen, beside "Other".
  const named = counts.named?.environment === state.environment ? counts.named : undefined;
  const selected = named ? null : selectedBucket(state.environment);
  const buckets: EnvironmentBucket[] = ["production", "staging", "development"];
  if (counts.other.total > 0 || selected === "other") buckets.push("other");
  const tabs = buckets.map((bucket) => ({
    key: bucket as string,
    environment: bucket as string,
    label: bucket === "other" ? "Other" : environmentLabel(bucket),
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
    <nav aria-label="Environments" className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
      <ul className="flex min-w-max gap-1 border-b border-zinc-200 dark:border-zinc-800">
        {tabs.map(({ key, environment, label, count, current }) => {
          return (
            <li key={key}>
              <ListLink
                href={errorListHref(state, { environment })}
                aria-current={current ? "page" : undefined}
                aria-label={`${label}, ${count} ${count === 1 ? "error" : "errors"}`}
                className="env-tab"
              >
                <span className="max-w-48 truncate" title={label}>
                  {label}
                </span>
                <span className="env-n">{numberFormat.format(count)}</span>
              </ListLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
