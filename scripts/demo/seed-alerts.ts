import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  alertAttempts,
  alertChannels,
  alertDeliveries,
  alertNotifications,
  errors,
} from "@/db/schema";
import { storedAttemptText } from "@/lib/alerts/attempt-text";
import { createAlertRule } from "@/lib/alerts/rules";
import { message } from "@/lib/i18n/server-messages";

const MINUTE = 60_000;

/**
 * Alert rules and a delivery log for the demo project, as the screenshots show them: three
 * rules (one with a channel that keeps failing, one disabled) and the alerts a few errors
 * triggered, delivered, retried, failed and pending. Nothing is left for a delivery loop to
 * send: the pending delivery waits an hour, and the URLs are examples.
 */
export async function seedDemoAlerts(
  db: Db,
  input: { userId: number; projectId: number; now?: Date },
) {
  const now = input.now ?? new Date();
  // The example hosts are not looked up (the demo may run offline): they stand for public ones.
  const create = (body: unknown) =>
    createAlertRule(
      db,
      { userId: input.userId, project: input.projectId, readBody: async () => body },
      { allowPrivate: false, resolve: async () => [{ address: "93.184.215.14", family: 4 }] },
    );
  const oncall = await create({
    name: "Production errors to #oncall",
    triggers: ["newError", "regression"],
    environments: ["production"],
    minLevel: "error",
    channels: [
      { type: "slack", url: "https://hooks.slack.com/services/T0DEMO/B0DEMO/demo-token" },
      { type: "email", to: ["oncall@example.com"] },
    ],
  });
  const spikes = await create({
    name: "Checkout spikes",
    triggers: ["escalation", { frequency: { count: 100, minutes: 5 } }],
    environments: ["production", "staging"],
    minLevel: "warning",
    cooldownMinutes: 60,
    channels: [
      { type: "webhook", url: "https://hooks.internal.example.com/error-central" },
      { type: "discord", url: "https://discord.com/api/webhooks/1234/demo-token" },
    ],
  });
  await create({
    name: "Staging new errors",
    enabled: false,
    triggers: ["newError"],
    environments: ["staging"],
    channels: [{ type: "teams", url: "https://prod-00.westeurope.logic.azure.com/workflows/demo" }],
  });
  const [slack, email] = oncall.channels.map((c) => c.id) as [number, number];
  const [webhook, discord] = spikes.channels.map((c) => c.id) as [number, number];
  // The internal webhook keeps failing.
  await db
    .update(alertChannels)
    .set({
      consecutiveFailures: 4,
      lastFailureAt: new Date(now.getTime() - 12 * MINUTE),
      lastSuccessAt: new Date(now.getTime() - 3 * 24 * 60 * MINUTE),
    })
    .where(eq(alertChannels.id, webhook));

  const picked = await db
    .select({
      id: errors.id,
      title: errors.title,
      level: errors.level,
      environment: errors.environment,
      origin: errors.origin,
      culprit: errors.culprit,
      count: errors.eventCount,
      firstSeen: errors.firstSeen,
      lastSeen: errors.lastSeen,
    })
    .from(errors)
    .where(
      and(
        eq(errors.projectId, input.projectId),
        eq(errors.environment, "production"),
        inArray(errors.level, ["fatal", "error"]),
      ),
    )
    .orderBy(desc(errors.eventCount), errors.id)
    .limit(4);

  type Attempt = { minutesAgo: number; statusCode: number | null; error?: string; ms: number };
  const fire = async (
    ruleId: number,
    error: (typeof picked)[number] | undefined,
    kind: "newError" | "regression" | "frequency" | "test",
    minutesAgo: number,
    deliveries: {
      channelId: number;
      status: "pending" | "delivered" | "failed";
      attempts: Attempt[];
    }[],
  ) => {
    const at = new Date(now.getTime() - minutesAgo * MINUTE);
    const [notification] = await db
      .insert(alertNotifications)
      .values({
        ruleId,
        projectId: input.projectId,
        errorId: error?.id ?? null,
        kind,
        createdAt: at,
        context: {
          title: error?.title ?? "Test alert from Error Central",
          level: error?.level ?? "error",
          environment: error?.environment ?? "production",
          origin: error?.origin ?? "error-central",
          culprit: error?.culprit ?? null,
          count: error?.count ?? 1,
          firstSeen: (error?.firstSeen ?? at).toISOString(),
          lastSeen: (error?.lastSeen ?? at).toISOString(),
          release: null,
          reason: null,
          frequency: kind === "frequency" ? { count: 100, minutes: 5 } : null,
        },
      })
      .returning({ id: alertNotifications.id });
    for (const delivery of deliveries) {
      const last = delivery.attempts[delivery.attempts.length - 1];
      const [row] = await db
        .insert(alertDeliveries)
        .values({
          notificationId: notification?.id as number,
          channelId: delivery.channelId,
          status: delivery.status,
          attempts: delivery.attempts.length,
          createdAt: at,
          nextAttemptAt: new Date(now.getTime() + 60 * MINUTE),
          lastError:
            delivery.status === "delivered" || !last
              ? null
              : (last.error ?? `HTTP ${last.statusCode}`),
          deliveredAt:
            delivery.status === "delivered" && last
              ? new Date(now.getTime() - last.minutesAgo * MINUTE)
              : null,
        })
        .returning({ id: alertDeliveries.id });
      if (delivery.attempts.length > 0) {
        await db.insert(alertAttempts).values(
          delivery.attempts.map((attempt) => ({
            deliveryId: row?.id as number,
            at: new Date(now.getTime() - attempt.minutesAgo * MINUTE),
            statusCode: attempt.statusCode,
            error: attempt.error ?? null,
            durationMs: attempt.ms,
          })),
        );
      }
    }
  };

  const ok = (minutesAgo: number, ms = 180): Attempt => ({ minutesAgo, statusCode: 200, ms });
  // Error Central's own words are kept as catalogue messages, shown in the reader's language.
  const timedOut = storedAttemptText(message("ServerAlertDelivery.timedOut", { seconds: 5 }));
  await fire(oncall.id, picked[3], "newError", 26 * 60, [
    { channelId: slack, status: "delivered", attempts: [ok(26 * 60, 212)] },
    { channelId: email, status: "delivered", attempts: [ok(26 * 60, 640)] },
  ]);
  await fire(spikes.id, picked[0], "frequency", 95, [
    {
      channelId: webhook,
      status: "failed",
      attempts: [
        { minutesAgo: 95, statusCode: 502, ms: 311 },
        { minutesAgo: 94, statusCode: null, error: timedOut, ms: 5000 },
        { minutesAgo: 90, statusCode: 503, ms: 97 },
        { minutesAgo: 12, statusCode: null, error: "Connection refused", ms: 3 },
      ],
    },
    { channelId: discord, status: "delivered", attempts: [ok(95, 254)] },
  ]);
  await fire(oncall.id, picked[1], "regression", 40, [
    {
      channelId: slack,
      status: "delivered",
      attempts: [{ minutesAgo: 40, statusCode: 429, ms: 88 }, ok(39, 190)],
    },
    { channelId: email, status: "delivered", attempts: [ok(40, 702)] },
  ]);
  await fire(oncall.id, undefined, "test", 8, [
    { channelId: slack, status: "delivered", attempts: [ok(8, 201)] },
    { channelId: email, status: "delivered", attempts: [ok(8, 588)] },
  ]);
  await fire(oncall.id, picked[2], "newError", 3, [
    { channelId: slack, status: "delivered", attempts: [ok(3, 176)] },
    {
      channelId: email,
      status: "pending",
      attempts: [{ minutesAgo: 3, statusCode: null, error: "SMTP: 421 try again later", ms: 1240 }],
    },
  ]);
  return { errorIds: picked.map((error) => error.id) };
}
