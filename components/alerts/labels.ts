import type { useTranslations } from "next-intl";
import type { Level } from "@/lib/ingest/levels";

/**
 * What the alert pages call things, from the catalogue's AlertLabels: server components
 * (the rules, the delivery log) and client ones (the rule form, the test results) pass their
 * `useTranslations("AlertLabels")`.
 */
export type AlertLabels = ReturnType<typeof useTranslations<"AlertLabels">>;

export const CHANNEL_TYPES = ["webhook", "slack", "discord", "teams", "email"] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

export type AlertKindName = "newError" | "regression" | "escalation" | "frequency" | "test";

export const DELIVERY_STATUSES = ["pending", "delivered", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const STATUS_TONES = {
  pending: "zinc",
  delivered: "green",
  failed: "red",
} as const satisfies Record<DeliveryStatus, "zinc" | "green" | "red">;

/** The minimum levels a rule offers, from any level to fatal only. */
export const LEVEL_CHOICES: readonly Level[] = ["debug", "info", "warning", "error", "fatal"];

export type Trigger =
  | "newError"
  | "regression"
  | "escalation"
  | {
      frequency: { count: number; minutes: number };
    };

/** "New error", or "More than 100 events in 5 min". */
export function triggerText(t: AlertLabels, trigger: Trigger): string {
  if (typeof trigger === "string") return t(`kinds.${trigger}`);
  const { count, minutes } = trigger.frequency;
  return t("frequency", { count, window: minutesText(t, minutes) });
}

/** "45 min", or "2 hours" for whole hours. */
export function minutesText(t: AlertLabels, minutes: number): string {
  if (minutes % 60 === 0 && minutes >= 60) return t("hours", { hours: minutes / 60 });
  return t("minutes", { minutes });
}

/** A rule's environments by name ("Production, eu-west"), or "All environments". */
export function environmentsText(
  t: AlertLabels,
  environmentLabel: (environment: string) => string,
  environments: string[] | null,
): string {
  if (environments === null) return t("allEnvironments");
  return environments.map(environmentLabel).join(", ");
}
