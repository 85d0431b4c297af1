import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ErrorAlertView } from "@/lib/alerts/delivery-log";
import { Section } from "./section";
import { RelativeTime } from "./time";

const STATUS_CLASS = {
  delivered: "text-emerald-700 dark:text-emerald-300",
  pending: "text-zinc-600 dark:text-zinc-400",
  failed: "text-red-700 dark:text-red-300",
} as const;

/**
 * "Alerts this error triggered": each rule that fired for it (newest first), why, when, and
 * whether each channel got it after how many attempts; every attempt (its answer and
 * duration) is one link away, in the delivery log filtered to this error. Shown only when
 * there is something to show.
 */
export function AlertsTriggered({
  alerts,
  projectSlug,
  errorId,
}: {
  alerts: ErrorAlertView[];
  projectSlug: string;
  errorId: number;
}) {
  const t = useTranslations("AlertsTriggered");
  if (alerts.length === 0) return null;
  const project = encodeURIComponent(projectSlug);
  const logHref = (ruleId: number) => `/settings/alerts?project=${project}&ruleId=${ruleId}#log`;
  return (
    <Section
      title={t("title")}
      actions={
        <Link
          href={`/settings/alerts?project=${project}&errorId=${errorId}#log`}
          className="text-sm text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300"
        >
          {t("everyAttempt")}
        </Link>
      }
    >
      <ul className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
        {alerts.map((alert) => (
          <li key={alert.notificationId} className="min-w-0 space-y-1 py-2 first:pt-0 last:pb-0">
            <p className="flex min-w-0 flex-wrap items-baseline gap-x-2">
              <span className="font-medium">{t(`kinds.${alert.kind}`)}</span>
              <Link
                href={logHref(alert.ruleId)}
                className="min-w-0 text-indigo-700 wrap-anywhere underline-offset-2 hover:underline dark:text-indigo-300"
              >
                {alert.ruleName}
              </Link>
              <RelativeTime
                iso={alert.createdAt}
                className="text-xs text-zinc-500 dark:text-zinc-400"
              />
            </p>
            <ul className="flex flex-wrap gap-x-4 gap-y-0.5 text-xs">
              {alert.deliveries.map((delivery) => (
                <li key={delivery.id} className="min-w-0 wrap-anywhere">
                  <span className="text-zinc-600 dark:text-zinc-400">
                    {t(`channels.${delivery.channel.type}`)} {delivery.channel.target}:
                  </span>{" "}
                  <span className={`font-medium ${STATUS_CLASS[delivery.status]}`}>
                    {t(`statuses.${delivery.status}`)}
                  </span>
                  {delivery.attempts > 0 ? (
                    <span className="text-zinc-500 dark:text-zinc-400">
                      {" "}
                      · {t("attempts", { count: delivery.attempts })}
                    </span>
                  ) : null}
                  {delivery.status !== "delivered" && delivery.lastError ? (
                    <span className="text-zinc-500 dark:text-zinc-400">
                      {" "}
                      ({delivery.lastError})
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </Section>
  );
}
