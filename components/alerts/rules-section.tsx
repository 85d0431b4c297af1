import Link from "next/link";
import type { MemberRole } from "@/db/queries/projects";
import type { AlertRuleView } from "@/lib/alerts/rules";
import { Badge, SettingsSection, When } from "../settings/section";
import { listClass, mutedText, smallButton } from "../settings/styles";
import { buttonClass } from "../ui/button";
import { CHANNEL_LABELS, environmentsText, levelText, minutesText, triggerText } from "./labels";
import { DeleteRuleButton, EnabledSwitch, TestSendButton } from "./rule-actions";

function Channel({ channel, now }: { channel: AlertRuleView["channels"][number]; now: number }) {
  return (
    <li className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1 text-sm">
      <span className="font-medium text-zinc-800 dark:text-zinc-200">
        {CHANNEL_LABELS[channel.type]}
      </span>
      <span className="min-w-0 font-mono text-xs text-zinc-600 wrap-anywhere dark:text-zinc-400">
        {channel.target}
      </span>
      {channel.hasSecret ? <Badge>signed</Badge> : null}
      {channel.failing ? (
        <span className="inline-flex items-center gap-1">
          <Badge tone="red">Failing</Badge>
          <span className="text-xs text-red-700 dark:text-red-300">
            {channel.consecutiveFailures} in a row
            {channel.lastFailureAt ? (
              <>
                , last <When date={new Date(channel.lastFailureAt)} now={now} />
              </>
            ) : null}
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
  const owner = role === "owner";
  const base = `/settings/alerts`;
  const query = `?project=${encodeURIComponent(project.slug)}`;
  return (
    <SettingsSection
      id="rules"
      title="Alert rules"
      description={
        owner
          ? "A rule sends a message to its channels when an error is new, regresses, escalates or gets frequent, for the environments and levels you pick. A cooldown keeps one error from alerting again too soon."
          : "A rule sends a message to its channels when an error is new, regresses, escalates or gets frequent. Owners create and change rules; you can read them and the delivery log."
      }
    >
      {rules.length === 0 ? (
        <p className={`text-sm ${mutedText}`}>
          No alert rules yet{owner ? "" : " in this project"}.
          {owner ? " Create one to hear about new errors where your team already is." : ""}
        </p>
      ) : (
        <ul className={listClass} aria-label={`Alert rules of ${project.name}`}>
          {rules.map((rule) => (
            <li key={rule.id} className="min-w-0 space-y-2 p-3 sm:p-4">
              <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
                <div className="min-w-0">
                  <p className="flex flex-wrap items-center gap-2">
                    <span className="font-medium wrap-anywhere">{rule.name}</span>
                    {rule.enabled ? null : <Badge>Disabled</Badge>}
                    {rule.channels.some((channel) => channel.failing) ? (
                      <Badge tone="red">A channel is failing</Badge>
                    ) : null}
                  </p>
                  <p className={`mt-1 text-sm ${mutedText}`}>
                    {rule.triggers.map(triggerText).join(" · ")}
                  </p>
                  <p className={`mt-0.5 text-xs ${mutedText}`}>
                    {environmentsText(rule.environments)} · {levelText(rule.minLevel)} · cooldown{" "}
                    {rule.cooldownMinutes === 0 ? "none" : minutesText(rule.cooldownMinutes)} ·
                    digest over {rule.digestThreshold}
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
                      {rule.enabled ? "Enabled" : "Disabled"}
                    </Badge>
                  )}
                  {owner ? (
                    <>
                      <Link
                        href={`${base}/${rule.id}${query}`}
                        className={smallButton}
                        aria-label={`Edit rule ${rule.name}`}
                      >
                        Edit
                      </Link>
                      <DeleteRuleButton projectId={project.id} ruleId={rule.id} name={rule.name} />
                    </>
                  ) : null}
                </div>
              </div>
              <ul aria-label={`Channels of ${rule.name}`} className="space-y-1">
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
          New rule
        </Link>
      ) : null}
    </SettingsSection>
  );
}
