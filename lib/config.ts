import { isIP } from "node:net";
import { z } from "zod";

/**
 * Every environment variable the app reads, parsed and checked in one place. A bad value stops
 * start-up (scripts/start.ts, server.ts, instrumentation.ts) with a message naming the variable
 * and what it expects; nothing downstream reads `process.env` or guesses. The README's
 * configuration table lists exactly these keys (lib/config.test.ts checks it).
 *
 * Adding a variable is one entry in SETTINGS: pick a builder below (or write a zod schema that
 * takes `string | undefined`), then a README row.
 */

export type Env = Record<string, string | undefined>;

/** Blank (unset, empty or spaces) counts as unset; values are trimmed. */
function unsetIfBlank(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}

function wholeNumber(min: number, max: number) {
  const expected = `expected a whole number from ${min} to ${max}`;
  return z.string().transform((raw, ctx) => {
    const value = /^[0-9]{1,15}$/.test(raw) ? Number(raw) : Number.NaN;
    if (!(value >= min && value <= max)) {
      ctx.addIssue({ code: "custom", message: expected });
      return z.NEVER;
    }
    return value;
  });
}

function integer(options: { min: number; max: number; default: number }) {
  return z.preprocess(
    unsetIfBlank,
    wholeNumber(options.min, options.max).optional().default(options.default),
  );
}

function optionalInteger(options: { min: number; max: number }) {
  return z.preprocess(unsetIfBlank, wholeNumber(options.min, options.max).optional());
}

function positiveNumber(fallback: number, unit: string) {
  const parsed = z.string().transform((raw, ctx) => {
    const value = /^[0-9]+(\.[0-9]+)?$/.test(raw) ? Number(raw) : Number.NaN;
    if (!(value > 0 && Number.isFinite(value))) {
      ctx.addIssue({ code: "custom", message: `expected a positive number of ${unit}` });
      return z.NEVER;
    }
    return value;
  });
  return z.preprocess(unsetIfBlank, parsed.optional().default(fallback));
}

/** true/false, also spelt 1/0, yes/no, on/off. */
function flag(fallback: boolean) {
  const parsed = z.string().transform((raw, ctx) => {
    const value = raw.toLowerCase();
    if (["true", "1", "yes", "on"].includes(value)) return true;
    if (["false", "0", "no", "off"].includes(value)) return false;
    ctx.addIssue({ code: "custom", message: "expected true or false (or 1 / 0)" });
    return z.NEVER;
  });
  return z.preprocess(unsetIfBlank, parsed.optional().default(fallback));
}

function text() {
  return z.preprocess(unsetIfBlank, z.string().optional());
}

function textWithDefault(fallback: string) {
  return z.preprocess(unsetIfBlank, z.string().optional().default(fallback));
}

function url(protocols: string[], expected: string) {
  const parsed = z.string().refine(
    (raw) => {
      if (!URL.canParse(raw)) return false;
      const parsedUrl = new URL(raw);
      return protocols.includes(parsedUrl.protocol) && parsedUrl.host !== "";
    },
    { message: expected },
  );
  return z.preprocess(unsetIfBlank, parsed.optional());
}

function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.preprocess(
    unsetIfBlank,
    z.enum(values, { message: `expected one of ${values.join(", ")}` }).optional(),
  );
}

