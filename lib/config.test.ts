import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, parseSettings, SETTING_NAMES } from "./config";

function problemsOf(env: Record<string, string>): string {
  try {
    parseSettings(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error(`${JSON.stringify(env)} was accepted`);
}

describe("settings", () => {
  it.each([
    ["INGEST_WRITERS", "two", /INGEST_WRITERS: expected a whole number from 1 to 64, got "two"/],
    ["INGEST_WRITERS", "0", /INGEST_WRITERS: expected a whole number from 1 to 64/],
    ["LOGIN_FAILURES_PER_EMAIL", "10x", /LOGIN_FAILURES_PER_EMAIL: expected a whole number/],
    ["LOGIN_FAILURES_PER_IP", "1e3", /LOGIN_FAILURES_PER_IP: expected a whole number/],
    ["TRUSTED_PROXIES", "10.0.0.0/33", /TRUSTED_PROXIES: expected a comma-separated list/],
    ["TRUSTED_PROXIES", "proxy.internal", /TRUSTED_PROXIES: expected a comma-separated list/],
    ["SMTP_URL", "mail.example.com:25", /SMTP_URL: expected smtp:\/\//],
    ["SIGNUPS_PER_IP", "many", /SIGNUPS_PER_IP: expected a whole number/],
    ["DATABASE_POOL_MAX", "-1", /DATABASE_POOL_MAX: expected a whole number from 1 to 1000/],
    ["DATABASE_URL", "not a url", /DATABASE_URL: expected a PostgreSQL connection string/],
    ["DATABASE_URL", "mysql://h/db", /DATABASE_URL: expected a PostgreSQL connection string/],
    ["PORT", "abc", /PORT: expected a whole number from 1 to 65535, got "abc"/],
    ["PORT", "70000", /PORT: expected a whole number from 1 to 65535/],
    ["DATABASE_PREPARE", "maybe", /DATABASE_PREPARE: expected true or false/],
    ["INGEST_FAST_PATH", "fast", /INGEST_FAST_PATH: expected true or false/],
    ["INGEST_QUOTA_PER_MINUTE", "lots", /INGEST_QUOTA_PER_MINUTE: expected a whole number/],
    ["RETENTION_DAYS", "-1", /RETENTION_DAYS: expected a positive number of days/],
    ["RETENTION_DAYS", "soon", /RETENTION_DAYS: expected a positive number of days/],
    ["PUBLIC_URL", "errors.example.com", /PUBLIC_URL: expected an http:\/\/ or https:\/\//],
    ["NODE_ENV", "prod", /NODE_ENV: expected one of development, production, test/],
    ["AUTH_SECRET", "short", /AUTH_SECRET must be at least 32 characters/],
    ["ALLOW_PRIVATE_WEBHOOKS", "maybe", /ALLOW_PRIVATE_WEBHOOKS: expected true or false/],
    ["ALERT_DELIVERY_LEASE_SECONDS", "0", /ALERT_DELIVERY_LEASE_SECONDS: expected a whole number/],
  ])("refuses %s=%s, naming it", (name, value, message) => {
    expect(problemsOf({ [name]: value })).toMatch(message);
  });

  it("reports every bad variable at once, and never echoes a secret", () => {
    const message = problemsOf({
      INGEST_WRITERS: "two",
      PORT: "abc",
      DATABASE_URL: "mysql://admin:hunter2@db/x",
      AUTH_SECRET: "hunter3",
    });
    expect(message).toMatch(/INGEST_WRITERS/);
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/DATABASE_URL/);
    expect(message).toMatch(/AUTH_SECRET/);
    expect(message).not.toMatch(/hunter/);
  });

  it("has defaults for everything optional, and treats blank as unset", () => {
    const defaults = parseSettings({});
    expect(defaults).toMatchObject({
      DATABASE_URL: undefined,
      DATA_DIR: ".data",
      DATABASE_POOL_MAX: 10,
      DATABASE_PREPARE: true,
      MIGRATIONS_DIR: "db/migrations",
      PORT: 3000,
      HOSTNAME: "0.0.0.0",
      PUBLIC_URL: undefined,
      SKIP_BUILD: false,
      RETENTION_DAYS: 90,
      INGEST_QUOTA_PER_MINUTE: undefined,
      INGEST_WRITERS: 2,
      INGEST_FAST_PATH: true,
      LOGIN_FAILURES_PER_EMAIL_AND_IP: 10,
      LOGIN_FAILURES_PER_IP: 50,
      LOGIN_FAILURES_PER_EMAIL: 200,
      SIGNUPS_PER_IP: 20,
      TRUSTED_PROXIES: undefined,
      SMTP_URL: undefined,
      SMTP_FROM: undefined,
      ALLOW_PRIVATE_WEBHOOKS: false,
      ALERT_DELIVERY_LEASE_SECONDS: 120,
    });
    expect(parseSettings({ INGEST_WRITERS: "  ", PORT: "", DATABASE_URL: " " })).toEqual(defaults);
  });

  it("parses good values", () => {
    expect(
      parseSettings({
        DATABASE_URL: " postgresql://u:p@db.example.com:5432/ec ",
        DATABASE_POOL_MAX: "25",
        DATABASE_PREPARE: "false",
        PORT: "8080",
        PUBLIC_URL: "https://errors.example.com/",
        SKIP_BUILD: "1",
        NODE_ENV: "production",
        AUTH_SECRET: "x".repeat(40),
        RETENTION_DAYS: "7.5",
        INGEST_QUOTA_PER_MINUTE: "600",
        INGEST_WRITERS: "4",
        INGEST_FAST_PATH: "0",
        LOGIN_FAILURES_PER_EMAIL: "3",
        LOGIN_FAILURES_PER_IP: "100",
        TRUSTED_PROXIES: "127.0.0.1, ::1, 10.0.0.0/8",
        ALLOW_PRIVATE_WEBHOOKS: "true",
        ALERT_DELIVERY_LEASE_SECONDS: "3",
      }),
    ).toMatchObject({
      DATABASE_URL: "postgresql://u:p@db.example.com:5432/ec",
      DATABASE_POOL_MAX: 25,
      DATABASE_PREPARE: false,
      PORT: 8080,
      PUBLIC_URL: "https://errors.example.com/",
      SKIP_BUILD: true,
      NODE_ENV: "production",
      RETENTION_DAYS: 7.5,
      INGEST_QUOTA_PER_MINUTE: 600,
      INGEST_WRITERS: 4,
      INGEST_FAST_PATH: false,
      LOGIN_FAILURES_PER_EMAIL: 3,
      LOGIN_FAILURES_PER_IP: 100,
      TRUSTED_PROXIES: "127.0.0.1, ::1, 10.0.0.0/8",
      ALLOW_PRIVATE_WEBHOOKS: true,
      ALERT_DELIVERY_LEASE_SECONDS: 3,
    });
  });
});

describe("the README's configuration table", () => {
  it("lists exactly the variables the settings module reads", () => {
    const readme = readFileSync(path.resolve(import.meta.dirname, "../README.md"), "utf8");
    const section = /\n## Configuration\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? "";
    const documented = new Set<string>();
    for (const line of section.split("\n")) {
      // The first cell of each row names one or more variables: | `A` / `B` | default | meaning |
      const firstCell = /^\|([^|]*)\|/.exec(line)?.[1] ?? "";
      for (const match of firstCell.matchAll(/`([A-Z][A-Z0-9_]*)`/g))
        documented.add(match[1] as string);
    }
    expect([...documented].sort()).toEqual([...SETTING_NAMES].sort());
  });
});
