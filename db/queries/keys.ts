import { and, desc, eq, isNull, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { apiTokens, users } from "../schema";
import { revokeTokens } from "./tokens";

export interface IngestKeySummary {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdBy: { id: number; name: string };
}

/** A project's ingest keys, revoked ones included, newest first; never the hash. */
export function listIngestKeys(
  db: DbOrTx,
  input: { projectId: number },
): Promise<IngestKeySummary[]> {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
      createdBy: { id: users.id, name: users.name },
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.projectId, input.projectId), eq(apiTokens.kind, "ingest")))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}

/** An active (not revoked) ingest key of the project, with who created it. */
export async function findActiveIngestKey(
  db: DbOrTx,
  input: { projectId: number; keyId: string },
): Promise<{ id: string; userId: number } | null> {
  const [row] = await db
    .select({ id: apiTokens.id, userId: apiTokens.userId })
    .from(apiTokens)
    .where(
      and(
        eq(apiTokens.id, input.keyId),
        eq(apiTokens.projectId, input.projectId),
        eq(apiTokens.kind, "ingest"),
        isNull(apiTokens.revokedAt),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Revokes every active ingest key a user holds for a project, e.g. when they leave it. */
export function revokeIngestKeysOfMember(
  db: DbOrTx,
  input: { projectId: number; userId: number },
): Promise<number> {
  const where = and(
    eq(apiTokens.projectId, input.projectId),
    eq(apiTokens.userId, input.userId),
    eq(apiTokens.kind, "ingest"),
  ) as SQL;
  return revokeTokens(db, where);
}
