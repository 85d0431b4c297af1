import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { auth } from "@/auth";
import { AreaMessages } from "@/components/i18n/area-messages";
import { InvitationResponse } from "@/components/settings/invitation-forms";
import { Day } from "@/components/settings/section";
import { getDb } from "@/lib/db";
import { openInvitationLink } from "@/lib/projects/invitations";

// The token is in the address: it must not leak to other sites through the Referer header.
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("InvitationPage"))("title"), referrer: "no-referrer" };
}

const card =
  "mx-auto max-w-lg space-y-4 rounded-xl border border-zinc-200 bg-white p-5 shadow-xs sm:p-6 dark:border-zinc-800 dark:bg-zinc-900";
const link = "font-medium text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300";
const address = (chunks: React.ReactNode) => <span className="wrap-anywhere">{chunks}</span>;

/** The page an invitation email links to; signed-out visitors come back here after logging in. */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const session = await auth();
  const userId = Number(session?.user?.id);
  if (!Number.isInteger(userId) || userId <= 0) {
    redirect(`/login?callbackUrl=${encodeURIComponent(`/invitations/${token}`)}`);
  }
  const found = await openInvitationLink(await getDb(), { userId, token });
  const t = await getTranslations("InvitationPage");

  if (found.status === "invalid") {
    return (
      <section className={card} aria-labelledby="invitation-heading">
        <h1 id="invitation-heading" className="text-xl font-semibold">
          {t("invalidTitle")}
        </h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("invalidText")}</p>
        <p className="text-sm">
          <Link href="/settings" className={link}>
            {t("goToSettings")}
          </Link>
        </p>
      </section>
    );
  }

  if (found.status === "other_account") {
    return (
      <section className={card} aria-labelledby="invitation-heading">
        <h1 id="invitation-heading" className="text-xl font-semibold">
          {t("otherAccountTitle")}
        </h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {t.rich("otherAccountText", { email: found.email, address })}
        </p>
      </section>
    );
  }

  const { invitation } = found;
  const values = {
    project: invitation.project.name,
    email: invitation.email,
    strong: (chunks: React.ReactNode) => <strong className="wrap-anywhere">{chunks}</strong>,
    address,
    day: () => <Day date={invitation.expiresAt} />,
  };
  return (
    <section className={card} aria-labelledby="invitation-heading">
      <p className="text-sm font-medium text-indigo-700 dark:text-indigo-300">{t("eyebrow")}</p>
      <h1 id="invitation-heading" className="text-xl font-semibold wrap-anywhere">
        {t("join", { project: invitation.project.name })}
      </h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {invitation.invitedBy
          ? t.rich("invitedBy", { ...values, inviter: invitation.invitedBy.name })
          : t.rich("invited", values)}
      </p>
      <AreaMessages area="invitation">
        <InvitationResponse
          invitationId={invitation.id}
          projectName={invitation.project.name}
          from="link"
        />
      </AreaMessages>
    </section>
  );
}
