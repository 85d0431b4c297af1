import { findActiveIngestKey, revokeIngestKey } from "@/db/queries/keys";
import { withToken } from "@/lib/api";
import { getDb } from "@/lib/db";
import { forbidden, notFound } from "@/lib/domain-errors";
import { isUuid } from "@/lib/ids";
import { requireProjectAccess } from "@/lib/projects/access";

/** Owners revoke any key of the project; members only the keys they created. */
export const DELETE = withToken<{ id: string; keyId: string }>(
  async (_request, { auth, params }) => {
    const db = await getDb();
    const { project, role } = await requireProjectAccess(db, {
      userId: auth.userId,
      project: params.id,
    });
    if (!isUuid(params.keyId)) throw notFound("Ingest key");
    const key = await findActiveIngestKey(db, { projectId: project.id, keyId: params.keyId });
    if (!key) throw notFound("Ingest key");
    if (role !== "owner" && key.userId !== auth.userId) {
      throw forbidden("Only project owners can revoke another member's ingest key.");
    }
    const revoked = await revokeIngestKey(db, { projectId: project.id, keyId: key.id });
    if (!revoked) throw notFound("Ingest key");
    return new Response(null, { status: 204 });
  },
);
