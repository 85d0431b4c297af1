CREATE TABLE "error_tag_deltas" (
	"deltas" jsonb NOT NULL
);
