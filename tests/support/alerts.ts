import type { Db } from "@/db/client";
import { alertChannels, alertDeliveries, alertNotifications, alertRules } from "@/db/schema";

/**
 * Rows the alert decision side writes (a rule, its channels, a notification with one pending
 * delivery per channel), written directly, so the delivery side can be tested on its own.
 */

export interface ChannelSpec {
  type: "webhook" | "slack" | "discord" | "teams" | "email";
  url?: string | null;
  secret?: string | null;
  recipients?: string[] | null;
}

export async function seedRule(
  db: Db,
  input: { projectId: number; name?: string; digestThreshold?: number; channels: ChannelSpec[] },
): Promise<{ ruleId: number; channelIds: number[] }> {
  const [rule] = await db
    .insert(alertRules)
    .values({
      projectId: input.projectId,
      name: input.name ?? "Production errors",
      onNewError: true,
      digestThreshold: input.digestThreshold ?? 5,
    })
    .returning({ id: alertRules.id });
  const ruleId = (rule as { id: number }).id;
  const channelIds: number[] = [];
  for (const channel of input.channels) {
    const [row] = await db
      .insert(alertChannels)
      .values({
        ruleId,
        type: channel.type,
        url: channel.url ?? null,
        secret: channel.secret ?? null,
        recipients: channel.recipients ?? null,
      })
      .returning({ id: alertChannels.id });
    channelIds.push((row as { id: number }).id);
  }
  return { ruleId, channelIds };
}

export function sampleContext(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: "TypeError: Cannot read properties of undefined (reading 'id')",
    level: "error",
    environment: "production",
    origin: "checkout-api",
    culprit: "app/cart.ts in addItem",
    count: 42,
    firstSeen: "2026-03-01T10:00:00.000Z",
    lastSeen: "2026-03-02T11:30:00.000Z",
    release: "shop@2.4.1",
    reason: null,
    frequency: null,
    ...overrides,
  };
}

/** A notification of `ruleId` with one pending delivery per channel; returns their ids. */
export async function seedNotification(
  db: Db,
  input: {
    ruleId: number;
    projectId: number;
    channelIds: number[];
    errorId?: number | null;
    kind?: "newError" | "regression" | "escalation" | "frequency" | "test";
    context?: Record<string, unknown>;
    createdAt?: Date;
    nextAttemptAt?: Date;
  },
): Promise<{ notificationId: number; deliveryIds: number[] }> {
  const [notification] = await db
    .insert(alertNotifications)
    .values({
      ruleId: input.ruleId,
      projectId: input.projectId,
      errorId: input.errorId === undefined ? 1 : input.errorId,
      kind: input.kind ?? "newError",
      context: input.context ?? sampleContext(),
      ...(input.createdAt ? { createdAt: input.createdAt } : {}),
    })
    .returning({ id: alertNotifications.id });
  const notificationId = (notification as { id: number }).id;
  const deliveryIds: number[] = [];
  for (const channelId of input.channelIds) {
    const [row] = await db
      .insert(alertDeliveries)
      .values({
        notificationId,
        channelId,
        ...(input.createdAt ? { createdAt: input.createdAt } : {}),
        ...(input.nextAttemptAt ? { nextAttemptAt: input.nextAttemptAt } : {}),
      })
      .returning({ id: alertDeliveries.id });
    deliveryIds.push((row as { id: number }).id);
  }
  return { notificationId, deliveryIds };
}
