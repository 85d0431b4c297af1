import { randomBytes } from "node:crypto";
import type { Db, DbOrTx } from "@/db/client";
import {
  type AlertChannelRecord,
  type AlertChannelWrite,
  type AlertRuleRecord,
  type AlertRuleValues,
  deleteAlertRule as deleteRuleRow,
  findAlertRule,
  insertAlertRule,
  listAlertRules as listRuleRows,
  lockProjectRules,
  updateAlertRuleValues,
  writeAlertChannels,
} from "@/db/queries/alert-rules";
import type { MemberRole, ProjectInfo } from "@/db/queries/projects";
import {
  conflict,
  forbidden,
  Invalid,
  type Issue,
  issue,
  notFound,
  parseWith,
  validationError,
} from "@/lib/domain-errors";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/config";
import { message } from "@/lib/i18n/server-messages";
import { LEVELS, type Level, levelSeverity } from "@/lib/ingest/levels";
import { requireProjectAccess } from "@/lib/projects/access";
import { parseId } from "@/lib/row-id";
import {
  type AlertChannelInput,
  type AlertTrigger,
  createAlertRuleSchema,
  DEFAULT_COOLDOWN_MINUTES,
  DEFAULT_DIGEST_THRESHOLD,
  FAILING_AFTER,
  MAX_RULES_PER_PROJECT,
  patchAlertRuleSchema,
} from "@/lib/schemas/alerts";
import { type DeliveryOptions, sendTestAlert } from "./delivery";
import { assertSafeWebhookUrl, type OutboundOptions } from "./outbound";
import { channelTarget } from "./targets";

export { channelTarget };

/** A channel as the API and the pages show it: never its URL or secret, only where it goes. */
export interface AlertChannelView {
  id: number;
  type: AlertChannelRecord["type"];
  target: string;
  to: string[] | null;
  hasSecret: boolean;
  /** Only in the answer that generated it. */
  secret?: string;
  failing: boolean;
  consecutiveFailures: number;
  lastFailureAt: string | null;
  lastSuccessAt: string | null;
  createdAt: string;
}

export interface AlertRuleView {
  id: number;
  projectId: number;
  name: string;
  enabled: boolean;
  triggers: AlertTrigger[];
  environments: string[] | null;
  minLevel: Level;
  cooldownMinutes: number;
  digestThreshold: number;
  locale: Locale;
  channels: AlertChannelView[];
  createdBy: { id: number; name: string } | null;
  createdAt: string;
  updatedAt: string;
}

/** A webhook signing secret: 32 random bytes, base64url. */
export function generateWebhookSecret(): string {
  return randomBytes(32).toString("base64url");
}

function levelOfSeverity(severity: number): Level {
  return LEVELS.find((level) => levelSeverity(level) === severity) ?? "debug";
}

function triggersOf(rule: AlertRuleRecord): AlertTrigger[] {
  const triggers: AlertTrigger[] = [];
  if (rule.onNewError) triggers.push("newError");
  if (rule.onRegression) triggers.push("regression");
  if (rule.onEscalation) triggers.push("escalation");
  if (rule.frequencyCount !== null && rule.frequencyMinutes !== null) {
    triggers.push({ frequency: { count: rule.frequencyCount, minutes: rule.frequencyMinutes } });
  }
  return triggers;
}

function channelView(channel: AlertChannelRecord, secret?: string): AlertChannelView {
  return {
    id: channel.id,
    type: channel.type,
    target: channelTarget(channel),
    to: channel.type === "email" ? (channel.recipients ?? []) : null,
    hasSecret: channel.hasSecret,
    ...(secret === undefined ? {} : { secret }),
    failing: channel.consecutiveFailures >= FAILING_AFTER,
    consecutiveFailures: channel.consecutiveFailures,
    lastFailureAt: channel.lastFailureAt?.toISOString() ?? null,
    lastSuccessAt: channel.lastSuccessAt?.toISOString() ?? null,
    createdAt: channel.createdAt.toISOString(),
  };
}

