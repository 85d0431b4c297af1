import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dataDir, type Env, isProductionDeployment } from "./env";

/**
 * Returns AUTH_SECRET, generating and persisting one under the data folder for local use.
 * A production deployment without one is a configuration error: sessions signed with a
 * throw-away secret would silently log everybody out on every deploy.
 */
export function resolveAuthSecret(env: Env = process.env): string {
  const configured = env.AUTH_SECRET?.trim();
  if (configured) {
    if (configured.length < 32) throw new Error("AUTH_SECRET must be at least 32 characters long");
    return configured;
  }
  if (isProductionDeployment(env)) {
    throw new Error(
      "AUTH_SECRET is not set. Generate one with `openssl rand -base64 33` and set it in the environment.",
    );
  }
  const file = path.join(dataDir(env), "auth-secret");
  let secret: string;
  try {
    secret = readFileSync(file, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    secret = randomBytes(33).toString("base64url");
    mkdirSync(path.dirname(file), { recursive: true });
    // "wx" so that two processes starting together keep the same secret.
    try {
      writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
    } catch (writeError) {
      if ((writeError as NodeJS.ErrnoException).code !== "EEXIST") throw writeError;
      secret = readFileSync(file, "utf8").trim();
    }
  }
  env.AUTH_SECRET = secret;
  return secret;
}
