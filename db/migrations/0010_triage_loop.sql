CREATE TABLE "error_activity" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "error_activity_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"error_id" bigint NOT NULL,
	"actor_user_id" integer,
	"kind" varchar(16) NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "error_releases" (
	"error_id" bigint NOT NULL,
	"project_id" integer NOT NULL,
	"release" varchar(200) NOT NULL,
	"count" integer NOT NULL,
	"first_seen" timestamp with time zone NOT NULL,
	"last_seen" timestamp with time zone NOT NULL,
	CONSTRAINT "error_releases_error_id_release_pk" PRIMARY KEY("error_id","release")
);
--> statement-breakpoint
CREATE TABLE "releases" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "releases_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"project_id" integer NOT NULL,
	"name" varchar(200) NOT NULL,
	"first_seen" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "errors" ADD COLUMN "substatus" varchar(16);--> statement-breakpoint
ALTER TABLE "errors" ADD COLUMN "status_changed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "errors" ADD COLUMN "status_changed_by_user_id" integer;--> statement-breakpoint
ALTER TABLE "errors" ADD COLUMN "status_event_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "errors" ADD COLUMN "resolution" varchar(16);--> statement-breakpoint
ALTER TABLE "errors" ADD COLUMN "resolved_in_release" varchar(200);--> statement-breakpoint
ALTER TABLE "errors" ADD COLUMN "resolved_release_key" text;--> statement-breakpoint
ALTER TABLE "errors" ADD COLUMN "resolved_release_seq" bigint;--> statement-breakpoint
ALTER TABLE "errors" ADD COLUMN "regressed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "errors" ADD COLUMN "reopen_detail" jsonb;--> statement-breakpoint
ALTER TABLE "errors" ADD COLUMN "archive_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "errors" ADD COLUMN "archive_until_events" integer;--> statement-breakpoint
ALTER TABLE "errors" ADD COLUMN "archive_rate_count" integer;--> statement-breakpoint
ALTER TABLE "errors" ADD COLUMN "archive_rate_minutes" integer;--> statement-breakpoint
ALTER TABLE "errors" ADD COLUMN "assignee_user_id" integer;--> statement-breakpoint
ALTER TABLE "errors" ADD COLUMN "first_release" varchar(200);--> statement-breakpoint
ALTER TABLE "errors" ADD COLUMN "last_release" varchar(200);--> statement-breakpoint
ALTER TABLE "error_activity" ADD CONSTRAINT "error_activity_error_id_errors_id_fk" FOREIGN KEY ("error_id") REFERENCES "public"."errors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "error_activity" ADD CONSTRAINT "error_activity_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "error_releases" ADD CONSTRAINT "error_releases_error_id_errors_id_fk" FOREIGN KEY ("error_id") REFERENCES "public"."errors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "releases" ADD CONSTRAINT "releases_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "error_activity_error_idx" ON "error_activity" USING btree ("error_id","id");--> statement-breakpoint
CREATE INDEX "error_releases_project_release_idx" ON "error_releases" USING btree ("project_id","release","error_id");--> statement-breakpoint
CREATE UNIQUE INDEX "releases_project_name_key" ON "releases" USING btree ("project_id","name");--> statement-breakpoint
ALTER TABLE "errors" ADD CONSTRAINT "errors_status_changed_by_user_id_users_id_fk" FOREIGN KEY ("status_changed_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "errors" ADD CONSTRAINT "errors_assignee_user_id_users_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "errors_archive_until_idx" ON "errors" USING btree ("archive_until") WHERE status = 'archived' AND archive_until IS NOT NULL;--> statement-breakpoint
-- A release name's semver order as text that sorts byte-wise (COLLATE "C"), or null when the
-- name is not a version. An optional "package@" prefix and a leading "v" are ignored; 1 to 4
-- numeric parts (missing ones are 0), then an optional pre-release and build (ignored, as
-- semver says). Numbers are written with their length first ("2" + digits count) so that 10
-- sorts after 9; a release sorts after its pre-releases ("~" after "-"); pre-release parts
-- compare numbers below words, numbers by value, words by ASCII, a shorter list first ("!"
-- ends each part and sorts below every character a part may hold).
-- Used by the ingest write (resolve in next release) and by the resolve itself.
CREATE FUNCTION "release_semver_key"(p_name text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  WITH m AS (
    SELECT regexp_match(p_name,
      '^(?:[^@]{1,100}@)?v?([0-9]{1,40})(?:\.([0-9]{1,40}))?(?:\.([0-9]{1,40}))?(?:\.([0-9]{1,40}))?(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z.-]+)?$'
    ) AS p
  ), n AS (
    SELECT p, (SELECT string_agg(
        lpad(length(v)::text, 2, '0') || v, '' ORDER BY i)
      FROM unnest(ARRAY[
        coalesce(nullif(ltrim(p[1], '0'), ''), '0'), coalesce(nullif(ltrim(p[2], '0'), ''), '0'),
        coalesce(nullif(ltrim(p[3], '0'), ''), '0'), coalesce(nullif(ltrim(p[4], '0'), ''), '0')
      ]) WITH ORDINALITY AS u(v, i)) AS numbers
    FROM m WHERE p IS NOT NULL
  )
  SELECT numbers || CASE WHEN p[5] IS NULL THEN '~' ELSE '-' || (
    SELECT string_agg(CASE WHEN part ~ '^[0-9]{1,40}$'
        THEN '1' || lpad(length(coalesce(nullif(ltrim(part, '0'), ''), '0'))::text, 2, '0')
          || coalesce(nullif(ltrim(part, '0'), ''), '0')
        ELSE '2' || part END || '!', '' ORDER BY i)
    FROM unnest(string_to_array(p[5], '.')) WITH ORDINALITY AS u(part, i)) END
  FROM n
$$;--> statement-breakpoint
-- Releases, and each error's, from the events already stored (once).
INSERT INTO "releases" (project_id, name, first_seen)
  SELECT project_id, release, min(received_at) FROM "events" WHERE release IS NOT NULL
  GROUP BY project_id, release ORDER BY min(received_at);--> statement-breakpoint
INSERT INTO "error_releases" (error_id, project_id, release, count, first_seen, last_seen)
  SELECT error_id, project_id, release, count(*), min(occurred_at), max(occurred_at)
  FROM "events" WHERE release IS NOT NULL GROUP BY error_id, project_id, release;--> statement-breakpoint
UPDATE "errors" e SET first_release = r.first_release, last_release = r.last_release
  FROM (SELECT error_id,
      (array_agg(release ORDER BY first_seen))[1] AS first_release,
      (array_agg(release ORDER BY last_seen DESC))[1] AS last_release
    FROM "error_releases" GROUP BY error_id) r
  WHERE e.id = r.error_id;
--> statement-breakpoint
-- Whether an error that is not open reopens with a batch of its events, and why: the rules
-- of DESIGN.md, "Resolve, archive, regressions". Called by the ingest write (db/queries/
-- ingest-write.ts) for each such error, with its row as locked (the newest version: a resolve
-- that committed while the write waited is seen), the batch's event count and the batch's
-- events ([{eventId, eventRef, release, at}], oldest first). Returns null (it stays) or the
-- reason, stored in reopen_detail: {"reason": "regression" | "escalation", …}.
-- A resolved error regresses on any new event (resolution "now"), or ("inNextRelease") on the
-- first event from a release newer than the one it was last seen in when resolved: semver
-- order when both names parse (release_semver_key), else the order in which the project first
-- saw them (releases.id; a release not yet stored is the newest). An event without a release
-- never regresses "inNextRelease". An archived error escalates when its condition is met: a
-- time passed, N events since it was archived, or N events within M minutes (counted from
-- the events index, reading at most N rows).
CREATE FUNCTION "error_reopen"(e errors, batch_count integer, batch_events jsonb) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
DECLARE
  ev jsonb;
  since timestamptz;
  recent bigint;
BEGIN
  IF e.status = 'resolved' THEN
    IF e.resolution IS DISTINCT FROM 'inNextRelease' THEN
      ev := batch_events -> 0;
    ELSE
      SELECT b INTO ev FROM jsonb_array_elements(batch_events) WITH ORDINALITY AS t(b, i)
      WHERE b ->> 'release' IS NOT NULL
        AND b ->> 'release' IS DISTINCT FROM e.resolved_in_release
        AND (e.resolved_in_release IS NULL OR CASE
          WHEN e.resolved_release_key IS NOT NULL AND release_semver_key(b ->> 'release') IS NOT NULL
          THEN release_semver_key(b ->> 'release') COLLATE "C" > e.resolved_release_key COLLATE "C"
          ELSE coalesce((SELECT o.id FROM releases o WHERE o.project_id = e.project_id
            AND o.name = b ->> 'release'), 9223372036854775807) > coalesce(e.resolved_release_seq, 0)
          END)
      ORDER BY i LIMIT 1;
      IF ev IS NULL THEN RETURN NULL; END IF;
    END IF;
    RETURN jsonb_build_object('reason', 'regression', 'resolution', coalesce(e.resolution, 'now'),
      'resolvedAt', e.status_changed_at, 'resolvedByUserId', e.status_changed_by_user_id,
      'resolvedInRelease', e.resolved_in_release, 'eventId', ev -> 'eventId',
      'eventRef', ev -> 'eventRef', 'release', ev -> 'release');
  ELSIF e.status = 'archived' THEN
    IF NOT (coalesce(e.archive_until <= now(), false)
      OR coalesce(e.event_count + batch_count - e.status_event_count >= e.archive_until_events, false))
    THEN
      IF e.archive_rate_count IS NULL THEN RETURN NULL; END IF;
      since := greatest(e.status_changed_at, now() - make_interval(mins => e.archive_rate_minutes));
      SELECT count(*) INTO recent FROM (SELECT 1 FROM events v
        WHERE v.error_id = e.id AND v.occurred_at >= since LIMIT e.archive_rate_count) s;
      recent := recent + (SELECT count(*) FROM jsonb_array_elements(batch_events) b
        WHERE (b ->> 'at')::timestamptz >= since);
      IF recent < e.archive_rate_count THEN RETURN NULL; END IF;
    END IF;
    ev := batch_events -> 0;
    RETURN jsonb_build_object('reason', 'escalation', 'archivedAt', e.status_changed_at,
      'archivedByUserId', e.status_changed_by_user_id,
      'condition', jsonb_strip_nulls(jsonb_build_object('until', e.archive_until,
        'untilEvents', e.archive_until_events, 'untilRate', CASE WHEN e.archive_rate_count
        IS NOT NULL THEN jsonb_build_object('count', e.archive_rate_count,
        'minutes', e.archive_rate_minutes) END)),
      'eventsSinceArchived', e.event_count + batch_count - e.status_event_count,
      'eventId', ev -> 'eventId', 'eventRef', ev -> 'eventRef', 'release', ev -> 'release');
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- The ingest write (and the sweep that ends time-limited archives) reopens errors by itself;
-- this records each such reopening in the error's activity, in the same transaction. A
-- person's changes are recorded by the statement that makes them, which knows who did it.
-- The WHEN clause is evaluated without calling the function, so the counter updates of
-- every ingest batch cost one comparison.
CREATE FUNCTION "error_reopened_activity"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO error_activity (error_id, actor_user_id, kind, detail)
  VALUES (NEW.id, NULL,
    CASE NEW.substatus WHEN 'regressed' THEN 'regression' ELSE 'escalation' END,
    coalesce(NEW.reopen_detail, '{}'::jsonb));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "errors_reopened" AFTER UPDATE OF "status" ON "errors"
  FOR EACH ROW
  WHEN (OLD.status <> 'open' AND NEW.status = 'open' AND NEW.substatus IS NOT NULL)
  EXECUTE FUNCTION "error_reopened_activity"();