/** The rule as answered; `secrets` (channel id → secret) only right after they were made. */
export function ruleView(
  rule: AlertRuleRecord,
  secrets: ReadonlyMap<number, string> = new Map(),
): AlertRuleView {
  return {
    id: rule.id,
    projectId: rule.projectId,
    name: rule.name,
    enabled: rule.enabled,
    triggers: triggersOf(rule),
    environments: rule.environments,
    minLevel: levelOfSeverity(rule.minSeverity),
    cooldownMinutes: rule.cooldownMinutes,
    digestThreshold: rule.digestThreshold,
    locale: isLocale(rule.locale) ? rule.locale : DEFAULT_LOCALE,
    channels: rule.channels.map((channel) => channelView(channel, secrets.get(channel.id))),
    createdBy: rule.createdBy,
    createdAt: rule.createdAt.toISOString(),
    updatedAt: rule.updatedAt.toISOString(),
  };
}

/** The trigger columns: each named trigger on or off, the frequency set or null. */
function triggerValues(triggers: AlertTrigger[]) {
  const frequency = triggers.find((t) => typeof t !== "string")?.frequency ?? null;
  return {
    onNewError: triggers.includes("newError"),
    onRegression: triggers.includes("regression"),
    onEscalation: triggers.includes("escalation"),
    frequencyCount: frequency?.count ?? null,
    frequencyMinutes: frequency?.minutes ?? null,
  };
}

/** How channel URLs are checked (tests resolve host names themselves). */
export type UrlCheckOptions = Pick<OutboundOptions, "allowPrivate" | "resolve">;

/**
 * Checks the URLs that a create or an edit sends, before anything is locked: the outbound
 * module's rule (http or https, no credentials, a host that resolves to public addresses
 * only unless ALLOW_PRIVATE_WEBHOOKS is on). Each refusal names its channel's url.
 */
async function checkChannelUrls(
  channels: AlertChannelInput[],
  options: UrlCheckOptions,
): Promise<void> {
  const problems = await Promise.all(
    channels.map(async (channel, index): Promise<Issue | null> => {
      if (channel.url === undefined) return null;
      try {
        await assertSafeWebhookUrl(channel.url, options);
        return null;
      } catch (error) {
        if (!(error instanceof Invalid)) throw error;
        return {
          path: ["channels", index, "url"],
          message: error.message,
          ...(typeof error.text === "string" ? {} : { text: error.text }),
        };
      }
    }),
  );
  const issues = problems.filter((issue): issue is Issue => issue !== null);
  if (issues.length > 0) throw validationError(issues);
}

interface PlannedChannels {
  writes: AlertChannelWrite[];
  /** Secrets made by this request, by the index of their channel. */
  generated: Map<number, string>;
}

function sameTarget(channel: AlertChannelRecord, input: AlertChannelInput): boolean {
  if (channel.type !== input.type) return false;
  if (input.type === "email") {
    return JSON.stringify(channel.recipients ?? []) === JSON.stringify(input.to ?? []);
  }
  return input.url === undefined || channel.url === input.url;
}

/**
 * What the rule's channels become. A channel named by `id` is kept (its id, secret and
 * history); one without an id that sends to exactly where an unclaimed channel of the rule
 * sends is kept too; the rest are new. A new webhook without a secret gets a generated one.
 */
function planChannels(
  inputs: AlertChannelInput[],
  existing: AlertChannelRecord[],
): PlannedChannels {
  const issues: Issue[] = [];
  const claimed = new Set(inputs.flatMap((c) => (c.id === undefined ? [] : [c.id])));
  const generated = new Map<number, string>();
  const writes = inputs.map((input, index): AlertChannelWrite => {
    let current: AlertChannelRecord | undefined;
    if (input.id !== undefined) {
      current = existing.find((channel) => channel.id === input.id);
      if (!current) {
        issues.push(issue(["channels", index, "id"], "ServerAlertRules.unknownChannel"));
      } else if (current.type !== input.type) {
        issues.push(issue(["channels", index, "type"], "ServerAlertRules.typeFixed"));
      }
    } else if (input.url !== undefined || input.to !== undefined) {
      current = existing.find((channel) => !claimed.has(channel.id) && sameTarget(channel, input));
      if (current) claimed.add(current.id);
    }
    const recipients = input.type === "email" ? (input.to ?? current?.recipients ?? []) : null;
    let secret: string | undefined;
    if (input.type === "webhook") {
      if (input.secret !== undefined) secret = input.secret;
      else if (input.rotateSecret || !current?.hasSecret) {
        secret = generateWebhookSecret();
        generated.set(index, secret);
      }
    }
    if (!current) {
      return { type: input.type, url: input.url ?? null, secret: secret ?? null, recipients };
    }
    const moved =
      (input.url !== undefined && input.url !== current.url) ||
      (recipients !== null &&
        JSON.stringify(recipients) !== JSON.stringify(current.recipients ?? []));
    return {
      id: current.id,
      type: input.type,
      url: input.url,
      secret,
      recipients,
      resetHealth: moved,
    };
  });
  if (issues.length > 0) throw validationError(issues);
  return { writes, generated };
}

