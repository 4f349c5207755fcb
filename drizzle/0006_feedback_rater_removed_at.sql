-- Raters taken off a 360's list keep their row: one who had answered or declined keeps that (it
-- still counts in the report, docs/decisions/0007); `removed_at` marks the row as off the list.
ALTER TABLE "feedback_raters" ADD COLUMN "removed_at" timestamp with time zone;--> statement-breakpoint
-- Rows removed before this column existed (status 'removed', no link) are off the list since then.
UPDATE "feedback_raters" SET "removed_at" = "updated_at", "token_hash" = NULL WHERE "status" = 'removed';--> statement-breakpoint
ALTER TABLE "feedback_raters" ADD CONSTRAINT "feedback_raters_removed" CHECK (("feedback_raters"."status" <> 'removed' OR "feedback_raters"."removed_at" IS NOT NULL) AND ("feedback_raters"."removed_at" IS NULL OR "feedback_raters"."token_hash" IS NULL));
