import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type Env, settingsOf } from "./config";
import { dataDir, isProductionDeployment } from "./env";

/** The secret resolved for process.env, kept: the proxy asks for it on every request. */
let resolved: string | undefined;

/**
 * Returns AUTH_SECRET, generating and persisting one under the data folder for local use.
 * A production deployment without one is a configuration error: sessions signed with a
 * throw-away secret would silently log everybody out on every deploy.
 */
export function resolveAuthSecret(env: Env = process.env): string {
  const own = env === process.env;
  if (own && resolved) return resolved;
  const secret = settingsOf(env).AUTH_SECRET ?? localSecret(env);
  if (own) resolved = secret;
  return secret;
}

function localSecret(env: Env): string {
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
  // Auth.js reads AUTH_SECRET from the environment too.
  env.AUTH_SECRET = secret;
  return secret;
}
