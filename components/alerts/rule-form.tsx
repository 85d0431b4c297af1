"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useId, useRef, useState, useTransition } from "react";
import {
  type SavedSecret,
  type SaveRuleResult,
  saveAlertRuleAction,
} from "@/app/(dashboard)/settings/alerts/actions";
import { Button, buttonClass } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import type { AlertRuleView } from "@/lib/alerts/rules";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/config";
import { PRIMARY_ENVIRONMENTS } from "@/lib/ingest/environments";
import type { Level } from "@/lib/ingest/levels";
import { CHANNEL_TYPES, type ChannelType, LEVEL_CHOICES } from "./labels";

const MAX_CHANNELS = 5;

/** Where each kind of webhook URL usually points (the hint beside it is in the catalogue). */
const URL_PLACEHOLDERS: Record<Exclude<ChannelType, "email">, string> = {
  webhook: "https://example.com/hooks/error-central",
  slack: "https://hooks.slack.com/services/…",
  discord: "https://discord.com/api/webhooks/…",
  teams: "https://….logic.azure.com/workflows/…",
};

interface ChannelDraft {
  key: number;
  id?: number;
  type: ChannelType;
  url: string;
  /** Where an existing channel sends (its URL is never sent to the page). */
  target?: string;
  to: string;
  secret: string;
  rotateSecret: boolean;
  failing?: boolean;
}

interface Draft {
  name: string;
  enabled: boolean;
  newError: boolean;
  regression: boolean;
  escalation: boolean;
  frequency: boolean;
  frequencyCount: string;
  frequencyMinutes: string;
  allEnvironments: boolean;
  environments: string[];
  otherEnvironments: string;
  minLevel: Level;
  cooldownMinutes: string;
  digestThreshold: string;
  /** The language of the rule's emails and chat messages. */
  locale: Locale;
  channels: ChannelDraft[];
}

let nextKey = 1;

/** The form's state for `rule`, or for a new rule whose messages are in `locale`. */
function draftOf(rule: AlertRuleView | undefined, locale: Locale): Draft {
  const frequency = rule?.triggers.find((t) => typeof t !== "string")?.frequency;
  const envs = rule?.environments ?? null;
  const primary: readonly string[] = PRIMARY_ENVIRONMENTS;
  return {
    name: rule?.name ?? "",
    enabled: rule?.enabled ?? true,
    newError: rule ? rule.triggers.includes("newError") : true,
    regression: rule ? rule.triggers.includes("regression") : true,
    escalation: rule ? rule.triggers.includes("escalation") : false,
    frequency: frequency !== undefined,
    frequencyCount: String(frequency?.count ?? 100),
    frequencyMinutes: String(frequency?.minutes ?? 60),
    allEnvironments: envs === null,
    environments: envs ? envs.filter((env) => primary.includes(env)) : ["production"],
    otherEnvironments: envs ? envs.filter((env) => !primary.includes(env)).join(", ") : "",
    minLevel: rule?.minLevel ?? "error",
    cooldownMinutes: String(rule?.cooldownMinutes ?? 30),
    digestThreshold: String(rule?.digestThreshold ?? 5),
    locale: rule?.locale ?? locale,
    channels: rule
      ? rule.channels.map((channel) => ({
          key: nextKey++,
          id: channel.id,
          type: channel.type,
          url: "",
          target: channel.target,
          to: (channel.to ?? []).join(", "),
          secret: "",
          rotateSecret: false,
          failing: channel.failing,
        }))
      : [emptyChannel("webhook")],
  };
}

function emptyChannel(type: ChannelType): ChannelDraft {
  return { key: nextKey++, type, url: "", to: "", secret: "", rotateSecret: false };
}

/** A whole number as a number; anything else as typed, so that the rule names what is wrong. */
function numberOrText(value: string): number | string | undefined {
  const trimmed = value.trim();
  if (trimmed === "") return undefined;
  return /^-?\d{1,9}$/.test(trimmed) ? Number(trimmed) : trimmed;
}

const splitList = (value: string) =>
  value
    .split(/[\s,;]+/)
    .map((item) => item.trim())
    .filter(Boolean);

