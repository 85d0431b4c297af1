-- The alert decisions of the ingest write, as one call at the end of its statement (only for
-- batches of projects with such rules): a new error, and "more than N events in M minutes",
-- fire the enabled rules that listen (alert_fire: cooldown, notification, deliveries).
-- The statement passes the ids of the errors it counted and created, and calls this after its
-- buckets are written, so that the cooldowns are locked after the errors and buckets. Being
-- VOLATILE, its query sees what the statement wrote before the call: the errors' new counts
-- and the batch's events, which the frequency is counted with. As a single call with a plan
-- cached per connection, it keeps the statement itself small: measured, the decisions as
-- common table expressions cost the statement about a fifth of its time.
-- The rules the ingest write decides (the others, regressions and escalations, fire from the
-- errors_reopened trigger). The ingest doors ask it too, to skip this call for projects
-- without such rules.
CREATE FUNCTION "alert_rule_decided_at_ingest"(r alert_rules) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT r.enabled AND (r.on_new_error OR r.frequency_count IS NOT NULL)
$$;--> statement-breakpoint
CREATE FUNCTION "alert_ingest_decisions"(p_counted bigint[], p_created bigint[])
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  fired integer;
BEGIN
  SELECT coalesce(sum(s.f), 0) INTO fired FROM (
    SELECT alert_fire(r, e.id, k.kind, alert_context(e.title, e.level, e.environment, e.origin,
        e.culprit, e.event_count, e.first_seen, e.last_seen, e.last_release, NULL,
        CASE WHEN k.kind = 'frequency' THEN jsonb_build_object('count', r.frequency_count,
          'minutes', r.frequency_minutes) END)) AS f
    FROM errors e
      JOIN alert_rules r ON r.project_id = e.project_id AND alert_rule_decided_at_ingest(r)
      CROSS JOIN (VALUES ('newError'), ('frequency')) AS k(kind)
    WHERE e.id = ANY (coalesce(p_counted, '{}') || coalesce(p_created, '{}'))
      AND alert_rule_matches(r, k.kind, e.environment, e.severity)
      AND CASE k.kind WHEN 'newError' THEN e.id = ANY (coalesce(p_created, '{}'))
        -- An error with no more than N events in all cannot have more in any window: decided
        -- from its row, without counting.
        ELSE e.event_count > r.frequency_count AND alert_frequency_met(r, e.id, '{}') END
    ORDER BY e.id, r.id, k.kind) s;
  RETURN fired;
END $$;
