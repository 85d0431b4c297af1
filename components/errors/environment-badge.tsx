import { environmentLabel } from "@/lib/ingest/environments";

/** Whether a view spans several environments, so that each row says which one it is in. */
export function viewSpansEnvironments(environment: string): boolean {
  return environment === "other" || environment === "all";
}

/** The environment of a row, where the tab alone does not say it ("Other", "All"). */
export function EnvironmentBadge({ environment }: { environment: string }) {
  const label = environmentLabel(environment);
  return (
    <span data-testid="row-environment" title={`Environment: ${label}`} className="env-b">
      <span className="sr-only">Environment: </span>
      {label}
    </span>
  );
}
