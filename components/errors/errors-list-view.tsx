import { useTranslations } from "next-intl";
import type { EnvironmentCounts } from "@/db/queries/error-stats";
import {
  clearedFiltersHref,
  type ErrorListState,
  errorListHref,
  hasFilters,
} from "@/lib/errors/list-url";
import { firstErrorUrl, liveListUrl } from "@/lib/errors/live-url";
import { ActionNotice } from "./action-notice";
import { RememberListHref } from "./back-to-list-link";
import { EmptyTabState, FirstEventEmptyState, NoMatchesState } from "./empty-states";
import { useEnvironmentLabel } from "./environment-label";
import { EnvironmentTabs, selectedBucket } from "./environment-tabs";
import { ErrorsToolbar } from "./errors-toolbar";
import { LaterMessagesProvider } from "./later-messages";
import { ListNavigationProvider } from "./list-navigation";
import { LiveErrorsTable, RefreshOnFirstError } from "./live-list";
import { type ListTotal, Pagination } from "./pagination";
import { ProjectSwitcher } from "./project-switcher";
import { ClockProvider } from "./relative-time";
import type { ErrorRow, Person } from "./types";
import { ErrorActionsProvider } from "./use-error-actions";

/** The /errors page once its data is loaded: header, tabs, filters, and the table or a hint. */
export function ErrorsListView({
  state,
  project,
  projects,
  counts,
  origins,
  members,
  currentUserId,
  rows,
  page,
  serverNow,
  baseUrl,
}: {
  state: ErrorListState;
  project: { slug: string; name: string };
  projects: { slug: string; name: string }[];
  counts: EnvironmentCounts;
  origins: string[];
  /** The project's members: whom its errors may be assigned to. */
  members: Person[];
  currentUserId: number;
  rows: ErrorRow[];
  /** Where this page sits in the list, and the cursors either side of it. */
  page: {
    nextCursor: string | null;
    prevCursor: string | null;
    offset: number;
    limit: number;
    total: ListTotal;
  };
  serverNow: number;
  /** Set only when the project has no errors at all: the curl example needs it. */
  baseUrl: string | null;
}) {
  const t = useTranslations("ErrorsPage");
  return (
    <ClockProvider serverNow={serverNow}>
      <ListNavigationProvider>
        <RememberListHref href={errorListHref(state, { cursor: state.cursor })} />
        <div className="space-y-4">
          <header className="flex flex-wrap items-end justify-between gap-x-4 gap-y-2">
            <div className="min-w-0">
              <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
              {projects.length <= 1 ? (
                <p className="truncate text-sm text-zinc-500 dark:text-zinc-400">{project.name}</p>
              ) : null}
            </div>
            {projects.length > 1 ? (
              <ProjectSwitcher state={state} current={project.slug} projects={projects} />
            ) : null}
          </header>
          {baseUrl !== null ? (
            <>
              <FirstEventEmptyState
                baseUrl={baseUrl}
                projectName={project.name}
                projectSlug={project.slug}
              />
              <RefreshOnFirstError url={firstErrorUrl(project.slug)} />
            </>
          ) : (
            <LaterMessagesProvider>
              <ErrorActionsProvider members={members} currentUserId={currentUserId}>
                <EnvironmentTabs state={state} counts={counts} />
                <ErrorsToolbar
                  state={state}
                  origins={origins}
                  members={members}
                  currentUserId={currentUserId}
                />
                <ActionNotice />
                <ListBody state={state} rows={rows} project={project.slug} limit={page.limit} />
                <Pagination state={state} shown={rows.length} {...page} />
              </ErrorActionsProvider>
            </LaterMessagesProvider>
          )}
        </div>
      </ListNavigationProvider>
    </ClockProvider>
  );
}

function ListBody({
  state,
  rows,
  project,
  limit,
}: {
  state: ErrorListState;
  rows: ErrorRow[];
  project: string;
  limit: number;
}) {
  const t = useTranslations("ErrorsPage");
  const environmentName = useEnvironmentLabel();
  if (rows.length > 0) {
    // A new view starts with nothing selected; a refresh after an action keeps the selection.
    return (
      <LiveErrorsTable
        key={viewKey(state)}
        rows={rows}
        state={state}
        project={project}
        limit={limit}
      />
    );
  }
  const watch = <RefreshOnFirstError url={liveListUrl(state, { project, limit })} />;
  if (hasFilters(state)) {
    return (
      <>
        {watch}
        <NoMatchesState clearHref={clearedFiltersHref(state)} />
      </>
    );
  }
  const bucket = selectedBucket(state.environment);
  const where =
    bucket === null
      ? t("anyEnvironment")
      : state.environment === "other"
        ? t("otherEnvironments")
        : environmentName(state.environment);
  return (
    <>
      {watch}
      <EmptyTabState title={t("emptyTab", { status: state.status ?? "open", where })} />
    </>
  );
}

function viewKey(state: ErrorListState): string {
  return JSON.stringify([
    state.project,
    state.environment,
    state.status,
    state.q,
    state.levels,
    state.origin,
    state.release,
    state.assignee,
    state.tag,
    state.sort,
    state.cursor,
  ]);
}
