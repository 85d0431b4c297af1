import type { Db } from "@/db/client";
import { alertChannels, alertRules } from "@/db/schema";

/**
 * `--alert-rules=N`: N enabled rules on the bench project, each with one webhook channel, that
 * the ingest write evaluates on every batch the way a team's rules would: new errors in
 * development (the bench sends production and staging, so they are checked and do not fire),
 * regressions and escalations (no resolve happens during the bench: they fire from the
 * errors_reopened trigger, so the ingest statement does not even read them), and frequencies
 * (more than 100,000 events in an hour; more than 5,000 in 5 minutes, error level and above).
 * The bench's errors have fewer events in all than either frequency, which the statement sees
 * from the row it has just written; an error with a longer history is checked against its
 * cooldown and hourly buckets (lib/alerts/decisions.test.ts). What a rule that fires costs is
 * its notification and deliveries; this measures what listening costs.
 */
export async function createBenchAlertRules(db: Db, projectId: number, count: number) {
  const shapes: Partial<typeof alertRules.$inferInsert>[] = [
    { onNewError: true, environments: ["development"] },
    { onRegression: true },
    { onEscalation: true },
    { frequencyCount: 100_000, frequencyMinutes: 60 },
    { frequencyCount: 5_000, frequencyMinutes: 5, minSeverity: 4 },
  ];
  for (let i = 0; i < count; i++) {
    const [rule] = await db
      .insert(alertRules)
      .values({ projectId, name: `bench rule ${i + 1}`, ...shapes[i % shapes.length] })
      .returning({ id: alertRules.id });
    await db
      .insert(alertChannels)
      .values({ ruleId: rule?.id as number, type: "webhook", url: "https://hooks.example.test/" });
  }
}
