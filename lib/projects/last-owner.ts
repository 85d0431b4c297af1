import type { MemberRole } from "@/db/queries/projects";

/**
 * Whether `userId` is the one owner among `members`: removing them would leave no owner. The
 * members section says so before anyone tries (and disables the button); removeMember refuses
 * it with a 409 (ServerProjects.lastOwner).
 */
export function isLastOwner(
  members: readonly { userId: number; role: MemberRole }[],
  userId: number,
): boolean {
  const owners = members.filter((member) => member.role === "owner");
  return owners.length === 1 && owners[0]?.userId === userId;
}
