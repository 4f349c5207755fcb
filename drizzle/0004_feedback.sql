CREATE TABLE "feedback_campaigns" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"subject_id" uuid NOT NULL,
	"created_by_id" uuid NOT NULL,
	"origin" text NOT NULL,
	"version_id" uuid NOT NULL,
	"status" text DEFAULT 'nominating' NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"policy" jsonb NOT NULL,
	"approval_required" boolean NOT NULL,
	"shared_with_manager" boolean DEFAULT false NOT NULL,
	"shared_coach_id" uuid,
	"report" jsonb,
	"report_meta" jsonb,
	"released_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feedback_campaigns_organisation_id_id_pk" PRIMARY KEY("organisation_id","id"),
	CONSTRAINT "feedback_campaigns_status_known" CHECK ("feedback_campaigns"."status" IN ('nominating', 'awaiting_approval', 'open', 'closed', 'released')),
	CONSTRAINT "feedback_campaigns_released" CHECK (("feedback_campaigns"."status" = 'released') = ("feedback_campaigns"."report" IS NOT NULL AND "feedback_campaigns"."released_at" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "feedback_raters" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"rater_group" text NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"status" text DEFAULT 'invited' NOT NULL,
	"token_hash" text,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"comments" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"reminders_sent" integer DEFAULT 0 NOT NULL,
	"invited_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feedback_raters_organisation_id_id_pk" PRIMARY KEY("organisation_id","id"),
	CONSTRAINT "feedback_raters_group_known" CHECK ("feedback_raters"."rater_group" IN ('manager', 'peers', 'direct_reports', 'others')),
	CONSTRAINT "feedback_raters_status_known" CHECK ("feedback_raters"."status" IN ('invited', 'submitted', 'declined', 'removed')),
	CONSTRAINT "feedback_raters_submitted_at" CHECK (("feedback_raters"."status" = 'submitted') = ("feedback_raters"."submitted_at" IS NOT NULL)),
	CONSTRAINT "feedback_raters_answers_shape" CHECK (jsonb_typeof("feedback_raters"."answers") = 'object' AND NOT jsonb_path_exists("feedback_raters"."answers", '$.* ? (@ != null && (@.type() != "number" || @ < 1 || @ > 11 || @.floor() != @))'))
);
--> statement-breakpoint
CREATE TABLE "feedback_settings" (
	"organisation_id" uuid NOT NULL,
	"approval_required" boolean DEFAULT true NOT NULL,
	"fatigue_threshold" integer DEFAULT 5 NOT NULL,
	"reminder_interval_days" integer DEFAULT 3 NOT NULL,
	"max_reminders" integer DEFAULT 2 NOT NULL,
	"default_duration_days" integer DEFAULT 14 NOT NULL,
	"disclosure" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "feedback_settings_organisation_id_pk" PRIMARY KEY("organisation_id")
);
--> statement-breakpoint
ALTER TABLE "feedback_campaigns" ADD CONSTRAINT "feedback_campaigns_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_campaigns" ADD CONSTRAINT "feedback_campaigns_subject_fk" FOREIGN KEY ("organisation_id","subject_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_campaigns" ADD CONSTRAINT "feedback_campaigns_version_fk" FOREIGN KEY ("organisation_id","version_id") REFERENCES "public"."framework_versions"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_raters" ADD CONSTRAINT "feedback_raters_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_raters" ADD CONSTRAINT "feedback_raters_campaign_fk" FOREIGN KEY ("organisation_id","campaign_id") REFERENCES "public"."feedback_campaigns"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_settings" ADD CONSTRAINT "feedback_settings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_campaigns_one_active" ON "feedback_campaigns" USING btree ("organisation_id","subject_id") WHERE "feedback_campaigns"."status" <> 'released';--> statement-breakpoint
CREATE INDEX "feedback_campaigns_due" ON "feedback_campaigns" USING btree ("status","deadline");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_raters_token" ON "feedback_raters" USING btree ("organisation_id","token_hash");--> statement-breakpoint
CREATE INDEX "feedback_raters_campaign" ON "feedback_raters" USING btree ("organisation_id","campaign_id");--> statement-breakpoint
CREATE INDEX "feedback_raters_email" ON "feedback_raters" USING btree ("organisation_id","email");