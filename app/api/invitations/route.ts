import { json, withToken } from "@/lib/api";
import { getDb } from "@/lib/db";
import { listMyInvitations } from "@/lib/projects/invitations";

/** Pending invitations sent to the caller's email address. */
export const GET = withToken(async (_request, { auth }) => {
  return json({ items: await listMyInvitations(await getDb(), { userId: auth.userId }) });
});
