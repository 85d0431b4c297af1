import { useTranslations } from "next-intl";
import type { MyInvitation } from "@/db/queries/invitations";
import { InvitationResponse } from "./invitation-forms";
import { Day, Facts, SettingsSection, When } from "./section";
import { listClass } from "./styles";

/** Invitations sent to the signed-in user's address; shown only when there are some. */
export function InvitationsSection({
  invitations,
  now,
}: {
  invitations: MyInvitation[];
  now: number;
}) {
  const t = useTranslations("MyInvitations");
  if (invitations.length === 0) return null;
  return (
    <SettingsSection id="invitations" title={t("title")} description={t("description")}>
      <ul className={listClass} aria-label={t("listLabel")}>
        {invitations.map((invitation) => {
          const when = () => <When date={invitation.createdAt} now={now} />;
          return (
            <li
              key={invitation.id}
              className="flex flex-col items-start gap-3 p-3 sm:flex-row sm:items-center sm:justify-between"
            >
              <div className="min-w-0">
                <p className="font-medium wrap-anywhere">{invitation.project.name}</p>
                <Facts>
                  <span>
                    {invitation.invitedBy
                      ? t.rich("from", { name: invitation.invitedBy.name, when })
                      : when()}
                  </span>
                  <span>
                    {t.rich("expires", { day: () => <Day date={invitation.expiresAt} /> })}
                  </span>
                </Facts>
              </div>
              <InvitationResponse
                invitationId={invitation.id}
                projectName={invitation.project.name}
              />
            </li>
          );
        })}
      </ul>
    </SettingsSection>
  );
}
