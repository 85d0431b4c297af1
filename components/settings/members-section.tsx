import type { ProjectInvitationSummary } from "@/db/queries/invitations";
import type { ProjectMemberSummary } from "@/db/queries/members";
import type { MemberRole } from "@/db/queries/projects";
import {
  isLastOwner,
  LAST_OWNER_CANNOT_LEAVE,
  LAST_OWNER_MESSAGE,
} from "@/lib/projects/last-owner";
import { InviteMemberForm, RemoveMemberButton, RevokeInvitationButton } from "./member-forms";
import { Badge, Facts, SettingsSection, When } from "./section";
import { listClass } from "./styles";

export function MembersSection({
  project,
  role,
  userId,
  members,
  invitations,
  now,
}: {
  project: { id: number; name: string };
  role: MemberRole;
  userId: number;
  members: ProjectMemberSummary[];
  /** Pending invitations: given to owners only. */
  invitations: ProjectInvitationSummary[];
  now: number;
}) {
  return (
    <SettingsSection
      id="members"
      title="Members"
      description={
        role === "owner"
          ? "Members see and triage the project's errors. As an owner you invite people by email (they join when they accept) and remove members; a project always keeps at least one owner."
          : "Members see and triage the project's errors. Owners invite and remove members; you can leave the project."
      }
    >
      <ul className={listClass} aria-label={`Members of ${project.name}`}>
        {members.map((member) => {
          const self = member.userId === userId;
          return (
            <li
              key={member.userId}
              className="flex flex-col items-start gap-2 p-3 sm:flex-row sm:justify-between"
            >
              <div className="min-w-0">
                <p className="flex flex-wrap items-center gap-2">
                  <span className="font-medium wrap-anywhere">
                    {member.name}
                    {self ? <span className="font-normal text-zinc-500"> (you)</span> : null}
                  </span>
                  <Badge tone={member.role === "owner" ? "indigo" : "zinc"}>
                    {member.role === "owner" ? "Owner" : "Member"}
                  </Badge>
                </p>
                <Facts>
                  <span className="wrap-anywhere">{member.email}</span>
                  <span>
                    joined <When date={member.createdAt} now={now} />
                  </span>
                </Facts>
              </div>
              {role === "owner" || self ? (
                <RemoveMemberButton
                  projectId={project.id}
                  projectName={project.name}
                  member={member}
                  self={self}
                  blockedReason={
                    isLastOwner(members, member.userId)
                      ? self
                        ? LAST_OWNER_CANNOT_LEAVE
                        : LAST_OWNER_MESSAGE
                      : undefined
                  }
                />
              ) : null}
            </li>
          );
        })}
      </ul>
      {role === "owner" && invitations.length > 0 ? (
        <div className="space-y-2">
          <h3 className="text-sm font-medium text-zinc-700 dark:text-zinc-300">
            Pending invitations
          </h3>
          <ul className={listClass} aria-label={`Pending invitations to ${project.name}`}>
            {invitations.map((invitation) => (
              <li
                key={invitation.id}
                className="flex flex-col items-start gap-2 p-3 sm:flex-row sm:justify-between"
              >
                <div className="min-w-0">
                  <p className="flex flex-wrap items-center gap-2">
                    <span className="font-medium wrap-anywhere">{invitation.email}</span>
                    <Badge tone="zinc">Invited</Badge>
                  </p>
                  <Facts>
                    <span>
                      sent <When date={invitation.createdAt} now={now} />
                      {invitation.invitedBy ? ` by ${invitation.invitedBy.name}` : ""}
                    </span>
                    <span>expires {formatDay(invitation.expiresAt)}</span>
                  </Facts>
                </div>
                <RevokeInvitationButton
                  projectId={project.id}
                  invitation={{ id: invitation.id, email: invitation.email }}
                />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {role === "owner" ? <InviteMemberForm key={project.id} projectId={project.id} /> : null}
    </SettingsSection>
  );
}

/** "Jun 3, 2026": an expiry a few days ahead, in UTC as the server renders it. */
export function formatDay(date: Date): string {
  return date.toLocaleDateString("en", {
    year: "numeric",
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  });
}
