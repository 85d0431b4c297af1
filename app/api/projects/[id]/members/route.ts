import { getDb } from "@/db";
import { addMember, listMembers } from "@/db/queries/members";
import { requireProjectAccess } from "@/db/queries/projects";
import { findUserByEmail } from "@/db/queries/users";
import { json, readJson, withToken } from "@/lib/api";
import { ApiError, conflict, forbidden, parseWith } from "@/lib/api-error";
import { addMemberSchema } from "@/lib/schemas/projects";

export const GET = withToken<{ id: string }>(async (_request, { auth, params }) => {
  const db = await getDb();
  const { project } = await requireProjectAccess(db, { userId: auth.userId, project: params.id });
  return json({ items: await listMembers(db, { projectId: project.id }) });
});

export const POST = withToken<{ id: string }>(async (request, { auth, params }) => {
  const db = await getDb();
  const { project, role } = await requireProjectAccess(db, {
    userId: auth.userId,
    project: params.id,
  });
  // Checked before the email is looked up, so members cannot probe who has an account.
  if (role !== "owner") throw forbidden("Only project owners can add members.");
  const { email } = parseWith(addMemberSchema, await readJson(request, 16 * 1024));
  const user = await findUserByEmail(db, email);
  if (!user) throw new ApiError(404, "not_found", "No user with that email.");
  const member = await addMember(db, { projectId: project.id, userId: user.id });
  if (!member) throw conflict("That user is already a member of this project.");
  return json(member, 201);
});
