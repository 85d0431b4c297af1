import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/**
 * The secrets sign-up creates (an ingest key and a personal token) travel from the sign-up
 * action to the welcome page in one short-lived cookie, sealed (AES-256-GCM under a key derived
 * from AUTH_SECRET) so that nobody can read or forge it, scoped to /welcome, and deleted as soon
 * as the page has shown them: like every key, they are shown once and only their hashes stay.
 */
export const FIRST_RUN_COOKIE = "ec-first-run";
export const FIRST_RUN_PATH = "/welcome";
/** Long enough for the redirect after sign-up, short enough that a forgotten cookie expires. */
export const FIRST_RUN_MAX_AGE_SECONDS = 10 * 60;

export interface FirstRunSecrets {
  userId: number;
  project: { id: number; name: string; slug: string };
  ingestKey: { name: string; token: string };
  personalToken: { name: string; token: string };
}

interface Sealed extends FirstRunSecrets {
  v: 1;
  /** Expiry, ms since the epoch: the cookie's max-age is only the browser's word. */
  exp: number;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

function keyFrom(authSecret: string): Buffer {
  // A key of its own, so that this cookie can never be mistaken for a session token.
  return createHash("sha256").update(`error-central/first-run/v1\0${authSecret}`).digest();
}

export function sealFirstRun(
  secrets: FirstRunSecrets,
  options: { authSecret: string; now?: number },
): string {
  const now = options.now ?? Date.now();
  const body: Sealed = { ...secrets, v: 1, exp: now + FIRST_RUN_MAX_AGE_SECONDS * 1000 };
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", keyFrom(options.authSecret), iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(body), "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), data]).toString("base64url");
}

/**
 * The secrets in a sealed value, if it was sealed with this secret, has not expired and belongs
 * to `userId` (another account signed in in the same browser sees nothing); else null.
 */
export function openFirstRun(
  value: string | undefined,
  options: { authSecret: string; userId: number; now?: number },
): FirstRunSecrets | null {
  if (!value || value.length > 4096) return null;
  const raw = Buffer.from(value, "base64url");
  if (raw.length <= IV_BYTES + TAG_BYTES) return null;
  let body: Sealed;
  try {
    const decipher = createDecipheriv(
      "aes-256-gcm",
      keyFrom(options.authSecret),
      raw.subarray(0, IV_BYTES),
    );
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const text = Buffer.concat([
      decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]).toString("utf8");
    body = JSON.parse(text) as Sealed;
  } catch {
    // A wrong tag (tampered, or sealed under another AUTH_SECRET) is no secret at all.
    return null;
  }
  if (body.v !== 1 || body.userId !== options.userId) return null;
  if (!(body.exp > (options.now ?? Date.now()))) return null;
  const { userId, project, ingestKey, personalToken } = body;
  return { userId, project, ingestKey, personalToken };
}
