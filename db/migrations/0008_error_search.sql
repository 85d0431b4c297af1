CREATE TABLE "error_search" (
	"error_id" bigint PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"environment" varchar(64) NOT NULL,
	"text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "error_search_queue" (
	"error_id" bigint PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"environment" varchar(64) NOT NULL,
	"text" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "error_search" ADD CONSTRAINT "error_search_error_id_errors_id_fk" FOREIGN KEY ("error_id") REFERENCES "public"."errors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "error_search_queue" ADD CONSTRAINT "error_search_queue_error_id_errors_id_fk" FOREIGN KEY ("error_id") REFERENCES "public"."errors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Hand-written below: the triggers that queue an error's search text, and the backfill
-- (before the index, which is faster to build once than to grow row by row). The queue is
-- drained into error_search by drainSearchQueue (db/queries/error-search.ts).
CREATE FUNCTION "error_search_enqueue"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO error_search_queue (error_id, project_id, environment, text)
  VALUES (NEW.id, NEW.project_id, NEW.environment, NEW.title || E'\n' || NEW.details_preview)
  ON CONFLICT (error_id) DO UPDATE SET text = excluded.text;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "errors_search_insert" AFTER INSERT ON "errors"
  FOR EACH ROW EXECUTE FUNCTION "error_search_enqueue"();--> statement-breakpoint
-- The WHEN clause is evaluated without calling the function: the counter updates of every
-- ingest batch, which leave the text as it was, cost one comparison.
CREATE TRIGGER "errors_search_update" AFTER UPDATE OF "title", "details_preview" ON "errors"
  FOR EACH ROW
  WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.details_preview IS DISTINCT FROM NEW.details_preview)
  EXECUTE FUNCTION "error_search_enqueue"();--> statement-breakpoint
INSERT INTO "error_search" (error_id, project_id, environment, text)
  SELECT id, project_id, environment, title || E'\n' || details_preview FROM "errors";--> statement-breakpoint
CREATE INDEX "error_search_text_trgm_idx" ON "error_search" USING gin ("text" gin_trgm_ops);--> statement-breakpoint
-- A search's candidates in the index (db/queries/error-search.ts, searchCandidates). The planner
-- prices the trigram index of a term with common trigrams ("service-777") above a parallel
-- scan of the whole table (40-90 ms at 100,000 errors, against 3 ms through the index), so
-- seq scans are off inside this function: the index, then at most p_limit rows.
-- p_environments null: every environment; p_exclude: all but those listed.
CREATE FUNCTION "error_search_candidates"(p_project integer, p_pattern text,
  p_environments text[], p_exclude boolean, p_limit integer)
RETURNS SETOF bigint LANGUAGE sql STABLE SET enable_seqscan = off AS $$
  SELECT error_id FROM error_search
  WHERE project_id = p_project AND text ILIKE p_pattern
    AND (p_environments IS NULL OR (environment = ANY (p_environments)) <> p_exclude)
  LIMIT p_limit
$$;
