-- Learning pathways (src/domains/pathways/schema.ts): a person's own ordered lists of library
-- modules with their progress. Private to the owner like plans (docs/decisions/0014).
CREATE TABLE "learning_pathway_steps" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"pathway_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"module_id" uuid NOT NULL,
	"started_at" timestamp with time zone,
	"practised_at" timestamp with time zone,
	"reflected_at" timestamp with time zone,
	"note" text,
	CONSTRAINT "learning_pathway_steps_organisation_id_id_pk" PRIMARY KEY("organisation_id","id"),
	CONSTRAINT "learning_pathway_steps_module_once" UNIQUE("organisation_id","pathway_id","module_id"),
	-- Deferred (hand-edited): a reorder rewrites every position in one statement, and positions
	-- may collide half-way through it; only the finished order must be unique.
	CONSTRAINT "learning_pathway_steps_position" UNIQUE("organisation_id","pathway_id","position") DEFERRABLE INITIALLY DEFERRED,
	CONSTRAINT "learning_pathway_steps_position_range" CHECK ("learning_pathway_steps"."position" BETWEEN 0 AND 29),
	CONSTRAINT "learning_pathway_steps_progress" CHECK (("learning_pathway_steps"."practised_at" IS NULL AND "learning_pathway_steps"."reflected_at" IS NULL) OR "learning_pathway_steps"."started_at" IS NOT NULL),
	CONSTRAINT "learning_pathway_steps_note" CHECK ("learning_pathway_steps"."note" IS NULL OR char_length("learning_pathway_steps"."note") <= 1000)
);
--> statement-breakpoint
CREATE TABLE "learning_pathways" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"title" text NOT NULL,
	"focus_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "learning_pathways_organisation_id_id_pk" PRIMARY KEY("organisation_id","id"),
	CONSTRAINT "learning_pathways_owned" UNIQUE("organisation_id","id","owner_id"),
	CONSTRAINT "learning_pathways_title" CHECK (char_length("learning_pathways"."title") BETWEEN 1 AND 120)
);
--> statement-breakpoint
ALTER TABLE "learning_pathway_steps" ADD CONSTRAINT "learning_pathway_steps_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_pathway_steps" ADD CONSTRAINT "learning_pathway_steps_pathway_fk" FOREIGN KEY ("organisation_id","pathway_id","owner_id") REFERENCES "public"."learning_pathways"("organisation_id","id","owner_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_pathway_steps" ADD CONSTRAINT "learning_pathway_steps_module_fk" FOREIGN KEY ("organisation_id","module_id") REFERENCES "public"."library_modules"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_pathways" ADD CONSTRAINT "learning_pathways_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_pathways" ADD CONSTRAINT "learning_pathways_owner_fk" FOREIGN KEY ("organisation_id","owner_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- SET NULL on focus_id alone (hand-edited): a removed focus unties the pathway, and organisation_id
-- and owner_id, which the key shares, must stay.
ALTER TABLE "learning_pathways" ADD CONSTRAINT "learning_pathways_focus_fk" FOREIGN KEY ("organisation_id","focus_id","owner_id") REFERENCES "public"."plan_focus_areas"("organisation_id","id","owner_id") ON DELETE SET NULL ("focus_id") ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "learning_pathway_steps_owner" ON "learning_pathway_steps" USING btree ("organisation_id","owner_id");--> statement-breakpoint
CREATE INDEX "learning_pathways_owner" ON "learning_pathways" USING btree ("organisation_id","owner_id","created_at");--> statement-breakpoint
-- Tenant isolation (0001_tenancy.sql), then owner-only privacy (0009_person_privacy.sql): nobody
-- but the owner reads or writes a pathway or a step, not an admin, a manager or a coach. No
-- sharing: if a plan's focus is shared, that is the plan's business, not its pathways'.
SELECT lodestar_enable_tenancy('learning_pathways');
--> statement-breakpoint
SELECT lodestar_enable_tenancy('learning_pathway_steps');
--> statement-breakpoint
SELECT lodestar_enable_person_privacy('learning_pathways');
--> statement-breakpoint
SELECT lodestar_enable_person_privacy('learning_pathway_steps');
