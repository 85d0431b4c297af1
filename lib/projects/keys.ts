import type { Db } from "@/db/client";
import { findActiveIngestKey } from "@/db/queries/keys";
import { createToken, revokeToken } from "@/db/queries/tokens";
import { forbidden, notFound, parseWith } from "@/lib/domain-errors";
import { message } from "@/lib/i18n/server-messages";
import { isUuid } from "@/lib/ids";
import { requireProjectAccess } from "@/lib/projects/access";
import { createIngestKeySchema } from "@/lib/schemas/projects";

/**
 * Creates an ingest key from `{ name }`. Any member may; the key is theirs, so events it sends
 * are collected by them. The body is read only once the caller is known to be a member.
 */
export async function createIngestKey(
  db: Db,
  input: { userId: number; project: string | number; readBody: () => Promise<unknown> },
) {
  const { project } = await requireProjectAccess(db, input);
  const { name } = parseWith(createIngestKeySchema, await input.readBody());
  const key = await createToken(db, {
    userId: input.userId,
    name,
    kind: "ingest",
    projectId: project.id,
  });
  return { project, key };
}

/** Owners revoke any key of the project; members only the keys they created. */
export async function revokeIngestKey(
  db: Db,
  input: { userId: number; project: string | number; keyId: string },
): Promise<void> {
  const { project, role } = await requireProjectAccess(db, input);
  if (!isUuid(input.keyId)) throw notFound("ingestKey");
  const key = await findActiveIngestKey(db, { projectId: project.id, keyId: input.keyId });
  if (!key) throw notFound("ingestKey");
  if (role !== "owner" && key.userId !== input.userId) {
    throw forbidden(message("ServerProjects.ownersRevokeKey"));
  }
  const revoked = await revokeToken(db, {
    tokenId: key.id,
    kind: "ingest",
    projectId: project.id,
  });
  if (!revoked) throw notFound("ingestKey");
}
