CREATE TABLE "climate_invitations" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"respondent_id" uuid NOT NULL,
	"leader_id" uuid NOT NULL,
	"team_id" uuid,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"status" text DEFAULT 'invited' NOT NULL,
	"token_hash" text NOT NULL,
	"reminders_sent" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "climate_invitations_organisation_id_id_pk" PRIMARY KEY("organisation_id","id"),
	CONSTRAINT "climate_invitations_status_known" CHECK ("climate_invitations"."status" IN ('invited', 'submitted'))
);
--> statement-breakpoint
CREATE TABLE "climate_responses" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"leader_id" uuid NOT NULL,
	"team_id" uuid,
	"answers" jsonb NOT NULL,
	CONSTRAINT "climate_responses_organisation_id_id_pk" PRIMARY KEY("organisation_id","id"),
	CONSTRAINT "climate_responses_answers_shape" CHECK (jsonb_typeof("climate_responses"."answers") = 'object' AND NOT jsonb_path_exists("climate_responses"."answers", '$.* ? (@.type() != "number" || @ < 1 || @ > 5 || @.floor() != @)'))
);
--> statement-breakpoint
CREATE TABLE "climate_rounds" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"period" text NOT NULL,
	"instrument_version" integer NOT NULL,
	"item_keys" text[] NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"minimum" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"results" jsonb,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "climate_rounds_organisation_id_id_pk" PRIMARY KEY("organisation_id","id"),
	CONSTRAINT "climate_rounds_status_known" CHECK ("climate_rounds"."status" IN ('open', 'closed')),
	CONSTRAINT "climate_rounds_closed" CHECK (("climate_rounds"."status" = 'closed') = ("climate_rounds"."results" IS NOT NULL AND "climate_rounds"."closed_at" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "climate_settings" (
	"organisation_id" uuid NOT NULL,
	"interval_weeks" integer,
	"window_days" integer DEFAULT 14 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "climate_settings_organisation_id_pk" PRIMARY KEY("organisation_id"),
	CONSTRAINT "climate_settings_interval" CHECK ("climate_settings"."interval_weeks" IS NULL OR "climate_settings"."interval_weeks" BETWEEN 1 AND 52),
	CONSTRAINT "climate_settings_window" CHECK ("climate_settings"."window_days" BETWEEN 3 AND 60)
);
--> statement-breakpoint
ALTER TABLE "climate_invitations" ADD CONSTRAINT "climate_invitations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_invitations" ADD CONSTRAINT "climate_invitations_round_fk" FOREIGN KEY ("organisation_id","round_id") REFERENCES "public"."climate_rounds"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_responses" ADD CONSTRAINT "climate_responses_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_responses" ADD CONSTRAINT "climate_responses_round_fk" FOREIGN KEY ("organisation_id","round_id") REFERENCES "public"."climate_rounds"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_rounds" ADD CONSTRAINT "climate_rounds_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climate_settings" ADD CONSTRAINT "climate_settings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "climate_invitations_respondent" ON "climate_invitations" USING btree ("organisation_id","round_id","respondent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "climate_invitations_token" ON "climate_invitations" USING btree ("organisation_id","token_hash");--> statement-breakpoint
CREATE INDEX "climate_responses_round" ON "climate_responses" USING btree ("organisation_id","round_id");--> statement-breakpoint
CREATE UNIQUE INDEX "climate_rounds_period" ON "climate_rounds" USING btree ("organisation_id","period");--> statement-breakpoint
CREATE UNIQUE INDEX "climate_rounds_one_open" ON "climate_rounds" USING btree ("organisation_id") WHERE "climate_rounds"."status" = 'open';--> statement-breakpoint
CREATE INDEX "climate_rounds_due" ON "climate_rounds" USING btree ("status","deadline");--> statement-breakpoint
-- Tenant isolation (0001_tenancy.sql) on every climate table. Not owner-only (0014): responses hold
-- no identity (only leader and team as at send time), and they are read only by the round's close,
-- which decides what may be shown through the disclosure module; no route returns a row of them.
SELECT lodestar_enable_tenancy('climate_settings');
--> statement-breakpoint
SELECT lodestar_enable_tenancy('climate_rounds');
--> statement-breakpoint
SELECT lodestar_enable_tenancy('climate_invitations');
--> statement-breakpoint
SELECT lodestar_enable_tenancy('climate_responses');
