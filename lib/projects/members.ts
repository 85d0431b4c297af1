import type { Db } from "@/db/client";
import { removeMember as deleteMembership } from "@/db/queries/members";
import { conflict, forbidden, notFound } from "@/lib/domain-errors";
import { message } from "@/lib/i18n/server-messages";
import { parseIntegerId } from "@/lib/ids";
import { requireProjectAccess } from "@/lib/projects/access";

/**
 * Removes a member from a project. Owners remove anyone; a member may remove only themself
 * (leave); never the last owner. Returns the removed user's id.
 */
export async function removeMember(
  db: Db,
  input: { userId: number; project: string | number; memberId: string },
): Promise<{ removedUserId: number }> {
  const { project, role } = await requireProjectAccess(db, input);
  const memberId = parseIntegerId(input.memberId);
  if (memberId === null) throw notFound("member");
  if (role !== "owner" && memberId !== input.userId) {
    throw forbidden(message("ServerProjects.ownersRemove"));
  }
  const result = await deleteMembership(db, { projectId: project.id, userId: memberId });
  if (result === "not_member") throw notFound("member");
  if (result === "last_owner") {
    throw conflict(message("ServerProjects.lastOwner"));
  }
  return { removedUserId: memberId };
}
