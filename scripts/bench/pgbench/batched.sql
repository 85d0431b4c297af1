-- Phase g: the batched ceiling, 32 events per statement (26 to known errors, 6 new), with the
-- same writes as phase d: error upserts, events, hourly buckets and two tag counters each.
\set base random(0, 499)
\set n random(1, 1000000000000)
WITH g AS (
  SELECT i, CASE WHEN i <= 26 THEN 'pgbench-' || ((:base + i * 15) % 500)
    ELSE 'pgbench-new-' || :n || '-' || i END AS fingerprint,
    (:base + i) % 50 AS build
  FROM generate_series(1, 32) i
), e AS (
  INSERT INTO errors AS e (project_id, environment, fingerprint, title, details_preview, level,
    origin, event_count, first_seen, last_seen)
  SELECT :project, 'production', fingerprint, 'Bench failure in checkout step',
    repeat('x', 1000), 'error', 'pgbench', 1, now(), now()
  FROM g ORDER BY fingerprint
  ON CONFLICT (project_id, environment, fingerprint) DO UPDATE SET
    event_count = e.event_count + 1, last_seen = greatest(e.last_seen, excluded.last_seen),
    title = excluded.title, details_preview = excluded.details_preview
  RETURNING e.id, e.fingerprint
), ev AS (
  INSERT INTO events (error_id, project_id, event_id, title, details, level, origin,
    environment, occurred_at, tags)
  SELECT e.id, :project, 'pgbench-' || :run || '-' || :client_id || '-' || :n || '-' || g.i,
    'Bench failure in checkout step', repeat('x', 2000), 'error', 'pgbench', 'production', now(),
    jsonb_build_object('region', 'eu', 'build', g.build::text)
  FROM e JOIN g ON g.fingerprint = e.fingerprint
  ON CONFLICT (project_id, event_id) DO NOTHING
  RETURNING error_id
), h AS (
  INSERT INTO error_hourly_counts AS h (error_id, hour, count)
  SELECT id, date_trunc('hour', now()), 1 FROM e ORDER BY id
  ON CONFLICT (error_id, hour) DO UPDATE SET count = h.count + 1
  RETURNING error_id
)
INSERT INTO error_tag_values AS t (error_id, project_id, key, value, count, first_seen, last_seen)
SELECT e.id, :project, tag.key, tag.value, 1, now(), now()
FROM e JOIN g ON g.fingerprint = e.fingerprint
  CROSS JOIN LATERAL (VALUES ('build', g.build::text), ('region', 'eu')) tag(key, value)
ORDER BY 1, 3, 4
ON CONFLICT (error_id, key, value) DO UPDATE SET count = t.count + 1, last_seen = excluded.last_seen;
