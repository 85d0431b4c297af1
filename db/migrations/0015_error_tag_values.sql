CREATE TABLE "error_tag_values" (
	"error_id" bigint NOT NULL,
	"project_id" integer NOT NULL,
	"key" varchar(32) NOT NULL,
	"value" varchar(200) NOT NULL,
	"count" integer NOT NULL,
	"first_seen" timestamp with time zone NOT NULL,
	"last_seen" timestamp with time zone NOT NULL,
	CONSTRAINT "error_tag_values_error_id_key_value_pk" PRIMARY KEY("error_id","key","value")
);
--> statement-breakpoint
CREATE INDEX "error_tag_values_project_key_value_idx" ON "error_tag_values" USING btree ("project_id","key","value","error_id");--> statement-breakpoint
-- Room on each page for the counters' updates, which then stay on the page (HOT) and touch no
-- index: most batches only add to values the error already holds.
ALTER TABLE "error_tag_values" SET (fillfactor = 70);--> statement-breakpoint
-- What ON DELETE CASCADE would do, once per statement, without a key check on every new row.
CREATE FUNCTION "error_tag_values_cascade"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM error_tag_values t USING deleted_errors d WHERE t.error_id = d.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "errors_tag_values_cascade" AFTER DELETE ON "errors"
  REFERENCING OLD TABLE AS deleted_errors
  FOR EACH STATEMENT EXECUTE FUNCTION "error_tag_values_cascade"();
