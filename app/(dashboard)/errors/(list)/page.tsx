import type { Metadata } from "next";
import { useTranslations } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { ListProblem } from "@/components/errors/empty-states";
import { ErrorsListView } from "@/components/errors/errors-list-view";
import type { ListTotal } from "@/components/errors/pagination";
import { PREVIEW_LENGTH } from "@/components/errors/types";
import {
  countErrorsByEnvironment,
  countMatchingErrors,
  type EnvironmentCounts,
  hourlyCountsForErrors,
  listOriginsOfProject,
} from "@/db/queries/error-stats";
import { listMembers } from "@/db/queries/members";
import { listProjectsForUser } from "@/db/queries/projects";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { DomainError, NotFound } from "@/lib/domain-errors";
import { type ErrorListPage, listErrorPage } from "@/lib/errors/list";
import { type ListErrorsQuery, parseListErrorsQuery } from "@/lib/errors/list-query";
import { errorListHref, listStateFromQuery, toSearchParams } from "@/lib/errors/list-url";
import { chooseProjectForPage } from "@/lib/projects/access";
import { requestBaseUrl } from "@/lib/request-base-url";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ErrorsPage");
  return { title: t("metaTitle") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ErrorsPage({ searchParams }: { searchParams: SearchParams }) {
  // The layout redirects too, but a page renders in parallel with its layout.
  const userId = (await requireUser()).id;
  const t = await getTranslations("ErrorsPage");

  // The same parser as GET /api/errors: one set of rules for the URL of the list.
  let query: ListErrorsQuery;
  try {
    query = parseListErrorsQuery(toSearchParams(await searchParams));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return <Problem title={t("badLink")} message={error.localized(await getLocale()).message} />;
  }

  const db = await getDb();
  const [projects, access] = await Promise.all([
    listProjectsForUser(db, userId),
    chooseProjectForPage(db, { userId, project: query.project ?? undefined }).catch(
      (error: unknown) => {
        if (error instanceof NotFound) return null;
        throw error;
      },
    ),
  ]);
  if (!access) {
    return <Problem title={t("projectNotFound")} message={t("projectNotFoundMessage")} />;
  }

  const state = listStateFromQuery(query);
  const projectId = access.project.id;
  let page: ErrorListPage;
  try {
    page = await listErrorPage(db, { projectId, userId, query });
  } catch (error) {
    // Only a cursor can fail here (decoded when the query runs): it was edited or is stale.
    if (!(error instanceof DomainError)) throw error;
    return (
      <Problem
        title={t("pageUnavailable")}
        message={error.localized(await getLocale()).message}
        resetHref={errorListHref(state, { cursor: null })}
      />
    );
  }

  const now = new Date();
  const [counts, origins, members, hourly] = await Promise.all([
    countErrorsByEnvironment(db, { projectId, userId, query }),
    listOriginsOfProject(db, projectId),
    listMembers(db, { projectId }),
    hourlyCountsForErrors(
      db,
      page.items.map((item) => item.id),
      now,
    ),
  ]);
  const projectTotal = Object.values(counts).reduce((sum, count) => sum + count.total, 0);
  const total =
    listTotalFromTabs(query, counts) ??
    (await countMatchingErrors(db, { projectId, userId, query, cap: COUNT_CAP }));

  return (
    <ErrorsListView
      state={state}
      project={{ slug: access.project.slug, name: access.project.name }}
      projects={projects.map(({ slug, name }) => ({ slug, name }))}
      counts={counts}
      origins={origins}
      members={members.map((member) => ({ id: member.userId, name: member.name }))}
      currentUserId={userId}
      page={{
        nextCursor: page.nextCursor,
        prevCursor: page.prevCursor,
        offset: page.offset,
        limit: query.limit,
        total,
      }}
      serverNow={now.getTime()}
      baseUrl={projectTotal === 0 ? await requestBaseUrl() : null}
      rows={page.items.map((item) => ({
        id: item.id,
        title: item.title,
        detailsPreview: item.detailsPreview.slice(0, PREVIEW_LENGTH),
        level: item.level,
        origin: item.origin,
        environment: item.environment,
        status: item.status,
        substatus: item.substatus,
        eventsSinceStatus: item.eventsSinceStatus,
        assignee: item.assignee,
        count: item.count,
        firstSeen: item.firstSeen.toISOString(),
        lastSeen: item.lastSeen.toISOString(),
        hourly: hourly[item.id] ?? [],
      }))}
    />
  );
}

/** Counting stops here for a view the tabs do not count: "26–50 of 10,000+". */
const COUNT_CAP = 10_000;

/**
 * The view's total from the environment tabs' counts (already read, with the same filters),
 * when a tab or all of them is the view; null for one environment outside the named three.
 */
function listTotalFromTabs(query: ListErrorsQuery, counts: EnvironmentCounts): ListTotal | null {
  const { environment } = query;
  if (environment.kind === "all") {
    const count = Object.values(counts).reduce((sum, bucket) => sum + bucket.matching, 0);
    return { count, capped: false };
  }
  if (environment.kind === "other") return { count: counts.other.matching, capped: false };
  const value = environment.value;
  if (value === "production" || value === "staging" || value === "development")
    return { count: counts[value].matching, capped: false };
  return null;
}

function Problem(props: { title: string; message: string; resetHref?: string }) {
  const t = useTranslations("ErrorsPage");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <ListProblem {...props} />
    </div>
  );
}
