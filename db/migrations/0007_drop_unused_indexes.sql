DROP INDEX "errors_title_trgm_idx";--> statement-breakpoint
DROP INDEX "events_error_idx";