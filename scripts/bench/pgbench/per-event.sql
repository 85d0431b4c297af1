-- Phase d: what the ingest write does for one event, one transaction per event, as pgbench
-- runs it at phase a's concurrency: the error upsert (80 % of events to 500 known errors, the
-- rest new), the event insert, the hourly bucket and the event's two tag counters.
\set k random(1, 625)
\set n random(1, 1000000000000)
\set build random(0, 49)
BEGIN;
INSERT INTO errors AS e (project_id, environment, fingerprint, title, details_preview, level,
  origin, event_count, first_seen, last_seen)
VALUES (:project, 'production',
  CASE WHEN :k <= 500 THEN 'pgbench-' || :k ELSE 'pgbench-new-' || :n END,
  'Bench failure in checkout step', repeat('x', 1000), 'error', 'pgbench', 1, now(), now())
ON CONFLICT (project_id, environment, fingerprint) DO UPDATE SET
  event_count = e.event_count + 1, last_seen = greatest(e.last_seen, excluded.last_seen),
  title = excluded.title, details_preview = excluded.details_preview
RETURNING id AS error_id \gset
INSERT INTO events (error_id, project_id, event_id, title, details, level, origin, environment,
  occurred_at, tags)
VALUES (:error_id, :project, 'pgbench-' || :run || '-' || :client_id || '-' || :n,
  'Bench failure in checkout step', repeat('x', 2000), 'error', 'pgbench', 'production', now(),
  jsonb_build_object('region', 'eu', 'build', :build::text))
ON CONFLICT (project_id, event_id) DO NOTHING;
INSERT INTO error_hourly_counts AS h (error_id, hour, count)
VALUES (:error_id, date_trunc('hour', now()), 1)
ON CONFLICT (error_id, hour) DO UPDATE SET count = h.count + 1;
INSERT INTO error_tag_values AS t (error_id, project_id, key, value, count, first_seen, last_seen)
VALUES (:error_id, :project, 'build', :build::text, 1, now(), now()),
  (:error_id, :project, 'region', 'eu', 1, now(), now())
ON CONFLICT (error_id, key, value) DO UPDATE SET count = t.count + 1, last_seen = excluded.last_seen;
END;
