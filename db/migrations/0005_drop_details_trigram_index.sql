DROP INDEX "errors_details_trgm_idx";--> statement-breakpoint
ALTER TABLE "errors" SET (fillfactor = 80);
