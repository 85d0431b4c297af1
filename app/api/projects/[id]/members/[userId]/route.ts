import { removeMember } from "@/db/queries/members";
import { withToken } from "@/lib/api";
import { getDb } from "@/lib/db";
import { conflict, forbidden, notFound } from "@/lib/domain-errors";
import { parseIntegerId } from "@/lib/ids";
import { requireProjectAccess } from "@/lib/projects/access";

/** Owners remove anyone; a member may remove only themself (leave the project). */
export const DELETE = withToken<{ id: string; userId: string }>(
  async (_request, { auth, params }) => {
    const db = await getDb();
    const { project, role } = await requireProjectAccess(db, {
      userId: auth.userId,
      project: params.id,
    });
    const userId = parseIntegerId(params.userId);
    if (userId === null) throw notFound("Member");
    if (role !== "owner" && userId !== auth.userId) {
      throw forbidden("Only project owners can remove other members.");
    }
    const result = await removeMember(db, { projectId: project.id, userId });
    if (result === "not_member") throw notFound("Member");
    if (result === "last_owner") {
      throw conflict("A project needs an owner: its last owner cannot be removed.");
    }
    return new Response(null, { status: 204 });
  },
);
