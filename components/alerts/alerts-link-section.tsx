import Link from "next/link";
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
  const enabled = rules.filter((rule) => rule.enabled).length;
  const failing = rules.filter((rule) => rule.channels.some((c) => c.failing)).length;
  return (
    <SettingsSection
      id="alerts"
      title="Alerts"
      description="Tell your team about new errors, regressions and spikes by webhook, Slack, Discord, Microsoft Teams or email."
    >
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <p className={`flex flex-wrap items-center gap-2 text-sm ${mutedText}`}>
          {rules.length === 0
            ? "No alert rules yet."
            : `${rules.length} rule${rules.length === 1 ? "" : "s"}, ${enabled} enabled.`}
          {failing > 0 ? <Badge tone="red">{failing} with a failing channel</Badge> : null}
        </p>
        <Link
          href={`/settings/alerts?project=${encodeURIComponent(project.slug)}`}
          className={buttonClass("secondary", "shrink-0")}
        >
          {role === "owner" ? "Manage alerts" : "View alerts"}
        </Link>
      </div>
    </SettingsSection>
  );
}