function secretsById(ids: number[], generated: Map<number, string>): Map<number, string> {
  const byId = new Map<number, string>();
  for (const [index, secret] of generated) {
    const id = ids[index];
    if (id !== undefined) byId.set(id, secret);
  }
  return byId;
}

async function requireOwner(
  db: DbOrTx,
  input: { userId: number; project: string | number },
  what: "create" | "change" | "delete" | "test",
): Promise<{ project: ProjectInfo; role: MemberRole }> {
  const access = await requireProjectAccess(db, input);
  if (access.role !== "owner") throw forbidden(message(`ServerAlertRules.owners.${what}`));
  return access;
}

/** A project's alert rules (`GET …/alert-rules`): any member may read them. */
export async function listAlertRules(
  db: DbOrTx,
  input: { userId: number; project: string | number },
): Promise<{ project: ProjectInfo; role: MemberRole; items: AlertRuleView[] }> {
  const { project, role } = await requireProjectAccess(db, input);
  const rules = await listRuleRows(db, { projectId: project.id });
  return { project, role, items: rules.map((rule) => ruleView(rule)) };
}

/** One rule; a rule of another project, or a bad id, is a 404. */
export async function getAlertRule(
  db: DbOrTx,
  input: { userId: number; project: string | number; ruleId: string | number },
): Promise<AlertRuleView> {
  const { project } = await requireProjectAccess(db, input);
  const ruleId = parseId(String(input.ruleId), "alertRule");
  const rule = await findAlertRule(db, { projectId: project.id, ruleId });
  if (!rule) throw notFound("alertRule");
  return ruleView(rule);
}

/**
 * Creates a rule with its channels (owners; the role is checked before the body is read).
 * A project has at most MAX_RULES_PER_PROJECT rules (409 past it, counted under a lock of
 * the project so two creations cannot both take the last place). Generated webhook secrets
 * are in this answer only.
 */
export async function createAlertRule(
  db: Db,
  input: { userId: number; project: string | number; readBody: () => Promise<unknown> },
  options: UrlCheckOptions = {},
): Promise<AlertRuleView> {
  const { project } = await requireOwner(db, input, "create");
  const body = parseWith(createAlertRuleSchema, await input.readBody());
  const withId = body.channels.findIndex((channel) => channel.id !== undefined);
  if (withId >= 0) {
    throw validationError([issue(["channels", withId, "id"], "ServerAlertRules.newChannelId")]);
  }
  await checkChannelUrls(body.channels, options);
  const { writes, generated } = planChannels(body.channels, []);
  const values: AlertRuleValues = {
    name: body.name,
    enabled: body.enabled ?? true,
    ...triggerValues(body.triggers),
    environments: body.environments ?? null,
    minSeverity: levelSeverity(body.minLevel ?? "debug"),
    cooldownMinutes: body.cooldownMinutes ?? DEFAULT_COOLDOWN_MINUTES,
    digestThreshold: body.digestThreshold ?? DEFAULT_DIGEST_THRESHOLD,
    locale: body.locale ?? null,
  };
  return db.transaction(async (tx) => {
    const count = await lockProjectRules(tx, project.id);
    if (count === null) throw notFound("project");
    if (count >= MAX_RULES_PER_PROJECT) {
      throw conflict(message("ServerAlertRules.tooMany", { max: String(MAX_RULES_PER_PROJECT) }));
    }
    const ruleId = await insertAlertRule(tx, {
      projectId: project.id,
      userId: input.userId,
      values,
    });
    const ids = await writeAlertChannels(tx, { ruleId, channels: writes });
    const rule = await findAlertRule(tx, { projectId: project.id, ruleId });
    if (!rule) throw notFound("alertRule");
    return ruleView(rule, secretsById(ids, generated));
  });
}

