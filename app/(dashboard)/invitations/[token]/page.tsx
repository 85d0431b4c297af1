import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { auth } from "@/auth";
import { InvitationResponse } from "@/components/settings/invitation-forms";
import { formatDay } from "@/components/settings/members-section";
import { getDb } from "@/lib/db";
import { openInvitationLink } from "@/lib/projects/invitations";

// The token is in the address: it must not leak to other sites through the Referer header.
export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer" };

const card =
  "mx-auto max-w-lg space-y-4 rounded-xl border border-zinc-200 bg-white p-5 shadow-xs sm:p-6 dark:border-zinc-800 dark:bg-zinc-900";
const link = "font-medium text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300";

/** The page an invitation email links to; signed-out visitors come back here after logging in. */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const session = await auth();
  const userId = Number(session?.user?.id);
  if (!Number.isInteger(userId) || userId <= 0) {
    redirect(`/login?callbackUrl=${encodeURIComponent(`/invitations/${token}`)}`);
  }
  const found = await openInvitationLink(await getDb(), { userId, token });

  if (found.status === "invalid") {
    return (
      <section className={card} aria-labelledby="invitation-heading">
        <h1 id="invitation-heading" className="text-xl font-semibold">
          Invitation not valid
        </h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          This invitation link does not work: it has expired, was revoked, or was already accepted
          or declined. Ask the project's owner to invite you again.
        </p>
        <p className="text-sm">
          <Link href="/settings" className={link}>
            Go to Settings
          </Link>
        </p>
      </section>
    );
  }

  if (found.status === "other_account") {
    return (
      <section className={card} aria-labelledby="invitation-heading">
        <h1 id="invitation-heading" className="text-xl font-semibold">
          This invitation is for another account
        </h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          It was sent to a different email address than the one you are signed in with (
          <span className="wrap-anywhere">{found.email}</span>). Log out, then log in or sign up
          with the address the invitation was sent to, and open the link again.
        </p>
      </section>
    );
  }

  const { invitation } = found;
  return (
    <section className={card} aria-labelledby="invitation-heading">
      <p className="text-sm font-medium text-indigo-700 dark:text-indigo-300">Invitation</p>
      <h1 id="invitation-heading" className="text-xl font-semibold wrap-anywhere">
        Join {invitation.project.name}
      </h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {invitation.invitedBy ? `${invitation.invitedBy.name} invited you` : "You were invited"} to
        the project <strong className="wrap-anywhere">{invitation.project.name}</strong> as a
        member: you will see and triage its errors. The invitation was sent to{" "}
        <span className="wrap-anywhere">{invitation.email}</span> and expires{" "}
        {formatDay(invitation.expiresAt)}.
      </p>
      <InvitationResponse
        invitationId={invitation.id}
        projectName={invitation.project.name}
        from="link"
      />
    </section>
  );
}
