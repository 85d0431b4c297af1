import { useTranslations } from "next-intl";
import { isPrimaryEnvironment } from "@/lib/ingest/environments";

/**
 * An environment's name in the page's language: the three named ones are translated, any other
 * is shown as the events named it.
 */
export function useEnvironmentLabel(): (environment: string) => string {
  const t = useTranslations("Environments");
  return (environment) => (isPrimaryEnvironment(environment) ? t(environment) : environment);
}
