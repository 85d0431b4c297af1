import { sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../client";
import { resultRows } from "../sql";

export type TriageStatus = "open" | "resolved" | "archived";
export type Resolution = "now" | "inNextRelease";

export interface ArchiveCondition {
  until?: Date;
  untilEvents?: number;
  untilRate?: { count: number; minutes: number };
}

/** What a person changes on some errors: a status (with its options), an assignee, or both. */
export interface TriageChange {
  status?: TriageStatus;
  /** With status "resolved"; "now" when absent. */
  resolution?: Resolution;
  /** With status "archived"; archived forever when absent. */
  archive?: ArchiveCondition;
  /** A member of every error's project, or null for nobody; undefined leaves it. */
  assigneeId?: number | null;
}

interface TargetRow {
  id: number;
  project_id: number;
  status: TriageStatus;
  resolution: Resolution | null;
  archive_until: string | null;
  archive_until_events: number | null;
  archive_rate_count: number | null;
  archive_rate_minutes: number | null;
  assignee_user_id: number | null;
  last_release: string | null;
}

/** The ids among `errorIds` in the user's projects whose project does not have `memberId`. */
export async function errorsOutsideMemberProjects(
  db: DbOrTx,
  input: { userId: number; errorIds: number[]; memberId: number },
): Promise<number[]> {
  const rows = resultRows<{ id: number }>(
    await db.execute(sql`
      SELECT e.id::float8 AS id FROM errors e
      WHERE e.id = ANY(${`{${input.errorIds.join(",")}}`}::bigint[])
        AND EXISTS (SELECT 1 FROM project_members m
          WHERE m.project_id = e.project_id AND m.user_id = ${input.userId})
        AND NOT EXISTS (SELECT 1 FROM project_members m
          WHERE m.project_id = e.project_id AND m.user_id = ${input.memberId})`),
  );
  return rows.map((row) => Number(row.id));
}

const sameArchive = (row: TargetRow, archive: ArchiveCondition | undefined) =>
  (row.archive_until === null ? null : new Date(row.archive_until).getTime()) ===
    (archive?.until?.getTime() ?? null) &&
  row.archive_until_events === (archive?.untilEvents ?? null) &&
  row.archive_rate_count === (archive?.untilRate?.count ?? null) &&
  row.archive_rate_minutes === (archive?.untilRate?.minutes ?? null);

/**
 * Applies a person's change to the errors among `errorIds` in their projects, in one
 * transaction that locks them (in id order, like the ingest write, so the two never deadlock)
 * and records each real change in the errors' activity. Returns the ids found, ascending.
 *
 * A status change clears `substatus` (a person has looked at it) and remembers who, when and
 * the event count at that moment (events since archived). Resolving `inNextRelease` takes the
 * release the error was last seen in, as the locked row has it, with its semver key and
 * first-seen order, so that the ingest write compares without a lookup. Setting the same
 * status with the same options again changes nothing and records nothing.
 */
export async function applyTriageChange(
  db: Db,
  input: { userId: number; errorIds: number[]; change: TriageChange },
): Promise<number[]> {
  if (input.errorIds.length === 0) return [];
  const { change, userId } = input;
  return db.transaction(async (tx) => {
    const targets = resultRows<TargetRow>(
      await tx.execute(sql`
        SELECT e.id::float8 AS id, e.project_id, e.status, e.resolution,
          e.archive_until::text AS archive_until, e.archive_until_events,
          e.archive_rate_count, e.archive_rate_minutes, e.assignee_user_id, e.last_release
        FROM errors e
        WHERE e.id = ANY(${`{${input.errorIds.join(",")}}`}::bigint[])
          AND EXISTS (SELECT 1 FROM project_members m
            WHERE m.project_id = e.project_id AND m.user_id = ${userId})
        ORDER BY e.id FOR NO KEY UPDATE`),
    ).map((row) => ({ ...row, id: Number(row.id) }));
    if (targets.length === 0) return [];

    const status = change.status;
    const resolution = status === "resolved" ? (change.resolution ?? "now") : null;
    const archive = status === "archived" ? change.archive : undefined;
    const statusChanged = status
      ? targets.filter(
          (row) =>
            row.status !== status ||
            (status === "resolved" && row.resolution !== resolution) ||
            (status === "archived" && !sameArchive(row, archive)),
        )
      : [];
    const assigneeChanged =
      change.assigneeId === undefined
        ? []
        : targets.filter((row) => row.assignee_user_id !== change.assigneeId);

    if (status && statusChanged.length > 0) {
      const ids = `{${statusChanged.map((row) => row.id).join(",")}}`;
      await tx.execute(sql`
        UPDATE errors e SET status = ${status}, substatus = NULL, status_changed_at = now(),
          status_changed_by_user_id = ${userId}, status_event_count = e.event_count,
          resolution = ${resolution},
          resolved_in_release = CASE WHEN ${resolution}::text = 'inNextRelease' THEN e.last_release END,
          resolved_release_key = CASE WHEN ${resolution}::text = 'inNextRelease'
            THEN release_semver_key(e.last_release) END,
          resolved_release_seq = CASE WHEN ${resolution}::text = 'inNextRelease'
            THEN (SELECT r.id FROM releases r WHERE r.project_id = e.project_id
              AND r.name = e.last_release) END,
          archive_until = ${archive?.until?.toISOString() ?? null}::timestamptz,
          archive_until_events = ${archive?.untilEvents ?? null}::int,
          archive_rate_count = ${archive?.untilRate?.count ?? null}::int,
          archive_rate_minutes = ${archive?.untilRate?.minutes ?? null}::int
        WHERE e.id = ANY(${ids}::bigint[])`);
    }
    if (change.assigneeId !== undefined && assigneeChanged.length > 0) {
      const ids = `{${assigneeChanged.map((row) => row.id).join(",")}}`;
      await tx.execute(
        sql`UPDATE errors SET assignee_user_id = ${change.assigneeId} WHERE id = ANY(${ids}::bigint[])`,
      );
    }

    const activity: { error_id: number; kind: string; detail: Record<string, unknown> }[] = [];
    for (const row of statusChanged) {
      if (status === "resolved")
        activity.push({
          error_id: row.id,
          kind: "resolved",
          detail: {
            from: row.status,
            resolution,
            ...(resolution === "inNextRelease" ? { inRelease: row.last_release } : {}),
          },
        });
      else if (status === "archived")
        activity.push({
          error_id: row.id,
          kind: "archived",
          detail: { from: row.status, condition: archiveDetail(archive) },
        });
      else activity.push({ error_id: row.id, kind: "reopened", detail: { from: row.status } });
    }
    for (const row of assigneeChanged) {
      activity.push(
        change.assigneeId === null
          ? { error_id: row.id, kind: "unassigned", detail: { from: row.assignee_user_id } }
          : {
              error_id: row.id,
              kind: "assigned",
              detail: { from: row.assignee_user_id, to: change.assigneeId },
            },
      );
    }
    if (activity.length > 0) {
      await tx.execute(sql`
        INSERT INTO error_activity (error_id, actor_user_id, kind, detail)
        SELECT a.error_id, ${userId}, a.kind, a.detail
        FROM jsonb_to_recordset(${JSON.stringify(activity)}::jsonb)
          AS a(error_id bigint, kind text, detail jsonb)`);
    }
    return targets.map((row) => row.id).sort((a, b) => a - b);
  });
}

function archiveDetail(archive: ArchiveCondition | undefined) {
  if (!archive) return { forever: true };
  return {
    ...(archive.until ? { until: archive.until.toISOString() } : {}),
    ...(archive.untilEvents ? { untilEvents: archive.untilEvents } : {}),
    ...(archive.untilRate ? { untilRate: archive.untilRate } : {}),
  };
}

/**
 * Reopens, as escalating, every archived error whose `until` time has passed, whether or not
 * an event came (the ingest write reopens the ones that get one), with the reason the same
 * rule (error_reopen, migration 0010) gives. The errors_reopened trigger records each in the
 * activity. Run by the server every minute and by the cron route.
 */
export async function endExpiredArchives(db: DbOrTx): Promise<number> {
  const rows = resultRows<{ id: number }>(
    await db.execute(sql`
      UPDATE errors e SET status = 'open', substatus = 'escalating',
        reopen_detail = error_reopen(e, 0, '[]'::jsonb),
        status_changed_at = now(), status_changed_by_user_id = NULL,
        status_event_count = e.event_count
      WHERE e.status = 'archived' AND e.archive_until IS NOT NULL AND e.archive_until <= now()
      RETURNING e.id`),
  );
  return rows.length;
}
