import path from "node:path";

export type Env = Record<string, string | undefined>;

export type DatabaseConfig = { kind: "postgres"; url: string } | { kind: "pglite"; dir: string };

/** `DATABASE_URL` selects PostgreSQL; without it the embedded PGlite keeps its files in `PGLITE_DIR`. */
export function databaseConfig(env: Env = process.env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error("DATABASE_URL must start with postgres:// or postgresql://");
    }
    return { kind: "postgres", url };
  }
  const dir = env.PGLITE_DIR?.trim() || path.join(dataDir(env), "pglite");
  return {
    kind: "pglite",
    dir: dir.startsWith("memory://") ? dir : path.resolve(/*turbopackIgnore: true*/ dir),
  };
}

/** Where local state lives (embedded database, generated development secret). */
export function dataDir(env: Env = process.env): string {
  return path.resolve(/*turbopackIgnore: true*/ env.DATA_DIR?.trim() || ".data");
}

/** A deployment that must be configured explicitly rather than fall back to local defaults. */
export function isProductionDeployment(env: Env = process.env): boolean {
  return Boolean(env.VERCEL) || (env.NODE_ENV === "production" && Boolean(env.DATABASE_URL));
}

export function listenPort(env: Env = process.env): number {
  const raw = env.PORT?.trim();
  if (!raw) return 3000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`PORT must be an integer between 1 and 65535, got "${raw}"`);
  }
  return port;
}
