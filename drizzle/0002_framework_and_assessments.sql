CREATE TABLE "assessments" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"career_stage_id" uuid,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	CONSTRAINT "assessments_organisation_id_id_pk" PRIMARY KEY("organisation_id","id"),
	CONSTRAINT "assessments_status_known" CHECK ("assessments"."status" IN ('open', 'submitted')),
	CONSTRAINT "assessments_submitted_at" CHECK (("assessments"."status" = 'submitted') = ("assessments"."submitted_at" IS NOT NULL)),
	CONSTRAINT "assessments_answers_shape" CHECK (jsonb_typeof("assessments"."answers") = 'object' AND NOT jsonb_path_exists("assessments"."answers", '$.* ? (@ != null && (@.type() != "number" || @ < 1 || @ > 11 || @.floor() != @))'))
);
--> statement-breakpoint
CREATE TABLE "stage_balance_expectations" (
	"organisation_id" uuid NOT NULL,
	"career_stage_id" uuid NOT NULL,
	"lead_share" numeric(3, 2) NOT NULL,
	CONSTRAINT "stage_balance_expectations_organisation_id_career_stage_id_pk" PRIMARY KEY("organisation_id","career_stage_id"),
	CONSTRAINT "stage_balance_expectations_share" CHECK ("stage_balance_expectations"."lead_share" BETWEEN 0 AND 1)
);
--> statement-breakpoint
CREATE TABLE "framework_blocks" (
	"organisation_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"key" text NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	CONSTRAINT "framework_blocks_organisation_id_version_id_key_pk" PRIMARY KEY("organisation_id","version_id","key"),
	CONSTRAINT "framework_blocks_kind_known" CHECK ("framework_blocks"."kind" IN ('building-block', 'practice', 'values', 'derailers', 'climate'))
);
--> statement-breakpoint
CREATE TABLE "framework_capabilities" (
	"organisation_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"key" text NOT NULL,
	"block_key" text NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"explanation" text NOT NULL,
	"practice" text,
	"derailer" boolean DEFAULT false NOT NULL,
	"response_scale" text NOT NULL,
	CONSTRAINT "framework_capabilities_organisation_id_version_id_key_pk" PRIMARY KEY("organisation_id","version_id","key"),
	CONSTRAINT "framework_capabilities_practice_known" CHECK ("framework_capabilities"."practice" IS NULL OR "framework_capabilities"."practice" IN ('manage', 'lead'))
);
--> statement-breakpoint
CREATE TABLE "framework_items" (
	"organisation_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"key" text NOT NULL,
	"capability_key" text NOT NULL,
	"position" integer NOT NULL,
	"self_text" text NOT NULL,
	"observer_text" text NOT NULL,
	"reversed" boolean DEFAULT false NOT NULL,
	"retired" boolean DEFAULT false NOT NULL,
	CONSTRAINT "framework_items_organisation_id_version_id_key_pk" PRIMARY KEY("organisation_id","version_id","key")
);
--> statement-breakpoint
CREATE TABLE "framework_versions" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"number" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"response_scales" jsonb NOT NULL,
	"source_version_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "framework_versions_organisation_id_id_pk" PRIMARY KEY("organisation_id","id"),
	CONSTRAINT "framework_versions_organisation_id_number_unique" UNIQUE("organisation_id","number"),
	CONSTRAINT "framework_versions_status_known" CHECK ("framework_versions"."status" IN ('draft', 'published')),
	CONSTRAINT "framework_versions_published_at" CHECK (("framework_versions"."status" = 'published') = ("framework_versions"."published_at" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_person_fk" FOREIGN KEY ("organisation_id","person_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_version_fk" FOREIGN KEY ("organisation_id","version_id") REFERENCES "public"."framework_versions"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_balance_expectations" ADD CONSTRAINT "stage_balance_expectations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_balance_expectations" ADD CONSTRAINT "stage_balance_expectations_stage_fk" FOREIGN KEY ("organisation_id","career_stage_id") REFERENCES "public"."career_stages"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_blocks" ADD CONSTRAINT "framework_blocks_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_blocks" ADD CONSTRAINT "framework_blocks_version_fk" FOREIGN KEY ("organisation_id","version_id") REFERENCES "public"."framework_versions"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_capabilities" ADD CONSTRAINT "framework_capabilities_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_capabilities" ADD CONSTRAINT "framework_capabilities_block_fk" FOREIGN KEY ("organisation_id","version_id","block_key") REFERENCES "public"."framework_blocks"("organisation_id","version_id","key") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_items" ADD CONSTRAINT "framework_items_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_items" ADD CONSTRAINT "framework_items_capability_fk" FOREIGN KEY ("organisation_id","version_id","capability_key") REFERENCES "public"."framework_capabilities"("organisation_id","version_id","key") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_versions" ADD CONSTRAINT "framework_versions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_versions" ADD CONSTRAINT "framework_versions_source_fk" FOREIGN KEY ("organisation_id","source_version_id") REFERENCES "public"."framework_versions"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assessments_one_open" ON "assessments" USING btree ("organisation_id","person_id") WHERE "assessments"."status" = 'open';--> statement-breakpoint
CREATE INDEX "assessments_organisation_id_person_id_submitted_at_index" ON "assessments" USING btree ("organisation_id","person_id","submitted_at");--> statement-breakpoint
CREATE INDEX "assessments_organisation_id_version_id_status_index" ON "assessments" USING btree ("organisation_id","version_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "framework_versions_one_draft" ON "framework_versions" USING btree ("organisation_id") WHERE "framework_versions"."status" = 'draft';