import { and, desc, eq, gt, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { noteIngestConfigChange } from "../ingest-config";
import { apiTokens, users } from "../schema";
import { generateToken, hashToken, type TokenKind, tokenPrefix } from "../token-secrets";

export interface CreatedToken {
  id: string;
  name: string;
  kind: TokenKind;
  projectId: number | null;
  prefix: string;
  createdAt: Date;
  /** When it stops working; null never (ingest keys always). */
  expiresAt: Date | null;
  /** The only time the token is seen in clear. */
  token: string;
}

export async function createToken(
  db: DbOrTx,
  input: {
    userId: number;
    name: string;
    kind: TokenKind;
    projectId?: number | null;
    /** Personal tokens only: it lives this many days; absent, forever. */
    expiresInDays?: number | null;
  },
): Promise<CreatedToken> {
  const days = input.kind === "personal" ? (input.expiresInDays ?? null) : null;
  const token = generateToken(input.kind);
  const [row] = await db
    .insert(apiTokens)
    .values({
      userId: input.userId,
      name: input.name,
      kind: input.kind,
      projectId: input.kind === "ingest" ? (input.projectId ?? null) : null,
      tokenHash: hashToken(token),
      prefix: tokenPrefix(token),
      expiresAt: days === null ? null : sql`now() + make_interval(days => ${days})`,
    })
    .returning({
      id: apiTokens.id,
      name: apiTokens.name,
      kind: apiTokens.kind,
      projectId: apiTokens.projectId,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      expiresAt: apiTokens.expiresAt,
    });
  if (!row) throw new Error("token insert returned no row");
  return { ...row, token };
}

export interface TokenIdentity {
  tokenId: string;
  tokenName: string;
  kind: TokenKind;
  projectId: number | null;
  userId: number;
  userName: string;
  userEmail: string;
}

/** Looks a clear-text token up by its hash; revoked and expired tokens are not found. */
export async function findActiveToken(db: DbOrTx, token: string): Promise<TokenIdentity | null> {
  const [row] = await db
    .select({
      tokenId: apiTokens.id,
      tokenName: apiTokens.name,
      kind: apiTokens.kind,
      projectId: apiTokens.projectId,
      userId: users.id,
      userName: users.name,
      userEmail: users.email,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, hashToken(token)),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql`now()`)),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Records use at most once a minute per token, so a busy key does not write on every request. */
export async function touchToken(db: DbOrTx, tokenId: string): Promise<void> {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(
      and(
        eq(apiTokens.id, tokenId),
        or(
          isNull(apiTokens.lastUsedAt),
          lt(apiTokens.lastUsedAt, sql`now() - interval '1 minute'`),
        ),
      ),
    );
}

export async function listPersonalTokens(db: DbOrTx, userId: number) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
      expiresAt: apiTokens.expiresAt,
    })
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), eq(apiTokens.kind, "personal")))
    .orderBy(desc(apiTokens.createdAt));
}

/**
 * Revokes the active tokens matching `where` and returns how many. Every revocation goes
 * through here, so the ingest key cache always hears of it.
 */
export async function revokeTokens(db: DbOrTx, where: SQL): Promise<number> {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(where, isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  if (rows.length > 0) noteIngestConfigChange();
  return rows.length;
}

/**
 * Revokes one active token of the given kind: a personal token of its user, or an ingest key
 * of its project. False when there is no such active token (already revoked, say).
 */
export async function revokeToken(
  db: DbOrTx,
  input:
    | { tokenId: string; kind: "personal"; userId: number }
    | { tokenId: string; kind: "ingest"; projectId: number },
): Promise<boolean> {
  const owner =
    input.kind === "personal"
      ? eq(apiTokens.userId, input.userId)
      : eq(apiTokens.projectId, input.projectId);
  const where = and(eq(apiTokens.id, input.tokenId), owner, eq(apiTokens.kind, input.kind)) as SQL;
  return (await revokeTokens(db, where)) > 0;
}
