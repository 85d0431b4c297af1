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
ALTER TABLE "error_tag_values" ADD CONSTRAINT "error_tag_values_error_id_errors_id_fk" FOREIGN KEY ("error_id") REFERENCES "public"."errors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "error_tag_values_project_key_value_idx" ON "error_tag_values" USING btree ("project_id","key","value","error_id");