import { describe, expect, it } from "vitest";
import {
  invitationReceiptSchema,
  myInvitationListSchema,
  projectInvitationListSchema,
} from "@/lib/schemas/projects";
import { addMember, api, signUp, uniqueEmail } from "../support/api";

const invitationsPath = (project: number | string) => `/api/projects/${project}/invitations`;

async function invite(token: string, project: number | string, email: string) {
  const res = await api(invitationsPath(project), { token, json: { email } });
  expect(res.status, res.text).toBe(202);
  return invitationReceiptSchema.parse(res.body).invitation;
}

const accept = (token: string, id: string) =>
  api(`/api/invitations/${id}/accept`, { method: "POST", token });
const decline = (token: string, id: string) =>
  api(`/api/invitations/${id}/decline`, { method: "POST", token });
const projectIds = async (token: string) =>
  (await api("/api/projects", { token })).body.items.map((p: { id: number }) => p.id);

describe("project invitations", () => {
  it("shows owners the pending invitations and the invitee theirs; revoking ends one", async () => {
    const owner = await signUp({ name: "Inviting Owner" });
    const invitee = await signUp();
    const nobody = uniqueEmail("nobody");
    const first = await invite(owner.token, owner.project.id, invitee.email.toUpperCase());
    const second = await invite(owner.token, owner.project.slug, nobody);
    expect(first.email).toBe(invitee.email);

    const pending = await api(invitationsPath(owner.project.id), { token: owner.token });
    expect(pending.status).toBe(200);
    expect(projectInvitationListSchema.parse(pending.body).items).toEqual([
      expect.objectContaining({
        id: first.id,
        email: invitee.email,
        invitedBy: { id: owner.userId, name: "Inviting Owner" },
      }),
      expect.objectContaining({ id: second.id, email: nobody }),
    ]);

    const mine = await api("/api/invitations", { token: invitee.token });
    expect(mine.status).toBe(200);
    expect(myInvitationListSchema.parse(mine.body).items).toEqual([
      expect.objectContaining({
        id: first.id,
        email: invitee.email,
        project: { id: owner.project.id, name: owner.project.name },
        invitedBy: { id: owner.userId, name: "Inviting Owner" },
      }),
    ]);
    // The owner has no invitation of their own, and never sees the invitee's.
    expect((await api("/api/invitations", { token: owner.token })).body.items).toEqual([]);

    const revoked = await api(`${invitationsPath(owner.project.id)}/${first.id}`, {
      method: "DELETE",
      token: owner.token,
    });
    expect(revoked.status).toBe(204);
    expect((await api("/api/invitations", { token: invitee.token })).body.items).toEqual([]);
    expect((await accept(invitee.token, first.id)).status).toBe(404);
    expect(await projectIds(invitee.token)).not.toContain(owner.project.id);
    const again = await api(`${invitationsPath(owner.project.id)}/${first.id}`, {
      method: "DELETE",
      token: owner.token,
    });
    expect(again.status).toBe(404);
    expect(again.body.error.message).toBe("Invitation not found.");
  });

  it("leaves a user out when they decline", async () => {
    const owner = await signUp();
    const invitee = await signUp();
    const invitation = await invite(owner.token, owner.project.id, invitee.email);
    const declined = await decline(invitee.token, invitation.id);
    expect(declined.status).toBe(204);
    expect(declined.text).toBe("");
    expect(await projectIds(invitee.token)).not.toContain(owner.project.id);
    expect((await api(`/api/projects/${owner.project.id}`, { token: invitee.token })).status).toBe(
      404,
    );
    expect(
      (await api(invitationsPath(owner.project.id), { token: owner.token })).body.items,
    ).toEqual([]);
    expect((await accept(invitee.token, invitation.id)).status).toBe(404);
    expect((await decline(invitee.token, invitation.id)).status).toBe(404);
  });

  it("lets nobody but the invitee accept or decline (404), and an invitation is used once", async () => {
    const owner = await signUp();
    const invitee = await signUp();
    const stranger = await signUp();
    const invitation = await invite(owner.token, owner.project.id, invitee.email);

    for (const token of [stranger.token, owner.token]) {
      const taken = await accept(token, invitation.id);
      expect(taken.status).toBe(404);
      expect(taken.body.error.message).toBe("Invitation not found.");
      expect((await decline(token, invitation.id)).status).toBe(404);
    }
    expect(await projectIds(stranger.token)).not.toContain(owner.project.id);

    // Still there for its invitee, and accepted once only.
    expect((await accept(invitee.token, invitation.id)).status).toBe(200);
    expect((await accept(invitee.token, invitation.id)).status).toBe(404);
    expect(await projectIds(invitee.token)).toContain(owner.project.id);

    for (const id of ["nope", "00000000-0000-0000-0000-000000000000", "1"]) {
      expect((await accept(invitee.token, id)).status, id).toBe(404);
      expect((await decline(invitee.token, id)).status, id).toBe(404);
    }
  });

  it("lets only owners invite, list and revoke; a member learns nothing about addresses", async () => {
    const owner = await signUp();
    const member = await signUp();
    const stranger = await signUp();
    await addMember(owner.token, owner.project.id, member);
    const invitation = await invite(owner.token, owner.project.id, uniqueEmail("pending"));

    for (const email of [stranger.email, uniqueEmail("nobody"), owner.email, "not-an-email"]) {
      const res = await api(invitationsPath(owner.project.id), {
        token: member.token,
        json: { email },
      });
      expect(res.status, email).toBe(403);
      expect(res.body.error.message).toBe("Only project owners can invite members.");
    }
    const list = await api(invitationsPath(owner.project.id), { token: member.token });
    expect(list.status).toBe(403);
    for (const id of [invitation.id, "00000000-0000-0000-0000-000000000000"]) {
      const revoke = await api(`${invitationsPath(owner.project.id)}/${id}`, {
        method: "DELETE",
        token: member.token,
      });
      expect(revoke.status).toBe(403);
    }
    // Outsiders get the project's 404, as for every other project route.
    expect(
      (
        await api(invitationsPath(owner.project.id), {
          token: stranger.token,
          json: { email: "a@b.co" },
        })
      ).status,
    ).toBe(404);
    expect((await api(invitationsPath(owner.project.id), { token: stranger.token })).status).toBe(
      404,
    );
    // An ingest key is not a user.
    expect(
      (await api(invitationsPath(owner.project.id), { token: owner.project.ingestKey.key })).status,
    ).toBe(403);
    expect((await api("/api/invitations")).status).toBe(401);

    // The owner's invitation is untouched.
    expect(
      (await api(invitationsPath(owner.project.id), { token: owner.token })).body.items.map(
        (i: { id: string }) => i.id,
      ),
    ).toEqual([invitation.id]);
  });

  it("says no email was sent when SMTP is not configured", async () => {
    const owner = await signUp();
    const res = await api(invitationsPath(owner.project.id), {
      token: owner.token,
      json: { email: uniqueEmail() },
    });
    expect(res.status).toBe(202);
    expect(res.body.emailSent).toBe(false);
  });
});
