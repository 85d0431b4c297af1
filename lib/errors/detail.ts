import type { DbOrTx } from "@/db/client";
import { type ErrorRecord, findErrorForUser, type UserRef } from "@/db/queries/error-groups";
import { type ErrorReleaseCount, listReleasesOfError } from "@/db/queries/releases";
import { findUserNames } from "@/db/queries/users";
import { RESOLUTION_VALUES } from "@/db/schema";

/** How many of an error's releases the detail shows: the most recently seen. */
export const DETAIL_RELEASES = 20;

type Resolution = (typeof RESOLUTION_VALUES)[number];

export interface ArchiveCondition {
  until: Date | null;
  untilEvents: number | null;
  untilRate: { count: number; minutes: number } | null;
}

/** Set while an error is resolved: how, when, by whom, and the release it was last seen in. */
export interface ResolutionView {
  kind: Resolution;
  resolvedAt: Date | null;
  resolvedBy: UserRef | null;
  /** inNextRelease: events from this release or older do not regress it. */
  inRelease: string | null;
}

/** Set while an error is archived: when, by whom, the condition that ends it, and what came since. */
export interface ArchiveView extends ArchiveCondition {
  archivedAt: Date | null;
  archivedBy: UserRef | null;
  eventsSinceArchived: number;
}

/**
 * Why an error reopened by itself (its substatus is set): a regression (a new event after a
 * resolve) or an escalation (an archive condition met), with who had resolved or archived it
 * and the event that reopened it. Fields of the other reason are null.
 */
export interface ReopenedView {
  reason: "regression" | "escalation";
  at: Date | null;
  resolution: Resolution | null;
  resolvedAt: Date | null;
  resolvedBy: UserRef | null;
  resolvedInRelease: string | null;
  archivedAt: Date | null;
  archivedBy: UserRef | null;
  condition: ArchiveCondition | null;
  eventsSinceArchived: number | null;
  /** The client's id of the event that reopened it, and its row id (GET /api/events/:id). */
  eventId: string | null;
  eventRef: number | null;
  release: string | null;
}

export type ErrorView = Omit<
  ErrorRecord,
  | "statusChangedAt"
  | "statusChangedBy"
  | "resolvedInRelease"
  | "reopenDetail"
  | "archiveUntil"
  | "archiveUntilEvents"
  | "archiveRateCount"
  | "archiveRateMinutes"
  | "resolution"
> & {
  resolution: ResolutionView | null;
  archive: ArchiveView | null;
  reopened: ReopenedView | null;
  releases: ErrorReleaseCount[];
};

/**
 * One error as the detail (`GET /api/errors/:id`, the detail page) and `PATCH` show it: its
 * triage state (resolution, archive and its condition, why it reopened, assignee) and its
 * releases; null when it is not in the user's projects. The users named in why it reopened
 * are looked up now (the reason stores their ids).
 */
export async function findErrorView(
  db: DbOrTx,
  input: { userId: number; errorId: number },
): Promise<ErrorView | null> {
  const record = await findErrorForUser(db, input);
  if (!record) return null;
  const detail = record.substatus ? (record.reopenDetail ?? {}) : null;
  const userIds = detail
    ? [userId(detail.resolvedByUserId), userId(detail.archivedByUserId)].filter(
        (id): id is number => id !== null,
      )
    : [];
  const [releases, names] = await Promise.all([
    listReleasesOfError(db, { errorId: record.id, limit: DETAIL_RELEASES }),
    findUserNames(db, userIds),
  ]);
  return toErrorView(record, { releases, names });
}

/** Shapes a stored error: the triage columns become `resolution`, `archive` and `reopened`. */
export function toErrorView(
  record: ErrorRecord,
  extra: { releases: ErrorReleaseCount[]; names: Map<number, string> },
): ErrorView {
  const {
    statusChangedAt,
    statusChangedBy,
    resolvedInRelease,
    reopenDetail,
    archiveUntil,
    archiveUntilEvents,
    archiveRateCount,
    archiveRateMinutes,
    resolution,
    ...error
  } = record;
  return {
    ...error,
    resolution:
      record.status === "resolved"
        ? {
            kind: resolution ?? "now",
            resolvedAt: statusChangedAt,
            resolvedBy: statusChangedBy,
            inRelease: resolvedInRelease,
          }
        : null,
    archive:
      record.status === "archived"
        ? {
            archivedAt: statusChangedAt,
            archivedBy: statusChangedBy,
            until: archiveUntil,
            untilEvents: archiveUntilEvents,
            untilRate:
              archiveRateCount !== null && archiveRateMinutes !== null
                ? { count: archiveRateCount, minutes: archiveRateMinutes }
                : null,
            eventsSinceArchived: record.eventsSinceStatus,
          }
        : null,
    reopened: record.substatus
      ? reopenedView(record.substatus, reopenDetail ?? {}, {
          regressedAt: record.regressedAt,
          statusChangedAt,
          names: extra.names,
        })
      : null,
    releases: extra.releases,
  };
}

/** reopen_detail, as the ingest write stores it, with its user ids named. */
function reopenedView(
  substatus: NonNullable<ErrorRecord["substatus"]>,
  detail: Record<string, unknown>,
  context: { regressedAt: Date | null; statusChangedAt: Date | null; names: Map<number, string> },
): ReopenedView {
  const reason =
    detail.reason === "regression" || detail.reason === "escalation"
      ? detail.reason
      : substatus === "regressed"
        ? "regression"
        : "escalation";
  const user = (value: unknown): UserRef | null => {
    const id = userId(value);
    const name = id === null ? undefined : context.names.get(id);
    return id !== null && name !== undefined ? { id, name } : null;
  };
  const condition = record(detail.condition);
  const rate = record(condition?.untilRate);
  const rateCount = integer(rate?.count);
  const rateMinutes = integer(rate?.minutes);
  return {
    reason,
    at:
      reason === "regression"
        ? (context.regressedAt ?? context.statusChangedAt)
        : context.statusChangedAt,
    resolution: (RESOLUTION_VALUES as readonly unknown[]).includes(detail.resolution)
      ? (detail.resolution as Resolution)
      : null,
    resolvedAt: time(detail.resolvedAt),
    resolvedBy: user(detail.resolvedByUserId),
    resolvedInRelease: text(detail.resolvedInRelease),
    archivedAt: time(detail.archivedAt),
    archivedBy: user(detail.archivedByUserId),
    condition: condition
      ? {
          until: time(condition.until),
          untilEvents: integer(condition.untilEvents),
          untilRate:
            rateCount !== null && rateMinutes !== null
              ? { count: rateCount, minutes: rateMinutes }
              : null,
        }
      : null,
    eventsSinceArchived: integer(detail.eventsSinceArchived),
    eventId: text(detail.eventId),
    eventRef: integer(detail.eventRef),
    release: text(detail.release),
  };
}

const INT4_MAX = 2_147_483_647;

function userId(value: unknown): number | null {
  const id = integer(value);
  return id !== null && id > 0 && id <= INT4_MAX ? id : null;
}

function integer(value: unknown): number | null {
  return typeof value === "number" && Number.isSafeInteger(value) ? value : null;
}

function text(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

/** A time from JSON (PostgreSQL writes timestamptz in jsonb with its offset). */
function time(value: unknown): Date | null {
  if (typeof value !== "string") return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function record(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}
