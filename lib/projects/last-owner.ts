import type { MemberRole } from "@/db/queries/projects";

/** Why the last owner's Leave (or Remove) is refused: said before they try, and by the 409. */
export const LAST_OWNER_MESSAGE = "A project needs an owner: its last owner cannot be removed.";

export const LAST_OWNER_CANNOT_LEAVE =
  "You are this project's only owner, so you cannot leave it: a project always keeps an owner.";

/** Whether `userId` is the one owner among `members`: removing them would leave no owner. */
export function isLastOwner(
  members: readonly { userId: number; role: MemberRole }[],
  userId: number,
): boolean {
  const owners = members.filter((member) => member.role === "owner");
  return owners.length === 1 && owners[0]?.userId === userId;
}
