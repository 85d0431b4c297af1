import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { AlertAttemptView, AlertDeliveryView } from "@/lib/alerts/delivery-log";
import { Badge, SettingsSection, When } from "../settings/section";
import { linkClass, listClass, mutedText, smallButton } from "../settings/styles";
import { CHANNEL_TYPES, DELIVERY_STATUSES, STATUS_TONES } from "./labels";

export interface DeliveryFilterValues {
  status?: string;
  ruleId?: number;
  channel?: string;
  /** From an error's page: only the alerts that error triggered. */
  errorId?: number;
}

const selectClass =
  "block w-full rounded-lg border border-zinc-300 bg-white py-1.5 pr-8 pl-2.5 text-sm shadow-xs focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none dark:border-zinc-700 dark:bg-zinc-900";

/** "Nov 27, 14:03:07 UTC" / "27 de nov., 14:03:07 UTC": an exact time, for attempts and retries. */
function useExactTime(): (iso: string) => string {
  const t = useTranslations("AlertDeliveryLog");
  const locale = useLocale();
  return (iso) => {
    const date = new Date(iso);
    const time = date.toISOString().slice(11, 19);
    const day = date.toLocaleDateString(locale, {
      day: "numeric",
      month: "short",
      timeZone: "UTC",
    });
    return t("exactTime", { day, time });
  };
}

/** "HTTP 502 — Bad Gateway", "HTTP 200", or the error when there was no answer. */
function attemptText(attempt: AlertAttemptView, noAnswer: string): string {
  const status = attempt.statusCode === null ? null : `HTTP ${attempt.statusCode}`;
  if (!attempt.error) return status ?? noAnswer;
  if (!status || attempt.error.startsWith(status)) return attempt.error;
  return `${status} — ${attempt.error}`;
}

