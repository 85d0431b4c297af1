import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { AlertsLinkSection } from "@/components/alerts/alerts-link-section";
import { AccountSection } from "@/components/settings/account-section";
import { FocusHashTarget } from "@/components/settings/focus-hash-target";
import { IngestKeysSection } from "@/components/settings/ingest-keys-section";
import { InvitationsSection } from "@/components/settings/invitations-section";
import { MembersSection } from "@/components/settings/members-section";
import { ProfileNameForm } from "@/components/settings/profile-form";
import { ProjectSelect } from "@/components/settings/project-select";
import { ProjectsSection } from "@/components/settings/projects-section";
import { Day, SettingsSection } from "@/components/settings/section";
import { TokensSection } from "@/components/settings/tokens-section";
import { listProjectInvitations } from "@/db/queries/invitations";
import { listIngestKeys } from "@/db/queries/keys";
import { findLastProjectId, rememberLastProject } from "@/db/queries/last-project";
import { listMembers } from "@/db/queries/members";
import { listProjectsForUser } from "@/db/queries/projects";
import { listPersonalTokens } from "@/db/queries/tokens";
import { findUserById } from "@/db/queries/users";
import { listAlertRules } from "@/lib/alerts/rules";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { PASSWORD_MIN_LENGTH } from "@/lib/password";
import { listMyInvitations } from "@/lib/projects/invitations";
import { pickSettingsProject } from "@/lib/projects/settings-project";
import { requestBaseUrl } from "@/lib/request-base-url";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Settings"))("title") };
}

const searchSchema = z.object({
  project: z.string().trim().max(100).optional().catch(undefined),
});

const SECTIONS = [
  "profile",
  "invitations",
  "projects",
  "keys",
  "members",
  "alerts",
  "tokens",
  "security",
] as const;

export default async function SettingsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // The layout redirects too, but a page renders in parallel with its layout.
  const userId = (await requireUser()).id;
  const { project: wanted } = searchSchema.parse(await searchParams);

  const db = await getDb();
  const [user, projects, tokens, baseUrl, lastProjectId, myInvitations] = await Promise.all([
    findUserById(db, userId),
    listProjectsForUser(db, userId),
    listPersonalTokens(db, userId),
    requestBaseUrl(),
    findLastProjectId(db, userId),
    listMyInvitations(db, { userId }),
  ]);
  if (!user) return null; // The layout explains that the account is gone.

  // Only the caller's own projects can be picked: an unknown slug or id shows the default one,
  // their last used project, else their own first project.
  const match = wanted
    ? projects.find((p) => p.slug === wanted.toLowerCase() || String(p.id) === wanted)
    : undefined;
  const selected = match ?? pickSettingsProject(projects, lastProjectId);
  const [keys, members, invitations, alerts] = selected
    ? await Promise.all([
        listIngestKeys(db, { projectId: selected.id }),
        listMembers(db, { projectId: selected.id }),
        selected.role === "owner" ? listProjectInvitations(db, { projectId: selected.id }) : [],
        listAlertRules(db, { userId, project: selected.id }),
        match ? rememberLastProject(db, { userId, projectId: match.id }) : null,
      ])
    : [[], [], [], null];
  const now = Date.now();
  const t = await getTranslations("Settings");

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t("intro")}</p>
      </div>
      <div className="lg:grid lg:grid-cols-[11rem_minmax(0,1fr)] lg:gap-8">
        <nav aria-label={t("sectionsNav")} className="hidden lg:block">
          <ul className="sticky top-20 space-y-1 text-sm">
            {SECTIONS.filter((s) => s !== "invitations" || myInvitations.length > 0).map(
              (section) => (
                <li key={section}>
                  <a
                    href={`#${section}`}
                    className="block rounded-lg px-2.5 py-1.5 text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-white"
                  >
                    {t(`sections.${section}`)}
                  </a>
                </li>
              ),
            )}
          </ul>
        </nav>
        <div className="min-w-0 max-w-4xl space-y-6">
          <SettingsSection id="profile" title={t("sections.profile")}>
            <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[auto_1fr]">
              <dt className="font-medium text-zinc-700 dark:text-zinc-300">{t("email")}</dt>
              <dd className="min-w-0 wrap-anywhere text-zinc-900 dark:text-zinc-100">
                {user.email}
                <span className="block text-xs text-zinc-500 dark:text-zinc-400">
                  {t("emailHint")}
                </span>
              </dd>
              <dt className="font-medium text-zinc-700 dark:text-zinc-300">{t("memberSince")}</dt>
              <dd>
                <Day date={user.createdAt} />
              </dd>
            </dl>
            <ProfileNameForm name={user.name} />
          </SettingsSection>

          <InvitationsSection invitations={myInvitations} now={now} />

          <ProjectsSection projects={projects} selectedId={selected?.id ?? null} now={now} />

          {selected ? (
            <div id="project" className="scroll-mt-20 space-y-6">
              <div className="flex flex-col gap-3 rounded-xl border border-indigo-200 bg-indigo-50/60 p-4 sm:flex-row sm:items-center sm:justify-between dark:border-indigo-900 dark:bg-indigo-950/30">
                <div className="min-w-0">
                  <h2 className="text-base font-semibold wrap-anywhere">{selected.name}</h2>
                  <p className="text-sm text-zinc-600 dark:text-zinc-400">
                    {selected.role === "owner" ? t("projectIntroOwner") : t("projectIntroMember")}
                  </p>
                </div>
                {projects.length > 1 ? (
                  <ProjectSelect
                    current={selected.slug}
                    projects={projects.map(({ slug, name }) => ({ slug, name }))}
                  />
                ) : null}
              </div>
              {wanted && !match ? (
                <p
                  role="alert"
                  className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-100"
                >
                  {t("unknownProject", { wanted, name: selected.name })}
                </p>
              ) : null}
              <IngestKeysSection
                project={{ id: selected.id, name: selected.name }}
                role={selected.role}
                userId={userId}
                keys={keys}
                baseUrl={baseUrl}
                now={now}
              />
              <MembersSection
                project={{ id: selected.id, name: selected.name }}
                role={selected.role}
                userId={userId}
                members={members}
                invitations={invitations}
                now={now}
              />
              {alerts ? (
                <AlertsLinkSection
                  project={{ slug: selected.slug, name: selected.name }}
                  role={selected.role}
                  rules={alerts.items}
                />
              ) : null}
            </div>
          ) : (
            <p className="rounded-lg border border-dashed border-zinc-300 p-4 text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
              {t("noProject")}
            </p>
          )}

          <TokensSection tokens={tokens} now={now} />

          <AccountSection minPasswordLength={PASSWORD_MIN_LENGTH} />
        </div>
        <FocusHashTarget />
      </div>
    </div>
  );
}
