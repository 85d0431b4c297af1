import { sql } from "drizzle-orm";
import type { NormalizedEvent } from "@/lib/ingest/types";
import type { Db } from "../client";
import { resultRows, toJsonParam } from "../sql";

export interface EventToStore {
  projectId: number;
  userId: number | null;
  tokenId: string | null;
  event: NormalizedEvent;
}

export interface StoredEventRef {
  id: number;
  errorId: number;
}

const groupKey = (projectId: number, environment: string, fingerprint: string) =>
  `${projectId}\u0000${environment}\u0000${fingerprint}`;
const eventKey = (projectId: number, eventId: string) => `${projectId}\u0000${eventId}`;

/**
 * Stores a batch in one transaction: every event or none. Errors are upserted first (their
 * latest title, level and details follow the newest event), then the events are inserted and
 * the counters raised by exactly the rows that were inserted, in the same statement, so that
 * a repeated eventId (idempotent retry) never counts twice and frequencies never drift.
 * Returns one reference per input item, in order; a repeated eventId gets the first result.
 */
export async function insertEvents(db: Db, items: EventToStore[]): Promise<StoredEventRef[]> {
  if (items.length === 0) return [];
  const unique = new Map<string, EventToStore>();
  for (const item of items) {
    const key = eventKey(item.projectId, item.event.eventId);
    if (!unique.has(key)) unique.set(key, item);
  }

  const groups = new Map<string, { first: Date; latest: EventToStore }>();
  for (const item of unique.values()) {
    const { environment, fingerprint, occurredAt } = item.event;
    const key = groupKey(item.projectId, environment, fingerprint);
    const group = groups.get(key);
    if (!group) groups.set(key, { first: occurredAt, latest: item });
    else {
      if (occurredAt < group.first) group.first = occurredAt;
      if (occurredAt >= group.latest.event.occurredAt) group.latest = item;
    }
  }
  // A fixed lock order keeps concurrent batches touching the same errors from deadlocking.
  const groupRows = [...groups.values()]
    .map(({ first, latest: { projectId, event } }) => ({
      project_id: projectId,
      environment: event.environment,
      fingerprint: event.fingerprint,
      grouping_version: event.groupingVersion,
      title: event.title,
      details_preview: event.details.slice(0, 1000),
      level: event.level,
      origin: event.origin,
      culprit: event.culprit,
      first_seen: first.toISOString(),
      last_seen: event.occurredAt.toISOString(),
    }))
    .sort((a, b) =>
      a.project_id !== b.project_id
        ? a.project_id - b.project_id
        : a.environment !== b.environment
          ? a.environment < b.environment
            ? -1
            : 1
          : a.fingerprint < b.fingerprint
            ? -1
            : a.fingerprint > b.fingerprint
              ? 1
              : 0,
    );

  return db.transaction(async (tx) => {
    const upserted = resultRows<{
      id: number;
      project_id: number;
      environment: string;
      fingerprint: string;
      created: boolean;
    }>(
      await tx.execute(sql`
        INSERT INTO errors AS e (project_id, environment, fingerprint, grouping_version, title,
          details_preview, level, origin, culprit, event_count, first_seen, last_seen)
        SELECT g.project_id, g.environment, g.fingerprint, g.grouping_version, g.title,
          g.details_preview, g.level, g.origin, g.culprit, 0, g.first_seen, g.last_seen
        FROM jsonb_to_recordset(${toJsonParam(groupRows)}::jsonb) AS g(project_id int,
          environment text, fingerprint text, grouping_version smallint, title text,
          details_preview text, level text, origin text, culprit text,
          first_seen timestamptz, last_seen timestamptz)
        ON CONFLICT (project_id, environment, fingerprint) DO UPDATE SET
          title = CASE WHEN excluded.last_seen >= e.last_seen THEN excluded.title ELSE e.title END,
          details_preview = CASE WHEN excluded.last_seen >= e.last_seen THEN excluded.details_preview ELSE e.details_preview END,
          level = CASE WHEN excluded.last_seen >= e.last_seen THEN excluded.level ELSE e.level END,
          origin = CASE WHEN excluded.last_seen >= e.last_seen THEN excluded.origin ELSE e.origin END,
          culprit = CASE WHEN excluded.last_seen >= e.last_seen THEN coalesce(excluded.culprit, e.culprit) ELSE e.culprit END,
          grouping_version = excluded.grouping_version
        RETURNING e.id::float8 AS id, e.project_id, e.environment, e.fingerprint, (xmax = 0) AS created`),
    );
    const errorIds = new Map(
      upserted.map((row) => [
        groupKey(row.project_id, row.environment, row.fingerprint),
        Number(row.id),
      ]),
    );

    const eventRows = [...unique.values()].map(({ projectId, userId, tokenId, event }) => ({
      error_id: errorIds.get(groupKey(projectId, event.environment, event.fingerprint)),
      project_id: projectId,
      event_id: event.eventId,
      title: event.title,
      details: event.details,
      level: event.level,
      origin: event.origin,
      environment: event.environment,
      release: event.release,
      occurred_at: event.occurredAt.toISOString(),
      user_id: userId,
      token_id: tokenId,
      tags: event.tags,
      payload: event.payload,
    }));
    const inserted = resultRows<{
      id: number;
      error_id: number;
      project_id: number;
      event_id: string;
    }>(
      await tx.execute(sql`
        WITH input AS (
          SELECT * FROM jsonb_to_recordset(${toJsonParam(eventRows)}::jsonb) AS x(error_id bigint,
            project_id int, event_id text, title text, details text, level text, origin text,
            environment text, release text, occurred_at timestamptz, user_id int, token_id uuid,
            tags jsonb, payload jsonb)
        ), ins AS (
          INSERT INTO events (error_id, project_id, event_id, title, details, level, origin,
            environment, release, occurred_at, collected_by_user_id, collected_by_token_id, tags, payload)
          SELECT error_id, project_id, event_id, title, details, level, origin, environment, release,
            occurred_at, user_id, token_id, coalesce(tags, '{}'::jsonb), payload
          FROM input
          ON CONFLICT (project_id, event_id) DO NOTHING
          RETURNING id, error_id, project_id, event_id, occurred_at
        ), counted AS (
          UPDATE errors e SET event_count = e.event_count + c.n,
            first_seen = least(e.first_seen, c.first_seen),
            last_seen = greatest(e.last_seen, c.last_seen)
          FROM (SELECT error_id, count(*)::int AS n, min(occurred_at) AS first_seen,
                  max(occurred_at) AS last_seen FROM ins GROUP BY error_id) c
          WHERE e.id = c.error_id
          RETURNING e.id
        ), hourly AS (
          INSERT INTO error_hourly_counts AS h (error_id, hour, count)
          SELECT error_id, date_trunc('hour', occurred_at), count(*)::int FROM ins GROUP BY 1, 2
          ON CONFLICT (error_id, hour) DO UPDATE SET count = h.count + excluded.count
          RETURNING h.error_id
        )
        SELECT id::float8 AS id, error_id::float8 AS error_id, project_id, event_id FROM ins`),
    );
    const refs = new Map<string, StoredEventRef>();
    for (const row of inserted) {
      refs.set(eventKey(row.project_id, row.event_id), {
        id: Number(row.id),
        errorId: Number(row.error_id),
      });
    }

    if (refs.size < unique.size) {
      // Retries of events stored earlier: answer with the first result, as if stored now.
      const missing = [...unique.values()]
        .filter((item) => !refs.has(eventKey(item.projectId, item.event.eventId)))
        .map((item) => ({ project_id: item.projectId, event_id: item.event.eventId }));
      const existing = resultRows<{
        id: number;
        error_id: number;
        project_id: number;
        event_id: string;
      }>(
        await tx.execute(sql`
          SELECT ev.id::float8 AS id, ev.error_id::float8 AS error_id, ev.project_id, ev.event_id
          FROM jsonb_to_recordset(${toJsonParam(missing)}::jsonb) AS m(project_id int, event_id text)
          JOIN events ev ON ev.project_id = m.project_id AND ev.event_id = m.event_id`),
      );
      for (const row of existing) {
        refs.set(eventKey(row.project_id, row.event_id), {
          id: Number(row.id),
          errorId: Number(row.error_id),
        });
      }
      // An error created above only for events that turned out to be repeats holds no event.
      const created = upserted.filter((row) => row.created).map((row) => Number(row.id));
      if (created.length > 0) {
        await tx.execute(
          sql`DELETE FROM errors WHERE id = ANY(${`{${created.join(",")}}`}::bigint[]) AND event_count = 0`,
        );
      }
    }

    return items.map((item) => {
      const ref = refs.get(eventKey(item.projectId, item.event.eventId));
      if (!ref) throw new Error(`event ${item.event.eventId} was neither inserted nor found`);
      return ref;
    });
  });
}
