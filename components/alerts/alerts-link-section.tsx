import Link from "next/link";
import { useTranslations } from "next-intl";
import type { MemberRole } from "@/db/queries/projects";
import type { AlertRuleView } from "@/lib/alerts/rules";
import { Badge, SettingsSection } from "../settings/section";
import { mutedText } from "../settings/styles";
import { buttonClass } from "../ui/button";

/** Settings' door to Settings → Alerts: how many rules the project has, and which fail. */
export function AlertsLinkSection({
  project,
  role,
  rules,
}: {
  project: { slug: string; name: string };
  role: MemberRole;
  rules: AlertRuleView[];
}) {
  const t = useTranslations("AlertsLink");
  const enabled = rules.filter((rule) => rule.enabled).length;
  const failing = rules.filter((rule) => rule.channels.some((c) => c.failing)).length;
  return (
    <SettingsSection id="alerts" title={t("title")} description={t("description")}>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <p className={`flex flex-wrap items-center gap-2 text-sm ${mutedText}`}>
          {rules.length === 0 ? t("none") : t("count", { count: rules.length, enabled })}
          {failing > 0 ? <Badge tone="red">{t("failing", { count: failing })}</Badge> : null}
        </p>
        <Link
          href={`/settings/alerts?project=${encodeURIComponent(project.slug)}`}
          className={buttonClass("secondary", "shrink-0")}
        >
          {t(role === "owner" ? "manage" : "view")}
        </Link>
      </div>
    </SettingsSection>
  );
}
