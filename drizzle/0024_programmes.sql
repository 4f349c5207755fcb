CREATE TABLE "programme_enrolments" (
	"organisation_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"source" text NOT NULL,
	"enrolled_at" timestamp with time zone NOT NULL,
	"left_at" timestamp with time zone,
	CONSTRAINT "programme_enrolments_organisation_id_programme_id_person_id_pk" PRIMARY KEY("organisation_id","programme_id","person_id"),
	CONSTRAINT "programme_enrolments_source_known" CHECK ("programme_enrolments"."source" IN ('team', 'stage', 'line', 'csv', 'person'))
);
--> statement-breakpoint
CREATE TABLE "programme_launches" (
	"organisation_id" uuid NOT NULL,
	"step_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"launched_at" timestamp with time zone NOT NULL,
	"campaign_id" uuid,
	CONSTRAINT "programme_launches_organisation_id_step_id_person_id_pk" PRIMARY KEY("organisation_id","step_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "programme_stages" (
	"organisation_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"career_stage_id" uuid NOT NULL,
	CONSTRAINT "programme_stages_organisation_id_programme_id_career_stage_id_pk" PRIMARY KEY("organisation_id","programme_id","career_stage_id")
);
--> statement-breakpoint
CREATE TABLE "programme_steps" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"offset_days" integer NOT NULL,
	CONSTRAINT "programme_steps_organisation_id_id_pk" PRIMARY KEY("organisation_id","id"),
	CONSTRAINT "programme_steps_kind_known" CHECK ("programme_steps"."kind" IN ('self-assessment', '360', 'plan', 'practice', 'pulse', 're-assessment')),
	CONSTRAINT "programme_steps_offset" CHECK ("programme_steps"."offset_days" BETWEEN 0 AND 730),
	CONSTRAINT "programme_steps_text" CHECK (char_length("programme_steps"."title") BETWEEN 1 AND 120
          AND char_length("programme_steps"."description") <= 1000)
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"template" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programmes_organisation_id_id_pk" PRIMARY KEY("organisation_id","id"),
	CONSTRAINT "programmes_dates" CHECK ("programmes"."starts_on" <= "programmes"."ends_on"),
	CONSTRAINT "programmes_template_known" CHECK ("programmes"."template" IN ('early-career', 'first-time-managers', 'experienced-managers', 'senior-leaders')),
	CONSTRAINT "programmes_text" CHECK (char_length("programmes"."name") BETWEEN 1 AND 120
          AND char_length("programmes"."description") <= 2000)
);
--> statement-breakpoint
ALTER TABLE "programme_enrolments" ADD CONSTRAINT "programme_enrolments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_enrolments" ADD CONSTRAINT "programme_enrolments_programme_fk" FOREIGN KEY ("organisation_id","programme_id") REFERENCES "public"."programmes"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_enrolments" ADD CONSTRAINT "programme_enrolments_person_fk" FOREIGN KEY ("organisation_id","person_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_launches" ADD CONSTRAINT "programme_launches_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_launches" ADD CONSTRAINT "programme_launches_step_fk" FOREIGN KEY ("organisation_id","step_id") REFERENCES "public"."programme_steps"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_launches" ADD CONSTRAINT "programme_launches_enrolment_fk" FOREIGN KEY ("organisation_id","programme_id","person_id") REFERENCES "public"."programme_enrolments"("organisation_id","programme_id","person_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_stages" ADD CONSTRAINT "programme_stages_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_stages" ADD CONSTRAINT "programme_stages_programme_fk" FOREIGN KEY ("organisation_id","programme_id") REFERENCES "public"."programmes"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_stages" ADD CONSTRAINT "programme_stages_stage_fk" FOREIGN KEY ("organisation_id","career_stage_id") REFERENCES "public"."career_stages"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_steps" ADD CONSTRAINT "programme_steps_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_steps" ADD CONSTRAINT "programme_steps_programme_fk" FOREIGN KEY ("organisation_id","programme_id") REFERENCES "public"."programmes"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_created_by_fk" FOREIGN KEY ("organisation_id","created_by_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "programme_enrolments_person" ON "programme_enrolments" USING btree ("organisation_id","person_id");--> statement-breakpoint
CREATE INDEX "programme_launches_programme" ON "programme_launches" USING btree ("organisation_id","programme_id","person_id");--> statement-breakpoint
CREATE INDEX "programme_steps_programme" ON "programme_steps" USING btree ("organisation_id","programme_id","position");--> statement-breakpoint
CREATE INDEX "programmes_starts" ON "programmes" USING btree ("organisation_id","starts_on");--> statement-breakpoint
-- Tenant isolation (0001_tenancy.sql). Not owner-only (0014): these rows hold who is in a programme
-- and which step went out when, no person's own text; what a step creates (assessments, 360s,
-- plans) stays in its owner's tables under their own policies.
SELECT lodestar_enable_tenancy('programmes');
--> statement-breakpoint
SELECT lodestar_enable_tenancy('programme_stages');
--> statement-breakpoint
SELECT lodestar_enable_tenancy('programme_steps');
--> statement-breakpoint
SELECT lodestar_enable_tenancy('programme_enrolments');
--> statement-breakpoint
SELECT lodestar_enable_tenancy('programme_launches');
