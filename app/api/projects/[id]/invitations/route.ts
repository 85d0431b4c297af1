import { apiLocale, json, readJson, withToken } from "@/lib/api";
import { getDb } from "@/lib/db";
import { inviteToProject, listInvitationsOfProject } from "@/lib/projects/invitations";
import { publicBaseUrl } from "@/lib/public-url";

/** Pending invitations of the project (owners). */
export const GET = withToken<{ id: string }>(async (_request, { auth, params }) => {
  const items = await listInvitationsOfProject(await getDb(), {
    userId: auth.userId,
    project: params.id,
  });
  return json({ items });
});

/** Invites by email (owners); the same answer whether or not the address has an account. */
export const POST = withToken<{ id: string }>(async (request, { auth, params }) => {
  const result = await inviteToProject(await getDb(), {
    userId: auth.userId,
    project: params.id,
    readBody: () => readJson(request, 16 * 1024),
    baseUrl: publicBaseUrl(request),
    locale: apiLocale(request),
  });
  return json(result, 202);
});