function AttemptList({ attempts }: { attempts: AlertAttemptView[] }) {
  const t = useTranslations("AlertDeliveryLog");
  const exact = useExactTime();
  if (attempts.length === 0) {
    return <p className={`text-xs ${mutedText}`}>{t("notAttempted")}</p>;
  }
  return (
    <ol className="space-y-1 text-xs">
      {attempts.map((attempt, index) => {
        const ok = attempt.statusCode !== null && attempt.statusCode < 300 && !attempt.error;
        return (
          <li
            // biome-ignore lint/suspicious/noArrayIndexKey: attempts are listed in order, never reordered
            key={index}
            className="flex min-w-0 flex-wrap gap-x-3 gap-y-0.5"
          >
            <span className="text-zinc-500 tabular-nums dark:text-zinc-400">
              {t.rich("attempt", {
                number: index + 1,
                duration: attempt.durationMs,
                time: () => <time dateTime={attempt.at}>{exact(attempt.at)}</time>,
              })}
            </span>
            <span
              className={`min-w-0 wrap-anywhere ${
                ok ? "text-emerald-700 dark:text-emerald-300" : "text-red-700 dark:text-red-300"
              }`}
            >
              {attemptText(attempt, t("noAnswer"))}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

function Delivery({
  delivery,
  attempts,
  now,
}: {
  delivery: AlertDeliveryView;
  attempts: AlertAttemptView[];
  now: number;
}) {
  const t = useTranslations("AlertDeliveryLog");
  const labels = useTranslations("AlertLabels");
  const exact = useExactTime();
  const title =
    delivery.errorTitle ??
    (delivery.kind === "test"
      ? t("testAlert")
      : t("errorNumber", { id: String(delivery.errorId) }));
  const deliveredAt = delivery.deliveredAt;
  return (
    <li className="min-w-0 space-y-1.5 p-3" data-testid="alert-delivery">
      <div className="flex min-w-0 flex-wrap items-center gap-2">
        <Badge tone={STATUS_TONES[delivery.status]}>{labels(`statuses.${delivery.status}`)}</Badge>
        <span className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
          {labels(`kinds.${delivery.kind}`)}
        </span>
        {delivery.errorId !== null && delivery.kind !== "test" ? (
          <Link
            href={`/errors/${delivery.errorId}`}
            className={`${linkClass} min-w-0 wrap-anywhere`}
          >
            {title}
          </Link>
        ) : (
          <span className="min-w-0 font-medium wrap-anywhere">{title}</span>
        )}
      </div>
      <p className="flex flex-wrap gap-x-3 gap-y-0.5 text-xs text-zinc-600 dark:text-zinc-400">
        <span className="wrap-anywhere">{delivery.ruleName}</span>
        <span className="min-w-0 wrap-anywhere">
          {labels(`channels.${delivery.channel.type}`)}{" "}
          <span className="font-mono">{delivery.channel.target}</span>
        </span>
        <span>
          <When date={new Date(delivery.createdAt)} now={now} />
        </span>
        {delivery.status === "delivered" && deliveredAt ? (
          <span>
            {t.rich("delivered", {
              when: () => <When date={new Date(deliveredAt)} now={now} />,
            })}
          </span>
        ) : null}
        {delivery.status === "pending" && delivery.nextAttemptAt ? (
          <span>{t("nextTry", { time: exact(delivery.nextAttemptAt) })}</span>
        ) : null}
        {delivery.digestId !== null ? <span>{t("inDigest")}</span> : null}
      </p>
      {delivery.lastError && delivery.status !== "delivered" ? (
        <p className="text-xs text-red-700 wrap-anywhere dark:text-red-300">{delivery.lastError}</p>
      ) : null}
      <details className="group text-xs">
        <summary className="cursor-pointer text-zinc-600 select-none hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-white">
          {t("attempts", { count: delivery.attempts })}
        </summary>
        <div className="mt-1.5 rounded-md bg-zinc-50 p-2 dark:bg-zinc-950">
          <AttemptList attempts={attempts} />
        </div>
      </details>
    </li>
  );
}

/** The project's delivery log: filters (a GET form, so the view is a link) and the deliveries. */
export function DeliveryLogSection({
  project,
  rules,
  filters,
  deliveries,
  attempts,
  nextCursor,
  paged,
  now,
}: {
  project: { slug: string; name: string };
  rules: { id: number; name: string }[];
  filters: DeliveryFilterValues;
  deliveries: AlertDeliveryView[];
  attempts: Map<number, AlertAttemptView[]>;
  nextCursor: string | null;
  paged: boolean;
  now: number;
}) {
  const link = (extra: Record<string, string>) => {
    const params = new URLSearchParams({ project: project.slug });
    if (filters.status) params.set("status", filters.status);
    if (filters.ruleId) params.set("ruleId", String(filters.ruleId));
    if (filters.channel) params.set("channel", filters.channel);
    if (filters.errorId) params.set("errorId", String(filters.errorId));
    for (const [key, value] of Object.entries(extra)) params.set(key, value);
    return `/settings/alerts?${params}#log`;
  };
  const t = useTranslations("AlertDeliveryLog");
  const labels = useTranslations("AlertLabels");
  const filtered = Boolean(filters.status || filters.ruleId || filters.channel || filters.errorId);
  const errorId = filters.errorId;
  return (
    <SettingsSection id="log" title={t("title")} description={t("description")}>
      <form
        method="get"
        action="/settings/alerts#log"
        aria-label={t("filterLabel")}
        className="grid gap-3 sm:grid-cols-[repeat(3,minmax(0,1fr))_auto] sm:items-end"
      >
        <input type="hidden" name="project" value={project.slug} />
        {errorId ? (
          <p className="text-sm text-zinc-600 sm:col-span-4 dark:text-zinc-400">
            {t.rich("ofError", {
              id: String(errorId),
              link: (chunks) => (
                <Link href={`/errors/${errorId}`} className={linkClass}>
                  {chunks}
                </Link>
              ),
            })}
            <input type="hidden" name="errorId" value={errorId} />
          </p>
        ) : null}
        <div className="space-y-1 text-sm">
          <label
            htmlFor="log-status"
            className="block font-medium text-zinc-700 dark:text-zinc-300"
          >
            {t("status")}
          </label>
          <select
            id="log-status"
            name="status"
            defaultValue={filters.status ?? ""}
            className={selectClass}
          >
            <option value="">{t("anyStatus")}</option>
            {DELIVERY_STATUSES.map((status) => (
              <option key={status} value={status}>
                {labels(`statuses.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1 text-sm">
          <label htmlFor="log-rule" className="block font-medium text-zinc-700 dark:text-zinc-300">
            {t("rule")}
          </label>
          <select
            id="log-rule"
            name="ruleId"
            defaultValue={filters.ruleId ? String(filters.ruleId) : ""}
            className={selectClass}
          >
            <option value="">{t("anyRule")}</option>
            {rules.map((rule) => (
              <option key={rule.id} value={rule.id}>
                {rule.name}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1 text-sm">
          <label
            htmlFor="log-channel"
            className="block font-medium text-zinc-700 dark:text-zinc-300"
          >
            {t("channel")}
          </label>
          <select
            id="log-channel"
            name="channel"
            defaultValue={filters.channel ?? ""}
            className={selectClass}
          >
            <option value="">{t("anyChannel")}</option>
            {CHANNEL_TYPES.map((type) => (
              <option key={type} value={type}>
                {labels(`channels.${type}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex gap-2">
          <button type="submit" className={`${smallButton} py-1.5`}>
            {t("filter")}
          </button>
          {filtered ? (
            <Link
              href={`/settings/alerts?project=${encodeURIComponent(project.slug)}#log`}
              className={`${smallButton} py-1.5`}
            >
              {t("clear")}
            </Link>
          ) : null}
        </div>
      </form>
      {deliveries.length === 0 ? (
        <p className={`text-sm ${mutedText}`}>{t(filtered || paged ? "noMatches" : "none")}</p>
      ) : (
        <ul className={listClass} aria-label={t("listLabel", { project: project.name })}>
          {deliveries.map((delivery) => (
            <Delivery
              key={delivery.id}
              delivery={delivery}
              attempts={attempts.get(delivery.id) ?? []}
              now={now}
            />
          ))}
        </ul>
      )}
      {nextCursor || paged ? (
        <nav aria-label={t("pagesLabel")} className="flex gap-2">
          {paged ? (
            <Link href={link({})} className={smallButton}>
              {t("newest")}
            </Link>
          ) : null}
          {nextCursor ? (
            <Link href={link({ cursor: nextCursor })} className={smallButton}>
              {t("older")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </SettingsSection>
  );
}
