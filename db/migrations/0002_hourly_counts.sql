CREATE TABLE "error_hourly_counts" (
	"error_id" bigint NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "error_hourly_counts_error_id_hour_pk" PRIMARY KEY("error_id","hour")
);
--> statement-breakpoint
ALTER TABLE "error_hourly_counts" ADD CONSTRAINT "error_hourly_counts_error_id_errors_id_fk" FOREIGN KEY ("error_id") REFERENCES "public"."errors"("id") ON DELETE cascade ON UPDATE no action;