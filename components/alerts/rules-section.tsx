import Link from "next/link";
import { useTranslations } from "next-intl";
import type { MemberRole } from "@/db/queries/projects";
import type { AlertRuleView } from "@/lib/alerts/rules";
import { LOCALE_NAMES } from "@/lib/i18n/config";
import { useEnvironmentLabel } from "../errors/environment-label";
import { Badge, SettingsSection, When } from "../settings/section";
import { listClass, mutedText, smallButton } from "../settings/styles";
import { buttonClass } from "../ui/button";
import { environmentsText, minutesText, triggerText } from "./labels";
import { DeleteRuleButton, EnabledSwitch, TestSendButton } from "./rule-actions";

function Channel({ channel, now }: { channel: AlertRuleView["channels"][number]; now: number }) {
  const t = useTranslations("AlertRules");
  const labels = useTranslations("AlertLabels");
  const lastFailureAt = channel.lastFailureAt;
  return (
    <li className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1 text-sm">
      <span className="font-medium text-zinc-800 dark:text-zinc-200">
        {labels(`channels.${channel.type}`)}
      </span>
      <span className="min-w-0 font-mono text-xs text-zinc-600 wrap-anywhere dark:text-zinc-400">
        {channel.target}
      </span>
      {channel.hasSecret ? <Badge>{t("signed")}</Badge> : null}
      {channel.failing ? (
        <span className="inline-flex items-center gap-1">
          <Badge tone="red">{t("failing")}</Badge>
          <span className="text-xs text-red-700 dark:text-red-300">
            {lastFailureAt
              ? t.rich("inARowLast", {
                  count: channel.consecutiveFailures,
                  when: () => <When date={new Date(lastFailureAt)} now={now} />,
                })
              : t("inARow", { count: channel.consecutiveFailures })}
          </span>
        </span>
      ) : null}
    </li>
  );
}

/** The project's rules: what fires them, which errors, where they send, and their switches. */
export function RulesSection({
  project,
  role,
  rules,
  now,
}: {
  project: { id: number; slug: string; name: string };
  role: MemberRole;
  rules: AlertRuleView[];
  now: number;
}) {
  const t = useTranslations("AlertRules");
  const labels = useTranslations("AlertLabels");
  const environmentLabel = useEnvironmentLabel();
  const owner = role === "owner";
  const base = `/settings/alerts`;
  const query = `?project=${encodeURIComponent(project.slug)}`;
  return (
    <SettingsSection
      id="rules"
      title={t("title")}
      description={t(owner ? "descriptionOwner" : "descriptionMember")}
    >
      {rules.length === 0 ? (
        <p className={`text-sm ${mutedText}`}>{t(owner ? "noneOwner" : "noneMember")}</p>
      ) : (
        <ul className={listClass} aria-label={t("listLabel", { project: project.name })}>
          {rules.map((rule) => (
            <li key={rule.id} className="min-w-0 space-y-2 p-3 sm:p-4">
              <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
                <div className="min-w-0">
                  <p className="flex flex-wrap items-center gap-2">
                    <span className="font-medium wrap-anywhere">{rule.name}</span>
                    {rule.enabled ? null : <Badge>{t("disabled")}</Badge>}
                    {rule.channels.some((channel) => channel.failing) ? (
                      <Badge tone="red">{t("channelFailing")}</Badge>
                    ) : null}
                  </p>
                  <p className={`mt-1 text-sm ${mutedText}`}>
                    {rule.triggers.map((trigger) => triggerText(labels, trigger)).join(" · ")}
                  </p>
                  <p className={`mt-0.5 text-xs ${mutedText}`}>
                    {t("meta", {
                      environments: environmentsText(labels, environmentLabel, rule.environments),
                      level: labels(`levels.${rule.minLevel}`),
                      cooldown:
                        rule.cooldownMinutes === 0
                          ? t("cooldownNone")
                          : minutesText(labels, rule.cooldownMinutes),
                      digest: rule.digestThreshold,
                    })}
                  </p>
                  <p className={`mt-0.5 text-xs ${mutedText}`}>
                    {t("language", { language: LOCALE_NAMES[rule.locale] })}
                  </p>
                </div>
                <div className="flex flex-wrap items-center gap-2">
                  {owner ? (
                    <EnabledSwitch
                      projectId={project.id}
                      ruleId={rule.id}
                      name={rule.name}
                      enabled={rule.enabled}
                    />
                  ) : (
                    <Badge tone={rule.enabled ? "green" : "zinc"}>
                      {t(rule.enabled ? "enabled" : "disabled")}
                    </Badge>
                  )}
                  {owner ? (
                    <>
                      <Link
                        href={`${base}/${rule.id}${query}`}
                        className={smallButton}
                        aria-label={t("editLabel", { name: rule.name })}
                      >
                        {t("edit")}
                      </Link>
                      <DeleteRuleButton projectId={project.id} ruleId={rule.id} name={rule.name} />
                    </>
                  ) : null}
                </div>
              </div>
              <ul aria-label={t("channelsOf", { name: rule.name })} className="space-y-1">
                {rule.channels.map((channel) => (
                  <Channel key={channel.id} channel={channel} now={now} />
                ))}
              </ul>
              {owner ? (
                <TestSendButton projectId={project.id} ruleId={rule.id} name={rule.name} />
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {owner ? (
        <Link href={`${base}/new${query}`} className={buttonClass("primary")}>
          {t("newRule")}
        </Link>
      ) : null}
    </SettingsSection>
  );
}
