import type { Level } from "@/lib/ingest/levels";

/** What the alert pages call things. Shared by Settings → Alerts and the error's page. */

export const CHANNEL_LABELS = {
  webhook: "Webhook",
  slack: "Slack",
  discord: "Discord",
  teams: "Microsoft Teams",
  email: "Email",
} as const;

export type ChannelType = keyof typeof CHANNEL_LABELS;
export const CHANNEL_TYPES = Object.keys(CHANNEL_LABELS) as ChannelType[];

export const KIND_LABELS = {
  newError: "New error",
  regression: "Regression",
  escalation: "Escalation",
  frequency: "Frequency",
  test: "Test",
} as const;

export type AlertKindName = keyof typeof KIND_LABELS;

export const STATUS_LABELS = {
  pending: "Pending",
  delivered: "Delivered",
  failed: "Failed",
} as const;

export type DeliveryStatus = keyof typeof STATUS_LABELS;

export const STATUS_TONES = {
  pending: "zinc",
  delivered: "green",
  failed: "red",
} as const satisfies Record<DeliveryStatus, "zinc" | "green" | "red">;

export type Trigger =
  | "newError"
  | "regression"
  | "escalation"
  | {
      frequency: { count: number; minutes: number };
    };

export function triggerText(trigger: Trigger): string {
  if (typeof trigger === "string") return KIND_LABELS[trigger];
  const { count, minutes } = trigger.frequency;
  return `More than ${count.toLocaleString("en")} event${count === 1 ? "" : "s"} in ${minutesText(minutes)}`;
}

export function minutesText(minutes: number): string {
  if (minutes % 60 === 0 && minutes >= 60) {
    const hours = minutes / 60;
    return `${hours} hour${hours === 1 ? "" : "s"}`;
  }
  return `${minutes} min`;
}

export const LEVEL_CHOICES: { level: Level; label: string }[] = [
  { level: "debug", label: "Any level" },
  { level: "info", label: "Info and above" },
  { level: "warning", label: "Warning and above" },
  { level: "error", label: "Error and above" },
  { level: "fatal", label: "Fatal only" },
];

export function levelText(level: Level): string {
  return LEVEL_CHOICES.find((choice) => choice.level === level)?.label ?? level;
}

const ENVIRONMENT_NAMES: Record<string, string> = {
  production: "Production",
  staging: "Staging",
  development: "Development",
};

export function environmentsText(environments: string[] | null): string {
  if (environments === null) return "All environments";
  return environments.map((env) => ENVIRONMENT_NAMES[env] ?? env).join(", ");
}
