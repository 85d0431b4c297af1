DROP INDEX "errors_frequency_idx";--> statement-breakpoint
DROP INDEX "errors_level_idx";--> statement-breakpoint
DROP INDEX "errors_last_seen_idx";--> statement-breakpoint
DROP INDEX "errors_first_seen_idx";--> statement-breakpoint
CREATE INDEX "errors_frequency_idx" ON "errors" USING btree ("project_id","environment","event_count" DESC NULLS LAST,"severity" DESC NULLS LAST,"last_seen" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "errors_level_idx" ON "errors" USING btree ("project_id","environment","severity" DESC NULLS LAST,"event_count" DESC NULLS LAST,"last_seen" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "errors_last_seen_idx" ON "errors" USING btree ("project_id","environment","last_seen" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "errors_first_seen_idx" ON "errors" USING btree ("project_id","environment","first_seen" DESC NULLS LAST,"id" DESC NULLS LAST);