/**
 * Changes a rule (owners): any of its fields. `channels`, when sent, become the rule's
 * channels (see planChannels); the others are deleted with their deliveries.
 */
export async function updateAlertRule(
  db: Db,
  input: {
    userId: number;
    project: string | number;
    ruleId: string | number;
    readBody: () => Promise<unknown>;
  },
  options: UrlCheckOptions = {},
): Promise<AlertRuleView> {
  const { project } = await requireOwner(db, input, "change");
  const ruleId = parseId(String(input.ruleId), "alertRule");
  const body = parseWith(patchAlertRuleSchema, await input.readBody());
  if (body.channels) await checkChannelUrls(body.channels, options);
  return db.transaction(async (tx) => {
    const rule = await findAlertRule(tx, { projectId: project.id, ruleId, lock: true });
    if (!rule) throw notFound("alertRule");
    const planned = body.channels ? planChannels(body.channels, rule.channels) : null;
    const values: Partial<Omit<AlertRuleValues, "locale">> & { locale?: Locale } = {
      ...(body.name === undefined ? {} : { name: body.name }),
      ...(body.enabled === undefined ? {} : { enabled: body.enabled }),
      ...(body.triggers === undefined ? {} : triggerValues(body.triggers)),
      ...(body.environments === undefined ? {} : { environments: body.environments }),
      ...(body.minLevel === undefined ? {} : { minSeverity: levelSeverity(body.minLevel) }),
      ...(body.cooldownMinutes === undefined ? {} : { cooldownMinutes: body.cooldownMinutes }),
      ...(body.digestThreshold === undefined ? {} : { digestThreshold: body.digestThreshold }),
      ...(body.locale === undefined ? {} : { locale: body.locale }),
    };
    await updateAlertRuleValues(tx, { ruleId, values });
    let secrets = new Map<number, string>();
    if (planned) {
      const ids = await writeAlertChannels(tx, { ruleId, channels: planned.writes });
      secrets = secretsById(ids, planned.generated);
    }
    const updated = await findAlertRule(tx, { projectId: project.id, ruleId });
    if (!updated) throw notFound("alertRule");
    return ruleView(updated, secrets);
  });
}

/** Deletes a rule (owners) with its channels and its delivery log. */
export async function deleteAlertRule(
  db: DbOrTx,
  input: { userId: number; project: string | number; ruleId: string | number },
): Promise<void> {
  const { project } = await requireOwner(db, input, "delete");
  const ruleId = parseId(String(input.ruleId), "alertRule");
  if (!(await deleteRuleRow(db, { projectId: project.id, ruleId }))) throw notFound("alertRule");
}

export interface AlertTestResult {
  notificationId: number;
  deliveries: {
    channelId: number;
    type: AlertChannelRecord["type"];
    target: string;
    status: "pending" | "delivered" | "failed";
    lastError: string | null;
  }[];
}

/**
 * "Send a test" (owners): a test alert to every channel of the rule at once, through the
 * delivery module (sendTestAlert), with each channel's outcome (its error in `locale`,
 * English by default). It is logged like any alert.
 */
export async function sendAlertRuleTest(
  db: Db,
  input: { userId: number; project: string | number; ruleId: string | number; locale?: Locale },
  options: Omit<DeliveryOptions, "limit"> = {},
): Promise<AlertTestResult> {
  const { project } = await requireOwner(db, input, "test");
  const ruleId = parseId(String(input.ruleId), "alertRule");
  const rule = await findAlertRule(db, { projectId: project.id, ruleId });
  if (!rule) throw notFound("alertRule");
  const sent = await sendTestAlert(
    db,
    { userId: input.userId, ruleId, locale: input.locale },
    options,
  );
  const channels = new Map(rule.channels.map((channel) => [channel.id, channel]));
  return {
    notificationId: sent.notificationId,
    deliveries: sent.deliveries.map((delivery) => {
      const channel = channels.get(delivery.channelId);
      return {
        channelId: delivery.channelId,
        type: channel?.type ?? "webhook",
        target: channel ? channelTarget(channel) : "",
        status: delivery.status as AlertTestResult["deliveries"][number]["status"],
        lastError: delivery.lastError,
      };
    }),
  };
}
