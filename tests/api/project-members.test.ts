import { describe, expect, it } from "vitest";
import {
  acceptedInvitationSchema,
  invitationReceiptSchema,
  memberListSchema,
  memberSchema,
} from "@/lib/schemas/projects";
import { addMember, api, signUp, uniqueEmail } from "../support/api";

const membersPath = (project: number | string) => `/api/projects/${project}/members`;

describe("project members", () => {
  it("lists members; an invited user joins only by accepting, ignoring the address's case", async () => {
    const owner = await signUp({ name: "Owner" });
    const invitee = await signUp({ name: "Invitee" });
    const listed = await api(membersPath(owner.project.id), { token: owner.token });
    expect(listed.status).toBe(200);
    expect(memberListSchema.parse(listed.body).items).toEqual([
      {
        userId: owner.userId,
        name: "Owner",
        email: owner.email,
        role: "owner",
        createdAt: expect.any(String),
      },
    ]);

    const invited = await api(membersPath(owner.project.slug), {
      token: owner.token,
      json: { email: `  ${invitee.email.toUpperCase()} ` },
    });
    expect(invited.status).toBe(202);
    const receipt = invitationReceiptSchema.parse(invited.body);
    expect(receipt.invitation.email).toBe(invitee.email);
    expect(invited.text).not.toMatch(/password|hash|token|Invitee/i);

    // Not a member yet: the project is neither listed nor readable for them.
    const before = await api("/api/projects", { token: invitee.token });
    expect(before.body.items.map((p: { id: number }) => p.id)).not.toContain(owner.project.id);
    expect((await api(`/api/projects/${owner.project.id}`, { token: invitee.token })).status).toBe(
      404,
    );
    expect(
      (await api(membersPath(owner.project.id), { token: owner.token })).body.items,
    ).toHaveLength(1);

    const accepted = await api(`/api/invitations/${receipt.invitation.id}/accept`, {
      method: "POST",
      token: invitee.token,
    });
    expect(accepted.status).toBe(200);
    expect(acceptedInvitationSchema.parse(accepted.body).project).toMatchObject({
      id: owner.project.id,
      role: "member",
    });

    // The new member sees the project, with their role, in their list and by id.
    const theirs = await api("/api/projects", { token: invitee.token });
    expect(theirs.body.items).toContainEqual(
      expect.objectContaining({ id: owner.project.id, role: "member" }),
    );
    const members = await api(membersPath(owner.project.id), { token: invitee.token });
    expect(members.status).toBe(200);
    expect(members.body.items.map((m: { userId: number }) => m.userId)).toEqual([
      owner.userId,
      invitee.userId,
    ]);
    expect(memberSchema.parse(members.body.items[1])).toMatchObject({
      name: "Invitee",
      email: invitee.email,
      role: "member",
    });
  });

  it("answers alike for unknown, known, member and already-invited addresses; 422 for a malformed one", async () => {
    const owner = await signUp();
    const known = await signUp();
    const member = await signUp();
    await addMember(owner.token, owner.project.id, member);
    const invite = (email: string) =>
      api(membersPath(owner.project.id), { token: owner.token, json: { email } });
    // What is left of an answer once its id and dates are blanked.
    const shape = (res: { status: number; text: string }) =>
      `${res.status} ${res.text
        .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "<id>")
        .replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, "<date>")}`;

    const unknownEmail = uniqueEmail("nobody");
    const unknown = await invite(unknownEmail);
    const knownRes = await invite(known.email);
    const memberRes = await invite(member.email);
    const again = await invite(known.email);
    expect(unknown.status).toBe(202);
    expect(shape(knownRes)).toBe(shape(unknown).replace(unknownEmail, known.email));
    expect(shape(memberRes)).toBe(shape(unknown).replace(unknownEmail, member.email));
    expect(shape(again)).toBe(shape(knownRes));
    for (const res of [unknown, knownRes, memberRes, again]) {
      expect(Object.keys(res.body)).toEqual(["invitation", "emailSent"]);
      expect(res.headers.get("content-type")).toBe(unknown.headers.get("content-type"));
    }
    // Re-inviting renews the same invitation rather than adding one.
    expect(again.body.invitation.id).toBe(knownRes.body.invitation.id);
    expect(Date.parse(again.body.invitation.expiresAt)).toBeGreaterThanOrEqual(
      Date.parse(knownRes.body.invitation.expiresAt),
    );

    for (const email of ["not-an-email", "", 42, undefined]) {
      const res = await api(membersPath(owner.project.id), {
        token: owner.token,
        json: { email },
      });
      expect(res.status, String(email)).toBe(422);
      expect(res.body.error.issues.map((i: { path: string[] }) => i.path.join("."))).toEqual([
        "email",
      ]);
    }
    const malformed = await api(membersPath(owner.project.id), {
      token: owner.token,
      body: "{",
      headers: { "content-type": "application/json" },
    });
    expect(malformed.status).toBe(400);
  });

  it("lets only owners invite or remove others; a member may leave", async () => {
    const owner = await signUp();
    const member = await signUp();
    const third = await signUp();
    await addMember(owner.token, owner.project.id, member);

    const add = await api(membersPath(owner.project.id), {
      token: member.token,
      json: { email: third.email },
    });
    expect(add.status).toBe(403);
    // Refused before the email is looked up: an unknown one gets the same answer.
    const probe = await api(membersPath(owner.project.id), {
      token: member.token,
      json: { email: "nobody-here@example.test" },
    });
    expect(probe.status).toBe(403);

    const removeOwner = await api(`${membersPath(owner.project.id)}/${owner.userId}`, {
      method: "DELETE",
      token: member.token,
    });
    expect(removeOwner.status).toBe(403);

    const leave = await api(`${membersPath(owner.project.id)}/${member.userId}`, {
      method: "DELETE",
      token: member.token,
    });
    expect(leave.status).toBe(204);
    expect(leave.text).toBe("");
    const gone = await api(`/api/projects/${owner.project.id}`, { token: member.token });
    expect(gone.status).toBe(404);
    const list = await api(membersPath(owner.project.id), { token: owner.token });
    expect(list.body.items).toHaveLength(1);
  });

  it("removes a member and revokes the ingest keys they held for the project", async () => {
    const owner = await signUp();
    const member = await signUp();
    await addMember(owner.token, owner.project.id, member);
    const key = await api(`/api/projects/${owner.project.id}/keys`, {
      token: member.token,
      json: { name: "Member's key" },
    });
    expect(key.status).toBe(201);
    // Their personal token writes to the project while they are a member (ingest caches the
    // projects a token may write to), and not a moment after they are removed.
    const sendAsMember = () =>
      api("/api/events", {
        token: member.token,
        json: { title: "From a member", project: owner.project.slug },
      });
    expect((await sendAsMember()).status).toBe(201);

    const res = await api(`${membersPath(owner.project.id)}/${member.userId}`, {
      method: "DELETE",
      token: owner.token,
    });
    expect(res.status).toBe(204);
    expect((await sendAsMember()).status).toBe(404);
    expect((await api("/api/projects", { token: key.body.key })).status).toBe(401);
    // Their own project and its key are untouched.
    expect((await api("/api/projects", { token: member.project.ingestKey.key })).status).toBe(403);
    expect((await api(`/api/projects/${member.project.id}`, { token: member.token })).status).toBe(
      200,
    );

    const twice = await api(`${membersPath(owner.project.id)}/${member.userId}`, {
      method: "DELETE",
      token: owner.token,
    });
    expect(twice.status).toBe(404);
    expect(twice.body.error.message).toBe("Member not found.");
  });

  it("never removes the last owner (409)", async () => {
    const owner = await signUp();
    const member = await signUp();
    await addMember(owner.token, owner.project.id, member);
    const res = await api(`${membersPath(owner.project.id)}/${owner.userId}`, {
      method: "DELETE",
      token: owner.token,
    });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/last owner/);
    const list = await api(membersPath(owner.project.id), { token: owner.token });
    expect(list.body.items).toHaveLength(2);
  });

  it("answers 404 for a malformed or unknown user id", async () => {
    const owner = await signUp();
    const stranger = await signUp();
    for (const userId of ["abc", "0", "-1", "1.5", "99999999999", String(stranger.userId)]) {
      const res = await api(`${membersPath(owner.project.id)}/${userId}`, {
        method: "DELETE",
        token: owner.token,
      });
      expect(res.status, userId).toBe(404);
    }
  });
});
