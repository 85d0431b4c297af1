import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { resolveAuthSecret } from "./auth-secret";
import { databaseConfig, isProductionDeployment, listenPort } from "./env";

describe("databaseConfig", () => {
  it("uses PostgreSQL when DATABASE_URL is set", () => {
    expect(databaseConfig({ DATABASE_URL: "postgres://u@h:5432/db" })).toEqual({
      kind: "postgres",
      url: "postgres://u@h:5432/db",
      poolMax: 10,
      prepare: true,
      migrationsDir: path.resolve("db/migrations"),
    });
    expect(
      databaseConfig({
        DATABASE_URL: "postgres://u@h:5432/db",
        DATABASE_POOL_MAX: "3",
        DATABASE_PREPARE: "false",
      }),
    ).toMatchObject({ poolMax: 3, prepare: false });
  });

  it("refuses a DATABASE_URL that is not PostgreSQL", () => {
    expect(() => databaseConfig({ DATABASE_URL: "mysql://h/db" })).toThrow(
      /DATABASE_URL: expected a PostgreSQL/,
    );
  });

  it("falls back to PGlite under .data/pglite, or PGLITE_DIR", () => {
    expect(databaseConfig({})).toMatchObject({ kind: "pglite", dir: path.resolve(".data/pglite") });
    expect(databaseConfig({ PGLITE_DIR: "/tmp/x" })).toMatchObject({
      kind: "pglite",
      dir: "/tmp/x",
    });
    expect(databaseConfig({ PGLITE_DIR: "memory://" })).toMatchObject({
      kind: "pglite",
      dir: "memory://",
    });
    expect(databaseConfig({ DATABASE_URL: "  " }).kind).toBe("pglite");
  });
});

describe("listenPort", () => {
  it("defaults to 3000 and validates PORT", () => {
    expect(listenPort({})).toBe(3000);
    expect(listenPort({ PORT: "8080" })).toBe(8080);
    expect(() => listenPort({ PORT: "http" })).toThrow(/PORT/);
    expect(() => listenPort({ PORT: "70000" })).toThrow(/PORT/);
  });
});

describe("resolveAuthSecret", () => {
  it("uses AUTH_SECRET when set, and refuses a short one", () => {
    const secret = "x".repeat(40);
    expect(resolveAuthSecret({ AUTH_SECRET: secret })).toBe(secret);
    expect(() => resolveAuthSecret({ AUTH_SECRET: "short" })).toThrow(/at least 32/);
  });

  it("fails clearly in a production deployment without one", () => {
    const production = { NODE_ENV: "production", DATABASE_URL: "postgres://h/db" } as const;
    expect(isProductionDeployment(production)).toBe(true);
    expect(() => resolveAuthSecret({ ...production })).toThrow(/AUTH_SECRET is not set/);
    expect(() => resolveAuthSecret({ VERCEL: "1" })).toThrow(/AUTH_SECRET is not set/);
  });

  it("generates one for local use, keeps it under the data folder and reuses it", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "ec-secret-"));
    const env: Record<string, string | undefined> = { DATA_DIR: dir, NODE_ENV: "production" };
    const first = resolveAuthSecret(env);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(env.AUTH_SECRET).toBe(first);
    const file = path.join(dir, "auth-secret");
    expect(readFileSync(file, "utf8").trim()).toBe(first);
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(resolveAuthSecret({ DATA_DIR: dir })).toBe(first);
  });
});
