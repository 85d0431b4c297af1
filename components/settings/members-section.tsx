import { useTranslations } from "next-intl";
import type { ProjectInvitationSummary } from "@/db/queries/invitations";
import type { ProjectMemberSummary } from "@/db/queries/members";
import type { MemberRole } from "@/db/queries/projects";
import { INVITATION_LIFETIME_MS } from "@/lib/projects/invitations";
import { isLastOwner } from "@/lib/projects/last-owner";
import { InviteMemberForm, RemoveMemberButton, RevokeInvitationButton } from "./member-forms";
import { Badge, Day, Facts, SettingsSection, When } from "./section";
import { listClass } from "./styles";

const INVITATION_DAYS = Math.round(INVITATION_LIFETIME_MS / (24 * 60 * 60 * 1000));

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
  const t = useTranslations("Members");
  // The same sentence as the 409 the rule answers when the last owner is removed anyway.
  const refusals = useTranslations("ServerProjects");
  return (
    <SettingsSection
      id="members"
      title={t("title")}
      description={role === "owner" ? t("descriptionOwner") : t("descriptionMember")}
    >
      <ul className={listClass} aria-label={t("listLabel", { project: project.name })}>
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
                    {self ? <span className="font-normal text-zinc-500"> {t("you")}</span> : null}
                  </span>
                  <Badge tone={member.role === "owner" ? "indigo" : "zinc"}>
                    {member.role === "owner" ? t("owner") : t("member")}
                  </Badge>
                </p>
                <Facts>
                  <span className="wrap-anywhere">{member.email}</span>
                  <span>
                    {t.rich("joined", {
                      when: () => <When date={member.createdAt} now={now} />,
                    })}
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
                        ? t("lastOwnerCannotLeave")
                        : refusals("lastOwner")
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
            {t("pendingTitle")}
          </h3>
          <ul className={listClass} aria-label={t("pendingLabel", { project: project.name })}>
            {invitations.map((invitation) => {
              const when = () => <When date={invitation.createdAt} now={now} />;
              return (
                <li
                  key={invitation.id}
                  className="flex flex-col items-start gap-2 p-3 sm:flex-row sm:justify-between"
                >
                  <div className="min-w-0">
                    <p className="flex flex-wrap items-center gap-2">
                      <span className="font-medium wrap-anywhere">{invitation.email}</span>
                      <Badge tone="zinc">{t("invited")}</Badge>
                    </p>
                    <Facts>
                      <span>
                        {invitation.invitedBy
                          ? t.rich("sentBy", { when, name: invitation.invitedBy.name })
                          : t.rich("sent", { when })}
                      </span>
                      <span>
                        {t.rich("expires", { day: () => <Day date={invitation.expiresAt} /> })}
                      </span>
                    </Facts>
                  </div>
                  <RevokeInvitationButton
                    projectId={project.id}
                    invitation={{ id: invitation.id, email: invitation.email }}
                  />
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
      {role === "owner" ? (
        <InviteMemberForm key={project.id} projectId={project.id} expiresInDays={INVITATION_DAYS} />
      ) : null}
    </SettingsSection>
  );
}