export const SETTINGS = {
  // Database
  DATABASE_URL: url(
    ["postgres:", "postgresql:"],
    "expected a PostgreSQL connection string, postgres://user:password@host:5432/database",
  ),
  PGLITE_DIR: text(),
  DATA_DIR: textWithDefault(".data"),
  DATABASE_POOL_MAX: integer({ min: 1, max: 1000, default: 10 }),
  DATABASE_PREPARE: flag(true),
  MIGRATIONS_DIR: textWithDefault("db/migrations"),
  // Server
  PORT: integer({ min: 1, max: 65535, default: 3000 }),
  HOSTNAME: textWithDefault("0.0.0.0"),
  PUBLIC_URL: url(["http:", "https:"], "expected an http:// or https:// address"),
  SKIP_BUILD: flag(false),
  NODE_ENV: oneOf(["development", "production", "test"]),
  VERCEL: text(),
  // Secrets (their values never appear in messages)
  AUTH_SECRET: z.preprocess(
    unsetIfBlank,
    z.string().min(32, "AUTH_SECRET must be at least 32 characters long").optional(),
  ),
  CRON_SECRET: text(),
  // Retention
  RETENTION_DAYS: positiveNumber(90, "days"),
  // Ingest
  INGEST_QUOTA_PER_MINUTE: optionalInteger({ min: 1, max: 1_000_000_000 }),
  INGEST_WRITERS: integer({ min: 1, max: 64, default: 2 }),
  INGEST_FAST_PATH: flag(true),
  // Email (invitations); without SMTP_URL no mail is sent
  SMTP_URL: url(["smtp:", "smtps:"], "expected smtp://user:password@host:port (or smtps://…)"),
  SMTP_FROM: text(),
  // Alerts (lib/alerts/): outbound webhooks and the delivery worker
  ALLOW_PRIVATE_WEBHOOKS: flag(false),
  ALERT_DELIVERY_LEASE_SECONDS: integer({ min: 1, max: 3600, default: 120 }),
  // Logins and sign-ups (lib/auth/limit-settings.ts turns these into the limits)
  LOGIN_FAILURES_PER_EMAIL_AND_IP: integer({ min: 1, max: 1_000_000, default: 10 }),
  LOGIN_FAILURES_PER_IP: integer({ min: 1, max: 1_000_000, default: 50 }),
  LOGIN_FAILURES_PER_EMAIL: integer({ min: 1, max: 1_000_000, default: 200 }),
  SIGNUPS_PER_IP: integer({ min: 1, max: 1_000_000, default: 20 }),
  TRUSTED_PROXIES: z.preprocess(
    unsetIfBlank,
    z
      .string()
      .refine((raw) => raw.split(",").every((item) => isAddressOrCidr(item.trim())), {
        message: "expected a comma-separated list of IP addresses or CIDR ranges",
      })
      .optional(),
  ),
};

/** An IPv4 or IPv6 address, optionally with a /prefix that fits its family. */
export function isAddressOrCidr(item: string): boolean {
  const [address = "", prefix, extra] = item.split("/");
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  return (
    prefix === undefined ||
    (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128))
  );
}

const schema = z.object(SETTINGS);

export type Settings = z.output<typeof schema>;
export type SettingName = keyof typeof SETTINGS;
export const SETTING_NAMES = Object.keys(SETTINGS) as SettingName[];

/** Values that must not be echoed in an error message. */
const SECRET = /SECRET|PASSWORD|TOKEN|KEY|DATABASE_URL|SMTP_URL/;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parses an environment; throws a ConfigError naming every bad variable. Pure: no caching. */
export function parseSettings(env: Env): Settings {
  const input: Env = {};
  for (const name of SETTING_NAMES) input[name] = env[name];
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? "");
    const raw = env[name];
    const shown = raw === undefined || SECRET.test(name) ? "" : `, got ${JSON.stringify(raw)}`;
    const message = issue.message.startsWith(name) ? issue.message : `${name}: ${issue.message}`;
    return `${message}${shown}`;
  });
  throw new ConfigError(problems);
}

let cached: Settings | undefined;

/**
 * The process's settings, parsed from process.env on first use and kept. Called at start-up
 * (so a bad value stops the process before it listens) and wherever a value is needed.
 */
export function settings(): Settings {
  cached ??= parseSettings(process.env);
  return cached;
}

/** The settings of `env`: the cached process settings for process.env, else a fresh parse. */
export function settingsOf(env?: Env): Settings {
  return env === undefined || env === process.env ? settings() : parseSettings(env);
}
