import { environmentLabel } from "@/lib/ingest/environments";

/** Whether a view spans several environments, so that each row says which one it is in. */
export function viewSpansEnvironments(environment: string): boolean {
  return environment === "other" || environment === "all";
}

/** The environment of a row, where the tab alone does not say it ("Other", "All"). */
export function EnvironmentBadge({ environment }: { environment: string }) {
  const label = environmentLabel(environment);
  return (
    <span
      data-testid="row-environment"
      title={`Environment: ${label}`}
      className="inline-flex max-w-40 shrink-0 items-center truncate rounded-md bg-sky-50 px-1.5 py-0.5 font-mono text-xs text-sky-800 ring-1 ring-sky-200 ring-inset dark:bg-sky-950/60 dark:text-sky-200 dark:ring-sky-900"
    >
      <span className="sr-only">Environment: </span>
      {label}
    </span>
  );
}
