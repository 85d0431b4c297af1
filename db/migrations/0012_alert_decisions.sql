-- The decision side of alerts: which rules fire, written in the transaction of the change that
-- fires them (the ingest write for new errors and frequencies, the errors_reopened trigger for
-- regressions and escalations), so that an alert survives the process dying. Delivery reads
-- alert_deliveries (lib/alerts/delivery.ts).

-- Whether a rule listens to `p_kind` for an error of this environment and severity.
CREATE FUNCTION "alert_rule_matches"(r alert_rules, p_kind text, p_environment text,
  p_severity integer) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT r.enabled
    AND CASE p_kind WHEN 'newError' THEN r.on_new_error WHEN 'regression' THEN r.on_regression
      WHEN 'escalation' THEN r.on_escalation WHEN 'frequency' THEN r.frequency_count IS NOT NULL
      ELSE false END
    AND (r.environments IS NULL OR p_environment = ANY (r.environments))
    AND p_severity >= r.min_severity
$$;--> statement-breakpoint
-- What a notification says, as a snapshot (the error may be gone when it is delivered).
CREATE FUNCTION "alert_context"(p_title text, p_level text, p_environment text, p_origin text,
  p_culprit text, p_count integer, p_first_seen timestamptz, p_last_seen timestamptz,
  p_release text, p_reason jsonb, p_frequency jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_build_object('title', p_title, 'level', p_level, 'environment', p_environment,
    'origin', p_origin, 'culprit', p_culprit, 'count', p_count, 'firstSeen', p_first_seen,
    'lastSeen', p_last_seen, 'release', p_release, 'reason', p_reason, 'frequency', p_frequency)
$$;--> statement-breakpoint
-- A rule fires for an error: unless it already fired for that error within its cooldown, a
-- notification (the outbox) and one pending delivery per channel. Returns 1 if it fired.
-- Concurrent writers of one error hold its row lock, so they stamp its cooldown in turn.
CREATE FUNCTION "alert_fire"(r alert_rules, p_error_id bigint, p_kind text, p_context jsonb)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  notification bigint;
BEGIN
  INSERT INTO alert_cooldowns AS c (rule_id, error_id, last_fired_at)
  VALUES (r.id, p_error_id, now())
  ON CONFLICT (rule_id, error_id) DO UPDATE SET last_fired_at = excluded.last_fired_at
    WHERE c.last_fired_at <= now() - make_interval(mins => r.cooldown_minutes);
  IF NOT FOUND THEN RETURN 0; END IF;
  INSERT INTO alert_notifications (rule_id, project_id, error_id, kind, context)
  VALUES (r.id, r.project_id, p_error_id, p_kind, p_context) RETURNING id INTO notification;
  INSERT INTO alert_deliveries (notification_id, channel_id)
  SELECT notification, ch.id FROM alert_channels ch WHERE ch.rule_id = r.id ORDER BY ch.id;
  RETURN 1;
END $$;--> statement-breakpoint
-- "More than N events of one error within M minutes": the events already stored plus those
-- of the batch being written (`p_batch_times`), unless the rule is cooling down for the error
-- (then nothing is counted). The hourly buckets from the hour the window starts in are an
-- upper bound, two or three index probes: only when it passes N are the events themselves
-- counted from the events index, at most N + 1 of them.
CREATE FUNCTION "alert_frequency_met"(r alert_rules, p_error_id bigint, p_batch_times timestamptz[])
RETURNS boolean LANGUAGE plpgsql STABLE AS $$
DECLARE
  since timestamptz := now() - make_interval(mins => r.frequency_minutes);
  stored bigint;
BEGIN
  IF EXISTS (SELECT 1 FROM alert_cooldowns c WHERE c.rule_id = r.id AND c.error_id = p_error_id
    AND c.last_fired_at > now() - make_interval(mins => r.cooldown_minutes)) THEN
    RETURN false;
  END IF;
  SELECT coalesce(sum(h.count), 0) INTO stored FROM error_hourly_counts h
  WHERE h.error_id = p_error_id
    AND h.hour >= date_trunc('hour', since AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
  IF stored + cardinality(p_batch_times) <= r.frequency_count THEN
    RETURN false;
  END IF;
  SELECT count(*) INTO stored FROM (SELECT 1 FROM events v
    WHERE v.error_id = p_error_id AND v.occurred_at >= since LIMIT r.frequency_count + 1) s;
  RETURN stored + (SELECT count(*) FROM unnest(p_batch_times) t WHERE t >= since)
    > r.frequency_count;
END $$;--> statement-breakpoint
-- Regressions and escalations, whoever caused them (the ingest write, the archive sweep):
-- recorded in the activity, as before, and sent to the rules that listen.
CREATE OR REPLACE FUNCTION "error_reopened_activity"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  kind text := CASE NEW.substatus WHEN 'regressed' THEN 'regression' ELSE 'escalation' END;
BEGIN
  INSERT INTO error_activity (error_id, actor_user_id, kind, detail)
  VALUES (NEW.id, NULL, kind, coalesce(NEW.reopen_detail, '{}'::jsonb));
  PERFORM alert_fire(r, NEW.id, kind, alert_context(NEW.title, NEW.level, NEW.environment,
      NEW.origin, NEW.culprit, NEW.event_count, NEW.first_seen, NEW.last_seen,
      NEW.last_release, NEW.reopen_detail, NULL))
  FROM alert_rules r
  WHERE r.project_id = NEW.project_id AND alert_rule_matches(r, kind, NEW.environment, NEW.severity)
  ORDER BY r.id;
  RETURN NULL;
END $$;
