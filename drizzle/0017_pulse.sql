ALTER TABLE "feedback_campaigns" ADD COLUMN "kind" text DEFAULT 'full' NOT NULL;--> statement-breakpoint
ALTER TABLE "feedback_campaigns" ADD COLUMN "baseline_campaign_id" uuid;--> statement-breakpoint
ALTER TABLE "feedback_campaigns" ADD COLUMN "item_keys" text[];--> statement-breakpoint
ALTER TABLE "feedback_raters" ADD COLUMN "baseline_rater_id" uuid;--> statement-breakpoint
ALTER TABLE "feedback_campaigns" ADD CONSTRAINT "feedback_campaigns_baseline_fk" FOREIGN KEY ("organisation_id","baseline_campaign_id") REFERENCES "public"."feedback_campaigns"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_raters" ADD CONSTRAINT "feedback_raters_baseline_fk" FOREIGN KEY ("organisation_id","baseline_rater_id") REFERENCES "public"."feedback_raters"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_raters_baseline" ON "feedback_raters" USING btree ("organisation_id","campaign_id","baseline_rater_id");--> statement-breakpoint
ALTER TABLE "feedback_campaigns" ADD CONSTRAINT "feedback_campaigns_kind_known" CHECK ("feedback_campaigns"."kind" IN ('full', 'pulse'));--> statement-breakpoint
ALTER TABLE "feedback_campaigns" ADD CONSTRAINT "feedback_campaigns_pulse" CHECK (("feedback_campaigns"."kind" = 'pulse') = ("feedback_campaigns"."baseline_campaign_id" IS NOT NULL)
          AND ("feedback_campaigns"."kind" = 'pulse') = ("feedback_campaigns"."item_keys" IS NOT NULL)
          AND ("feedback_campaigns"."item_keys" IS NULL OR cardinality("feedback_campaigns"."item_keys") BETWEEN 3 AND 6));--> statement-breakpoint
-- A released pulse is frozen like a released 360 (0005): also what it was (its kind, its baseline
-- and its items), since its report was checked against exactly that baseline.
CREATE OR REPLACE FUNCTION lodestar_guard_released_feedback() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF OLD.status = 'released' AND (
       NEW.status IS DISTINCT FROM OLD.status OR NEW.report IS DISTINCT FROM OLD.report
       OR NEW.released_at IS DISTINCT FROM OLD.released_at OR NEW.policy IS DISTINCT FROM OLD.policy
       OR NEW.kind IS DISTINCT FROM OLD.kind OR NEW.baseline_campaign_id IS DISTINCT FROM OLD.baseline_campaign_id
       OR NEW.item_keys IS DISTINCT FROM OLD.item_keys) THEN
    RAISE EXCEPTION 'a released 360 report is frozen' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