/** The API's body (POST or PATCH /api/projects/:id/alert-rules…) from the form. */
function bodyOf(draft: Draft): Record<string, unknown> {
  const triggers: unknown[] = [];
  if (draft.newError) triggers.push("newError");
  if (draft.regression) triggers.push("regression");
  if (draft.escalation) triggers.push("escalation");
  if (draft.frequency) {
    triggers.push({
      frequency: {
        count: numberOrText(draft.frequencyCount),
        minutes: numberOrText(draft.frequencyMinutes),
      },
    });
  }
  return {
    name: draft.name,
    enabled: draft.enabled,
    triggers,
    environments: draft.allEnvironments
      ? null
      : [...draft.environments, ...splitList(draft.otherEnvironments)],
    minLevel: draft.minLevel,
    cooldownMinutes: numberOrText(draft.cooldownMinutes),
    digestThreshold: numberOrText(draft.digestThreshold),
    locale: draft.locale,
    channels: draft.channels.map((channel) => {
      const out: Record<string, unknown> = { type: channel.type };
      if (channel.id !== undefined) out.id = channel.id;
      if (channel.type === "email") out.to = splitList(channel.to);
      else if (channel.url.trim() !== "" || channel.id === undefined) out.url = channel.url.trim();
      if (channel.type === "webhook") {
        if (channel.id === undefined && channel.secret !== "") out.secret = channel.secret;
        if (channel.id !== undefined && channel.rotateSecret) out.rotateSecret = true;
      }
      return out;
    }),
  };
}

/** Inputs and selects; each use adds its width. */
const inputClass =
  "block rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm shadow-xs focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/30 aria-invalid:border-red-500 dark:border-zinc-700 dark:bg-zinc-900";
const checkClass =
  "size-4 rounded border-zinc-300 text-indigo-600 focus:ring-indigo-500 dark:border-zinc-600 dark:bg-zinc-900";
const fieldsetClass =
  "min-w-0 space-y-3 rounded-lg border border-zinc-200 p-3 sm:p-4 dark:border-zinc-800";
const legendClass = "px-1 text-sm font-semibold text-zinc-800 dark:text-zinc-200";

function ErrorText({ id, message }: { id?: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="text-sm text-red-600 dark:text-red-400">
      {message}
    </p>
  );
}

function Check({
  label,
  checked,
  onChange,
  hint,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
}) {
  return (
    <label className="flex items-start gap-2 text-sm">
      <input
        type="checkbox"
        className={`mt-0.5 ${checkClass}`}
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
      />
      <span>
        <span className="font-medium text-zinc-800 dark:text-zinc-200">{label}</span>
        {hint ? (
          <span className="block text-xs text-zinc-500 dark:text-zinc-400">{hint}</span>
        ) : null}
      </span>
    </label>
  );
}

/**
 * Creates or edits an alert rule: triggers, filters, quiet settings and channels. The body it
 * sends is the API's; the rule (lib/alerts/rules.ts) validates it, and its refusals are shown
 * beside the fields they name. Webhook secrets the rule generates are shown once, here.
 */
