"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useActionState, useState, useTransition } from "react";
import {
  deleteAlertRuleAction,
  sendAlertTestAction,
  setAlertRuleEnabledAction,
  type TestSendResult,
} from "@/app/(dashboard)/settings/alerts/actions";
import type { FormState } from "@/lib/actions/with-user";
import { ConfirmAction } from "../settings/confirm-action";
import { Badge } from "../settings/section";
import { smallButton } from "../settings/styles";
import { STATUS_TONES } from "./labels";

/** Turns a rule on or off: a switch that posts to the server action (owners). */
export function EnabledSwitch({
  projectId,
  ruleId,
  name,
  enabled,
}: {
  projectId: number;
  ruleId: number;
  name: string;
  enabled: boolean;
}) {
  const t = useTranslations("AlertRuleActions");
  const [state, formAction, pending] = useActionState<FormState, FormData>(
    setAlertRuleEnabledAction,
    {},
  );
  return (
    <form action={formAction} className="flex items-center gap-2">
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="ruleId" value={ruleId} />
      <input type="hidden" name="enabled" value={enabled ? "false" : "true"} />
      <button
        type="submit"
        role="switch"
        aria-checked={enabled}
        aria-label={t("enabledLabel", { name })}
        disabled={pending}
        className={`relative inline-flex h-5 w-9 shrink-0 items-center rounded-full transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 disabled:opacity-60 ${
          enabled ? "bg-indigo-600" : "bg-zinc-300 dark:bg-zinc-700"
        }`}
      >
        <span
          aria-hidden
          className={`inline-block size-4 rounded-full bg-white shadow transition-transform ${
            enabled ? "translate-x-4.5" : "translate-x-0.5"
          }`}
        />
      </button>
      <span className="text-xs text-zinc-600 dark:text-zinc-400" aria-hidden>
        {t(enabled ? "on" : "off")}
      </span>
      {state.status === "error" ? (
        <span role="alert" className="text-xs text-red-700 dark:text-red-300">
          {state.error}
        </span>
      ) : null}
    </form>
  );
}

export function DeleteRuleButton({
  projectId,
  ruleId,
  name,
}: {
  projectId: number;
  ruleId: number;
  name: string;
}) {
  const t = useTranslations("AlertRuleActions");
  return (
    <ConfirmAction
      action={deleteAlertRuleAction}
      fields={{ projectId, ruleId }}
      label={t("delete")}
      ariaLabel={t("deleteLabel", { name })}
      title={t("deleteTitle", { name })}
      description={t("deleteDescription")}
      confirmLabel={t("deleteRule")}
      pendingLabel={t("deleting")}
    />
  );
}

/**
 * "Send a test": a sample alert to every channel of the rule now, and how each took it
 * (delivered, or failed and why). The test shows in the delivery log too.
 */
export function TestSendButton({
  projectId,
  ruleId,
  name,
}: {
  projectId: number;
  ruleId: number;
  name: string;
}) {
  const t = useTranslations("AlertRuleActions");
  const labels = useTranslations("AlertLabels");
  const router = useRouter();
  const [result, setResult] = useState<TestSendResult | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-2">
      <button
        type="button"
        className={smallButton}
        disabled={pending}
        aria-label={t("testLabel", { name })}
        onClick={() =>
          startTransition(async () => {
            setResult(null);
            setResult(await sendAlertTestAction({ project: projectId, ruleId }));
            router.refresh();
          })
        }
      >
        {t(pending ? "sending" : "sendTest")}
      </button>
      <div aria-live="polite" className="text-sm">
        {result?.status === "error" ? (
          <p role="alert" className="text-red-700 dark:text-red-300">
            {result.error}
          </p>
        ) : null}
        {result?.status === "ok" ? (
          <ul
            aria-label={t("testResults", { name })}
            className="space-y-1 rounded-md bg-zinc-50 p-2 text-xs dark:bg-zinc-950"
          >
            {result.deliveries.map((delivery) => (
              <li key={delivery.channelId} className="flex min-w-0 flex-wrap items-center gap-2">
                <Badge tone={STATUS_TONES[delivery.status]}>
                  {labels(`statuses.${delivery.status}`)}
                </Badge>
                <span className="font-medium">{labels(`channels.${delivery.type}`)}</span>
                <span className="min-w-0 font-mono wrap-anywhere">{delivery.target}</span>
                {delivery.lastError && delivery.status !== "delivered" ? (
                  <span className="min-w-0 text-red-700 wrap-anywhere dark:text-red-300">
                    {delivery.lastError}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
