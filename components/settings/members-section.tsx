import type { ProjectMemberSummary } from "@/db/queries/members";
import type { MemberRole } from "@/db/queries/projects";
import { AddMemberForm, RemoveMemberButton } from "./member-forms";
import { Badge, Facts, SettingsSection, When } from "./section";
import { listClass } from "./styles";

export function MembersSection({
  project,
  role,
  userId,
  members,
  now,
}: {
  project: { id: number; name: string };
  role: MemberRole;
  userId: number;
  members: ProjectMemberSummary[];
  now: number;
}) {
  return (
    <SettingsSection
      id="members"
      title="Members"
      description={
        role === "owner"
          ? "Members see and triage the project's errors. As an owner you add people by email and remove them; a project always keeps at least one owner."
          : "Members see and triage the project's errors. Owners add and remove members; you can leave the project."
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
                />
              ) : null}
            </li>
          );
        })}
      </ul>
      {role === "owner" ? <AddMemberForm key={project.id} projectId={project.id} /> : null}
    </SettingsSection>
  );
}
