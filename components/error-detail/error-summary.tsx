import { useTranslations } from "next-intl";
import { BackToListLink } from "@/components/errors/back-to-list-link";
import type { Person } from "@/components/ui/assign-menu";
import type { Level } from "@/lib/ingest/levels";
import { LevelBadge } from "./badges";
import { Breakable } from "./breakable";
import { ErrorActions } from "./error-actions";
import { CollectedByFact, Fact, FactList, useDetailWords } from "./facts";
import { LiveCount, LiveLastSeen, LiveStatusBadges } from "./live-error";
import { DateTime, RelativeTime } from "./time";

export interface ErrorSummaryData {
  id: number;
  title: string;
  level: Level;
  origin: string;
  environment: string;
  culprit: string | null;
  status: "open" | "resolved" | "archived";
  /** Why an open error came back by itself. */
  substatus: "regressed" | "escalating" | null;
  assignee: Person | null;
  /** The release it was last seen in (the error's, not only the latest event's). */
  lastRelease: string | null;
  count: number;
  firstSeen: string;
  lastSeen: string;
  project: { name: string };
  release: string | null;
  collectedBy: { name: string | null; email: string | null; tokenName: string | null } | null;
}

export function ErrorHeader({
  error,
  members,
  currentUserId,
}: {
  error: ErrorSummaryData;
  /** Whom the error may be assigned to: its project's members. */
  members: Person[];
  currentUserId: number;
}) {
  const t = useTranslations("ErrorSummary");
  const words = useDetailWords();
  return (
    <header className="space-y-3">
      <BackToListLink className="inline-flex items-center gap-1 rounded text-sm font-medium text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-white" />
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0 space-y-2">
          <h1 className="text-sm font-medium text-zinc-600 wrap-break-word dark:text-zinc-300">
            {t.rich("heading", {
              level: words.level(error.level),
              origin: error.origin,
              b: (chunks) => (
                <span className="font-semibold text-zinc-900 dark:text-zinc-100">{chunks}</span>
              ),
              when: () => <LiveLastSeen iso={error.lastSeen} />,
            })}
          </h1>
          <p
            className="text-xl leading-snug font-semibold tracking-tight wrap-break-word sm:text-2xl"
            data-testid="error-title"
          >
            {error.title}
          </p>
          <div className="flex flex-wrap items-center gap-2">
            <LevelBadge level={error.level} />
            <LiveStatusBadges status={error.status} substatus={error.substatus} />
            <span className="text-sm text-zinc-500 dark:text-zinc-400">
              {words.environment(error.environment)}
            </span>
          </div>
        </div>
        <div className="shrink-0">
          <ErrorActions
            errorId={error.id}
            status={error.status}
            title={error.title}
            lastRelease={error.lastRelease}
            assignee={error.assignee}
            members={members}
            currentUserId={currentUserId}
          />
        </div>
      </div>
    </header>
  );
}

/** The error at a glance: a definition list that reflows from four columns to two. */
export function ErrorFacts({ error }: { error: ErrorSummaryData }) {
  const t = useTranslations("ErrorSummary");
  const words = useDetailWords();
  const by = error.collectedBy;
  return (
    <FactList label={t("summary")}>
      <Fact label={t("level")}>
        <LevelBadge level={error.level} />
      </Fact>
      <Fact label={t("events")}>
        <span className="text-base font-semibold tabular-nums" data-testid="event-count">
          <LiveCount count={error.count} />
        </span>
      </Fact>
      <Fact label={t("status")}>
        <span className="flex flex-wrap gap-1.5">
          <LiveStatusBadges status={error.status} substatus={error.substatus} always />
        </span>
      </Fact>
      <Fact label={t("environment")}>{words.environment(error.environment)}</Fact>
      <Fact label={t("firstSeen")}>
        <RelativeTime iso={error.firstSeen} className="font-medium" />
        <DateTime
          iso={error.firstSeen}
          className="block text-xs text-zinc-500 dark:text-zinc-400"
        />
      </Fact>
      <Fact label={t("lastSeen")}>
        <LiveLastSeen iso={error.lastSeen} relative className="font-medium" />
        <LiveLastSeen
          iso={error.lastSeen}
          className="block text-xs text-zinc-500 dark:text-zinc-400"
        />
      </Fact>
      <CollectedByFact by={by} />
      <Fact label={t("project")}>{error.project.name}</Fact>
      <Fact label={t("origin")}>{error.origin}</Fact>
      {error.culprit ? (
        <Fact label={t("culprit")} wide>
          <span className="font-mono text-xs">
            <Breakable text={error.culprit} />
          </span>
        </Fact>
      ) : null}
      {error.release ? (
        <Fact label={t("release")} wide>
          <span className="font-mono text-xs">
            <Breakable text={error.release} />
          </span>
        </Fact>
      ) : null}
    </FactList>
  );
}
