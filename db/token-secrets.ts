import { createHash, randomBytes } from "node:crypto";

export type TokenKind = "personal" | "ingest";

const PERSONAL_PREFIX = "ecp_";

/**
 * Personal tokens: "ecp_" + 256 random bits in base64url.
 * Ingest keys: 128 random bits as 32 lowercase hex characters, the shape of a Sentry DSN
 * public key, so that every Sentry SDK accepts them inside a DSN.
 */
export function generateToken(kind: TokenKind): string {
  if (kind === "personal") return PERSONAL_PREFIX + randomBytes(32).toString("base64url");
  return randomBytes(16).toString("hex");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The part of a token that may be shown again after creation. */
export function tokenPrefix(token: string): string {
  return token.startsWith(PERSONAL_PREFIX) ? token.slice(0, 10) : token.slice(0, 8);
}

/** Cheap shape check before any database lookup. */
export function looksLikeToken(value: string): boolean {
  return /^ecp_[A-Za-z0-9_-]{43}$/.test(value) || /^[0-9a-f]{32}$/.test(value);
}