export function RuleForm({
  project,
  rule,
  backHref,
}: {
  project: { id: number; name: string };
  rule?: AlertRuleView;
  backHref: string;
}) {
  const t = useTranslations("AlertRuleForm");
  const labels = useTranslations("AlertLabels");
  const environments = useTranslations("Environments");
  const router = useRouter();
  const pageLocale = useLocale();
  const [draft, setDraft] = useState<Draft>(() => draftOf(rule, pageLocale));
  const [result, setResult] = useState<SaveRuleResult | null>(null);
  const [saved, setSaved] = useState<{ name: string; secrets: SavedSecret[] } | null>(null);
  const [pending, startTransition] = useTransition();
  const summaryRef = useRef<HTMLDivElement>(null);
  const formId = useId();

  const set = (changes: Partial<Draft>) => setDraft((current) => ({ ...current, ...changes }));
  const setChannel = (key: number, changes: Partial<ChannelDraft>) =>
    setDraft((current) => ({
      ...current,
      channels: current.channels.map((c) => (c.key === key ? { ...c, ...changes } : c)),
    }));

  const issues = result?.status === "error" ? result.issues : [];
  const pathOf = (path: (string | number)[]) => path.join(".");
  /** The message for exactly this field. */
  const errorAt = (path: string) => issues.find((issue) => pathOf(issue.path) === path)?.message;
  /** The first message for this field or anything inside it. */
  const errorIn = (path: string) =>
    issues.find((issue) => {
      const p = pathOf(issue.path);
      return p === path || p.startsWith(`${path}.`);
    })?.message;
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const outcome = await saveAlertRuleAction({
        project: project.id,
        ruleId: rule?.id,
        body: bodyOf(draft),
      });
      setResult(outcome);
      if (outcome.status === "ok") {
        if (outcome.secrets.length > 0) setSaved({ name: outcome.name, secrets: outcome.secrets });
        else router.push(backHref);
      } else {
        requestAnimationFrame(() => summaryRef.current?.focus());
      }
    });
  };

  if (saved) {
    return (
      <section
        aria-label={t("secretsLabel")}
        className="space-y-4 rounded-lg border border-emerald-300 bg-emerald-50/60 p-4 dark:border-emerald-900 dark:bg-emerald-950/30"
      >
        <div>
          <p className="text-sm font-semibold text-emerald-900 dark:text-emerald-200">
            {t("savedCopySecret", { name: saved.name })}
          </p>
          <p className="mt-0.5 text-sm text-emerald-900/80 dark:text-emerald-200/80">
            {t("secretOnce")}
          </p>
        </div>
        {saved.secrets.map((item) => (
          <div key={item.index} className="min-w-0 space-y-1">
            <p className="text-xs font-medium text-zinc-700 dark:text-zinc-300">
              {t("webhookTarget", { target: item.target })}
            </p>
            <div className="flex min-w-0 items-start gap-2">
              <code
                data-testid="new-webhook-secret"
                className="min-w-0 flex-1 rounded-md border border-zinc-200 bg-white px-2.5 py-1.5 font-mono text-xs text-zinc-900 select-all wrap-anywhere dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100"
              >
                {item.secret}
              </code>
              <CopyButton text={item.secret} what={t("secretWhat")} className="mt-0.5" />
            </div>
          </div>
        ))}
        <Link href={backHref} className={buttonClass("primary")}>
          {t("done")}
        </Link>
      </section>
    );
  }

  // The frequency is the last trigger the form sends.
  const frequencyAt = `triggers.${[draft.newError, draft.regression, draft.escalation].filter(Boolean).length}.frequency`;
  /** Whether the form shows this issue beside its field; the others are listed in the summary. */
  const placed = (path: string) =>
    [
      "name",
      "triggers",
      `${frequencyAt}.count`,
      `${frequencyAt}.minutes`,
      "minLevel",
      "cooldownMinutes",
      "digestThreshold",
      "locale",
      "channels",
    ].includes(path) ||
    path.startsWith("environments") ||
    /^channels\.\d+\.(type|id|url|secret|to)(\.|$)/.test(path);
  const unplaced = issues.filter((issue) => !placed(pathOf(issue.path)));

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={
        rule ? t("editLabel", { name: rule.name }) : t("newLabel", { project: project.name })
      }
      className="space-y-5"
    >
      {result?.status === "error" ? (
        <div
          ref={summaryRef}
          tabIndex={-1}
          role="alert"
          className="rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/50 dark:text-red-200"
        >
          <p className="font-medium">{result.error ?? t("fixBelow")}</p>
          {unplaced.length > 0 ? (
            <ul className="mt-1 list-disc pl-5">
              {unplaced.map((issue) => (
                <li key={pathOf(issue.path)}>
                  {issue.path.length > 0 ? `${pathOf(issue.path)}: ` : ""}
                  {issue.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-end">
        <Field
          label={t("name")}
          value={draft.name}
          maxLength={100}
          placeholder={t("namePlaceholder")}
          onChange={(event) => set({ name: event.target.value })}
          error={errorAt("name")}
        />
        <div className="sm:pb-2">
          <Check
            label={t("enabled")}
            checked={draft.enabled}
            onChange={(enabled) => set({ enabled })}
          />
        </div>
      </div>

      <fieldset className={fieldsetClass} aria-describedby={`${formId}-triggers-error`}>
        <legend className={legendClass}>{t("alertWhen")}</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          <Check
            label={t("newError")}
            checked={draft.newError}
            onChange={(newError) => set({ newError })}
          />
          <Check
            label={t("regression")}
            checked={draft.regression}
            onChange={(regression) => set({ regression })}
          />
          <Check
            label={t("escalation")}
            hint={t("escalationHint")}
            checked={draft.escalation}
            onChange={(escalation) => set({ escalation })}
          />
          <Check
            label={t("frequent")}
            checked={draft.frequency}
            onChange={(frequency) => set({ frequency })}
          />
        </div>
        {draft.frequency ? (
          <div className="space-y-1">
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <span>{t("moreThan")}</span>
              <input
                type="number"
                inputMode="numeric"
                min={1}
                aria-label={t("events")}
                aria-invalid={errorAt(`${frequencyAt}.count`) ? true : undefined}
                className={`${inputClass} w-28`}
                value={draft.frequencyCount}
                onChange={(event) => set({ frequencyCount: event.target.value })}
              />
              <span>{t("eventsWithin")}</span>
              <input
                type="number"
                inputMode="numeric"
                min={1}
                max={1440}
                aria-label={t("minutesLabel")}
                aria-invalid={errorAt(`${frequencyAt}.minutes`) ? true : undefined}
                className={`${inputClass} w-24`}
                value={draft.frequencyMinutes}
                onChange={(event) => set({ frequencyMinutes: event.target.value })}
              />
              <span>{t("minutes")}</span>
            </div>
            <ErrorText message={errorAt(`${frequencyAt}.count`)} />
            <ErrorText message={errorAt(`${frequencyAt}.minutes`)} />
          </div>
        ) : null}
        <ErrorText id={`${formId}-triggers-error`} message={errorAt("triggers")} />
      </fieldset>

      <fieldset className={fieldsetClass}>
        <legend className={legendClass}>{t("whichErrors")}</legend>
        <div className="space-y-2">
          <label className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name={`${formId}-envs`}
              className={checkClass}
              checked={draft.allEnvironments}
              onChange={() => set({ allEnvironments: true })}
            />
            {t("allEnvironments")}
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name={`${formId}-envs`}
              className={checkClass}
              checked={!draft.allEnvironments}
              onChange={() => set({ allEnvironments: false })}
            />
            {t("someEnvironments")}
          </label>
        </div>
        {draft.allEnvironments ? null : (
          <div className="space-y-3 border-l-2 border-zinc-200 pl-3 dark:border-zinc-800">
            <div className="flex flex-wrap gap-x-5 gap-y-2">
              {PRIMARY_ENVIRONMENTS.map((env) => (
                <Check
                  key={env}
                  label={environments(env)}
                  checked={draft.environments.includes(env)}
                  onChange={(on) =>
                    set({
                      environments: on
                        ? [...draft.environments, env]
                        : draft.environments.filter((e) => e !== env),
                    })
                  }
                />
              ))}
            </div>
            <Field
              label={t("otherEnvironments")}
              hint={t("otherEnvironmentsHint")}
              placeholder={t("otherEnvironmentsPlaceholder")}
              value={draft.otherEnvironments}
              onChange={(event) => set({ otherEnvironments: event.target.value })}
            />
            <ErrorText message={errorIn("environments")} />
          </div>
        )}
        <div className="space-y-1.5">
          <label
            htmlFor={`${formId}-level`}
            className="block text-sm font-medium text-zinc-700 dark:text-zinc-300"
          >
            {t("minLevel")}
          </label>
          <select
            id={`${formId}-level`}
            className={`${inputClass} w-full sm:w-60`}
            value={draft.minLevel}
            onChange={(event) => set({ minLevel: event.target.value as Level })}
          >
            {LEVEL_CHOICES.map((level) => (
              <option key={level} value={level}>
                {labels(`levels.${level}`)}
              </option>
            ))}
          </select>
          <ErrorText message={errorAt("minLevel")} />
        </div>
      </fieldset>

      <fieldset className={fieldsetClass}>
        <legend className={legendClass}>{t("keepQuiet")}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label={t("cooldown")}
            type="number"
            inputMode="numeric"
            min={0}
            max={1440}
            hint={t("cooldownHint")}
            value={draft.cooldownMinutes}
            onChange={(event) => set({ cooldownMinutes: event.target.value })}
            error={errorAt("cooldownMinutes")}
          />
          <Field
            label={t("digest")}
            type="number"
            inputMode="numeric"
            min={1}
            max={1000}
            hint={t("digestHint")}
            value={draft.digestThreshold}
            onChange={(event) => set({ digestThreshold: event.target.value })}
            error={errorAt("digestThreshold")}
          />
        </div>
      </fieldset>

      <fieldset className={fieldsetClass}>
        <legend className={legendClass}>{t("sendTo")}</legend>
        <div className="space-y-1.5">
          <label
            htmlFor={`${formId}-locale`}
            className="block text-sm font-medium text-zinc-700 dark:text-zinc-300"
          >
            {t("language")}
          </label>
          <select
            id={`${formId}-locale`}
            aria-describedby={`${formId}-locale-hint`}
            className={`${inputClass} w-full sm:w-60`}
            value={draft.locale}
            onChange={(event) => set({ locale: event.target.value as Locale })}
          >
            {LOCALES.map((locale) => (
              <option key={locale} value={locale} lang={locale}>
                {LOCALE_NAMES[locale]}
              </option>
            ))}
          </select>
          <p id={`${formId}-locale-hint`} className="text-xs text-zinc-500 dark:text-zinc-400">
            {t("languageHint")}
          </p>
          <ErrorText message={errorAt("locale")} />
        </div>
        <ErrorText message={errorAt("channels")} />
        <ol className="space-y-3">
          {draft.channels.map((channel, index) => (
            <ChannelEditor
              key={channel.key}
              index={index}
              channel={channel}
              onChange={(changes) => setChannel(channel.key, changes)}
              onRemove={
                draft.channels.length > 1
                  ? () => set({ channels: draft.channels.filter((c) => c.key !== channel.key) })
                  : undefined
              }
              errorAt={(field) => errorAt(`channels.${index}.${field}`)}
              errorIn={(field) => errorIn(`channels.${index}.${field}`)}
            />
          ))}
        </ol>
        {draft.channels.length < MAX_CHANNELS ? (
          <Button
            variant="secondary"
            className="text-xs"
            onClick={() => set({ channels: [...draft.channels, emptyChannel("slack")] })}
          >
            {t("addChannel")}
          </Button>
        ) : (
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            {t("maxChannels", { max: MAX_CHANNELS })}
          </p>
        )}
      </fieldset>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {t(pending ? "saving" : rule ? "save" : "create")}
        </Button>
        <Link href={backHref} className={buttonClass("ghost")}>
          {t("cancel")}
        </Link>
      </div>
    </form>
  );
}

function ChannelEditor({
  index,
  channel,
  onChange,
  onRemove,
  errorAt,
  errorIn,
}: {
  index: number;
  channel: ChannelDraft;
  onChange: (changes: Partial<ChannelDraft>) => void;
  onRemove?: () => void;
  errorAt: (field: string) => string | undefined;
  errorIn: (field: string) => string | undefined;
}) {
  const t = useTranslations("AlertRuleForm");
  const labels = useTranslations("AlertLabels");
  const id = useId();
  const existing = channel.id !== undefined;
  const name = t("channel", { number: index + 1 });
  return (
    <li
      aria-label={name}
      className="min-w-0 space-y-3 rounded-lg border border-zinc-200 bg-zinc-50/60 p-3 dark:border-zinc-800 dark:bg-zinc-950/40"
    >
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="space-y-1.5">
          <label
            htmlFor={`${id}-type`}
            className="block text-sm font-medium text-zinc-700 dark:text-zinc-300"
          >
            {name}
          </label>
          <select
            id={`${id}-type`}
            className={`${inputClass} w-48 max-w-full`}
            value={channel.type}
            disabled={existing}
            onChange={(event) => onChange({ type: event.target.value as ChannelType })}
          >
            {CHANNEL_TYPES.map((type) => (
              <option key={type} value={type}>
                {labels(`channels.${type}`)}
              </option>
            ))}
          </select>
          <ErrorText message={errorAt("type") ?? errorAt("id")} />
        </div>
        {onRemove ? (
          <Button
            variant="ghost"
            className="px-2 py-1 text-xs"
            aria-label={t("removeChannel", { number: index + 1 })}
            onClick={onRemove}
          >
            {t("remove")}
          </Button>
        ) : null}
      </div>
      {channel.type === "email" ? (
        <Field
          label={t("emails")}
          hint={t("emailsHint")}
          placeholder={t("emailsPlaceholder")}
          value={channel.to}
          onChange={(event) => onChange({ to: event.target.value })}
          error={errorIn("to")}
        />
      ) : (
        <Field
          label={t(existing ? "newUrl" : "url")}
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          placeholder={
            existing
              ? channel.target
                ? t("keepUrl", { target: channel.target })
                : t("keepCurrentUrl")
              : URL_PLACEHOLDERS[channel.type]
          }
          hint={
            existing
              ? t("sendsTo", { target: channel.target ?? "" })
              : t(`urlHints.${channel.type}`)
          }
          value={channel.url}
          onChange={(event) => onChange({ url: event.target.value })}
          error={errorAt("url")}
        />
      )}
      {channel.type === "webhook" ? (
        existing ? (
          <Check
            label={t("rotateSecret")}
            hint={t("rotateSecretHint")}
            checked={channel.rotateSecret}
            onChange={(rotateSecret) => onChange({ rotateSecret })}
          />
        ) : (
          <Field
            label={t("secret")}
            hint={t("secretHint")}
            autoComplete="off"
            spellCheck={false}
            value={channel.secret}
            onChange={(event) => onChange({ secret: event.target.value })}
            error={errorAt("secret")}
          />
        )
      ) : null}
      {channel.failing ? (
        <p className="text-xs text-red-700 dark:text-red-300">{t("channelFailing")}</p>
      ) : null}
    </li>
  );
}
