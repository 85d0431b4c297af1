"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import {
  acceptInvitationAction,
  declineInvitationAction,
  type FormState,
} from "@/app/(dashboard)/settings/actions";
import { Button } from "@/components/ui/button";

/**
 * Accept and Decline for one invitation. Accepting leads to the project in Settings; an
 * invitation revoked or expired meanwhile says so here (the actions word it).
 */
export function InvitationResponse({
  invitationId,
  projectName,
  from,
}: {
  invitationId: string;
  projectName: string;
  /** "link" when shown on the emailed link's page: declining then goes back to Settings. */
  from?: "link";
}) {
  const t = useTranslations("InvitationResponse");
  const [accepted, accept, accepting] = useActionState<FormState, FormData>(
    acceptInvitationAction,
    {},
  );
  const [declined, decline, declining] = useActionState<FormState, FormData>(
    declineInvitationAction,
    {},
  );
  const error =
    (accepted.status === "error" && accepted.error) ||
    (declined.status === "error" && declined.error) ||
    null;
  const busy = accepting || declining;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <form action={accept}>
          <input type="hidden" name="invitationId" value={invitationId} />
          <Button
            type="submit"
            disabled={busy}
            aria-label={t("acceptLabel", { project: projectName })}
          >
            {accepting ? t("joining") : t("accept")}
          </Button>
        </form>
        <form action={decline}>
          <input type="hidden" name="invitationId" value={invitationId} />
          {from ? <input type="hidden" name="from" value={from} /> : null}
          <Button
            type="submit"
            variant="secondary"
            disabled={busy}
            aria-label={t("declineLabel", { project: projectName })}
          >
            {declining ? t("declining") : t("decline")}
          </Button>
        </form>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}
