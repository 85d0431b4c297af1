import { and, asc, eq, inArray, isNotNull, notInArray, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "../client";
import { noteIngestConfigChange } from "../ingest-config";
import { type ALERT_CHANNEL_TYPES, alertChannels, alertRules, projects, users } from "../schema";
import { resultRows } from "../sql";

export type AlertChannelType = (typeof ALERT_CHANNEL_TYPES)[number];

/** A channel as stored, without its secret: only whether it has one. */
export interface AlertChannelRecord {
  id: number;
  ruleId: number;
  type: AlertChannelType;
  url: string | null;
  hasSecret: boolean;
  recipients: string[] | null;
  consecutiveFailures: number;
  lastFailureAt: Date | null;
  lastSuccessAt: Date | null;
  createdAt: Date;
}

export interface AlertRuleRecord {
  id: number;
  projectId: number;
  name: string;
  enabled: boolean;
  onNewError: boolean;
  onRegression: boolean;
  onEscalation: boolean;
  frequencyCount: number | null;
  frequencyMinutes: number | null;
  environments: string[] | null;
  minSeverity: number;
  cooldownMinutes: number;
  digestThreshold: number;
  /** The language of the rule's messages (en, pt-BR). */
  locale: string;
  createdBy: { id: number; name: string } | null;
  createdAt: Date;
  updatedAt: Date;
  channels: AlertChannelRecord[];
}

/** The rule's own columns, as written by a create or an edit. */
export interface AlertRuleValues {
  name: string;
  enabled: boolean;
  onNewError: boolean;
  onRegression: boolean;
  onEscalation: boolean;
  frequencyCount: number | null;
  frequencyMinutes: number | null;
  environments: string[] | null;
  minSeverity: number;
  cooldownMinutes: number;
  digestThreshold: number;
  /** null on a create: the creating user's language, else English. */
  locale: string | null;
}

/**
 * One channel of a rule after a create or an edit. With `id`, the existing channel is kept
 * (its id, and so its deliveries); `url` and `secret` undefined keep what it has, and
 * `resetHealth` clears its failure streak (its URL changed).
 */
export interface AlertChannelWrite {
  id?: number;
  type: AlertChannelType;
  url?: string | null;
  secret?: string | null;
  recipients: string[] | null;
  resetHealth?: boolean;
}

const channelColumns = {
  id: alertChannels.id,
  ruleId: alertChannels.ruleId,
  type: alertChannels.type,
  url: alertChannels.url,
  hasSecret: isNotNull(alertChannels.secret),
  recipients: alertChannels.recipients,
  consecutiveFailures: alertChannels.consecutiveFailures,
  lastFailureAt: alertChannels.lastFailureAt,
  lastSuccessAt: alertChannels.lastSuccessAt,
  createdAt: alertChannels.createdAt,
};

const ruleColumns = {
  id: alertRules.id,
  projectId: alertRules.projectId,
  name: alertRules.name,
  enabled: alertRules.enabled,
  onNewError: alertRules.onNewError,
  onRegression: alertRules.onRegression,
  onEscalation: alertRules.onEscalation,
  frequencyCount: alertRules.frequencyCount,
  frequencyMinutes: alertRules.frequencyMinutes,
  environments: alertRules.environments,
  minSeverity: alertRules.minSeverity,
  cooldownMinutes: alertRules.cooldownMinutes,
  digestThreshold: alertRules.digestThreshold,
  locale: alertRules.locale,
  createdById: alertRules.createdByUserId,
  createdByName: users.name,
  createdAt: alertRules.createdAt,
  updatedAt: alertRules.updatedAt,
};

type RuleRow = Omit<AlertRuleRecord, "createdBy" | "channels"> & {
  createdById: number | null;
  createdByName: string | null;
};

async function withChannels(db: DbOrTx, rows: RuleRow[]): Promise<AlertRuleRecord[]> {
  if (rows.length === 0) return [];
  const channels = (await db
    .select(channelColumns)
    .from(alertChannels)
    .where(
      inArray(
        alertChannels.ruleId,
        rows.map((row) => row.id),
      ),
    )
    .orderBy(asc(alertChannels.id))) as AlertChannelRecord[];
  return rows.map(({ createdById, createdByName, ...rule }) => ({
    ...rule,
    createdBy:
      createdById === null || createdByName === null
        ? null
        : { id: createdById, name: createdByName },
    channels: channels.filter((channel) => channel.ruleId === rule.id),
  }));
}

/** A project's alert rules with their channels, oldest first. */
export async function listAlertRules(
  db: DbOrTx,
  input: { projectId: number },
): Promise<AlertRuleRecord[]> {
  const rows = (await db
    .select(ruleColumns)
    .from(alertRules)
    .leftJoin(users, eq(users.id, alertRules.createdByUserId))
    .where(eq(alertRules.projectId, input.projectId))
    .orderBy(asc(alertRules.id))) as RuleRow[];
  return withChannels(db, rows);
}

/** One rule of the project with its channels; `lock` holds it until the transaction ends. */
export async function findAlertRule(
  db: DbOrTx,
  input: { projectId: number; ruleId: number; lock?: boolean },
): Promise<AlertRuleRecord | null> {
  const query = db
    .select(ruleColumns)
    .from(alertRules)
    .leftJoin(users, eq(users.id, alertRules.createdByUserId))
    .where(and(eq(alertRules.projectId, input.projectId), eq(alertRules.id, input.ruleId)));
  const rows = (await (input.lock
    ? query.for("no key update", { of: alertRules })
    : query)) as RuleRow[];
  const [rule] = await withChannels(db, rows);
  return rule ?? null;
}

/**
 * Locks the project against concurrent rule creation (FOR NO KEY UPDATE: events and errors,
 * which only reference the project, are not held up) and counts its rules.
 */
export async function lockProjectRules(tx: Tx, projectId: number): Promise<number | null> {
  const locked = await tx
    .select({ id: projects.id })
    .from(projects)
    .where(eq(projects.id, projectId))
    .for("no key update");
  if (locked.length === 0) return null;
  const [row] = resultRows<{ count: number }>(
    await tx.execute(
      sql`SELECT count(*)::int AS count FROM alert_rules WHERE project_id = ${projectId}`,
    ),
  );
  return row?.count ?? 0;
}

export async function insertAlertRule(
  tx: Tx,
  input: { projectId: number; userId: number; values: AlertRuleValues },
): Promise<number> {
  const [row] = await tx
    .insert(alertRules)
    .values({
      projectId: input.projectId,
      createdByUserId: input.userId,
      ...input.values,
      locale:
        input.values.locale ??
        sql`coalesce((SELECT ${users.locale} FROM ${users} WHERE ${users.id} = ${input.userId}), 'en')`,
    })
    .returning({ id: alertRules.id });
  if (!row) throw new Error("inserting an alert rule returned no row");
  noteIngestConfigChange();
  return row.id;
}

export async function updateAlertRuleValues(
  tx: Tx,
  input: { ruleId: number; values: Partial<Omit<AlertRuleValues, "locale">> & { locale?: string } },
): Promise<void> {
  await tx
    .update(alertRules)
    .set({ ...input.values, updatedAt: sql`now()` })
    .where(eq(alertRules.id, input.ruleId));
  noteIngestConfigChange();
}

/**
 * Makes the rule's channels exactly `channels`, in that order: listed ids are updated in
 * place, the others of the rule deleted (their deliveries with them), new ones inserted.
 * Returns the channel ids in the order given.
 */
export async function writeAlertChannels(
  tx: Tx,
  input: { ruleId: number; channels: AlertChannelWrite[] },
): Promise<number[]> {
  const kept = input.channels.flatMap((channel) => (channel.id === undefined ? [] : [channel.id]));
  await tx
    .delete(alertChannels)
    .where(
      and(
        eq(alertChannels.ruleId, input.ruleId),
        kept.length > 0 ? notInArray(alertChannels.id, kept) : undefined,
      ),
    );
  const ids: number[] = [];
  for (const channel of input.channels) {
    if (channel.id !== undefined) {
      await tx
        .update(alertChannels)
        .set({
          recipients: channel.recipients,
          ...(channel.url === undefined ? {} : { url: channel.url }),
          ...(channel.secret === undefined ? {} : { secret: channel.secret }),
          ...(channel.resetHealth
            ? { consecutiveFailures: 0, lastFailureAt: null, lastSuccessAt: null }
            : {}),
        })
        .where(and(eq(alertChannels.id, channel.id), eq(alertChannels.ruleId, input.ruleId)));
      ids.push(channel.id);
    } else {
      const [row] = await tx
        .insert(alertChannels)
        .values({
          ruleId: input.ruleId,
          type: channel.type,
          url: channel.url ?? null,
          secret: channel.secret ?? null,
          recipients: channel.recipients,
        })
        .returning({ id: alertChannels.id });
      if (!row) throw new Error("inserting an alert channel returned no row");
      ids.push(row.id);
    }
  }
  return ids;
}

/** Deletes a rule of the project with its channels, notifications and deliveries. */
export async function deleteAlertRule(
  db: DbOrTx,
  input: { projectId: number; ruleId: number },
): Promise<boolean> {
  const deleted = await db
    .delete(alertRules)
    .where(and(eq(alertRules.projectId, input.projectId), eq(alertRules.id, input.ruleId)))
    .returning({ id: alertRules.id });
  if (deleted.length > 0) noteIngestConfigChange();
  return deleted.length > 0;
}
