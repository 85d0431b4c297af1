import type { MyInvitation } from "@/db/queries/invitations";
import { InvitationResponse } from "./invitation-forms";
import { formatDay } from "./members-section";
import { Facts, SettingsSection, When } from "./section";
import { listClass } from "./styles";

/** Invitations sent to the signed-in user's address; shown only when there are some. */
export function InvitationsSection({
  invitations,
  now,
}: {
  invitations: MyInvitation[];
  now: number;
}) {
  if (invitations.length === 0) return null;
  return (
    <SettingsSection
      id="invitations"
      title="Invitations"
      description="Projects you were invited to. Accept to join as a member and see their errors; decline to dismiss the invitation."
    >
      <ul className={listClass} aria-label="Your invitations">
        {invitations.map((invitation) => (
          <li
            key={invitation.id}
            className="flex flex-col items-start gap-3 p-3 sm:flex-row sm:items-center sm:justify-between"
          >
            <div className="min-w-0">
              <p className="font-medium wrap-anywhere">{invitation.project.name}</p>
              <Facts>
                <span>
                  {invitation.invitedBy ? `from ${invitation.invitedBy.name}, ` : ""}
                  <When date={invitation.createdAt} now={now} />
                </span>
                <span>expires {formatDay(invitation.expiresAt)}</span>
              </Facts>
            </div>
            <InvitationResponse
              invitationId={invitation.id}
              projectName={invitation.project.name}
            />
          </li>
        ))}
      </ul>
    </SettingsSection>
  );
}
