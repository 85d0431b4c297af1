import { useTranslations } from "next-intl";
import { useEnvironmentLabel } from "./environment-label";

/** Whether a view spans several environments, so that each row says which one it is in. */
export function viewSpansEnvironments(environment: string): boolean {
  return environment === "other" || environment === "all";
}

/** The environment of a row, where the tab alone does not say it ("Other", "All"). */
export function EnvironmentBadge({ environment }: { environment: string }) {
  const t = useTranslations("ErrorList");
  const label = useEnvironmentLabel()(environment);
  return (
    <span
      data-testid="row-environment"
      title={t("environmentTitle", { name: label })}
      className="env-b"
    >
      <span className="sr-only">{t("environmentPrefix")} </span>
      {label}
    </span>
  );
}
