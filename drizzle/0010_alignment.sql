-- Organisation goals and values (src/domains/alignment). Hand-edited after generation: the owner's
-- foreign key sets only accountable_person_id to null when a person is erased (a whole-key SET NULL would null
-- organisation_id too), and both tables get the tenant policy (see 0001_tenancy.sql).
CREATE TABLE "organisation_goals" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"accountable_person_id" uuid,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisation_goals_organisation_id_id_pk" PRIMARY KEY("organisation_id","id"),
	CONSTRAINT "organisation_goals_status_known" CHECK ("organisation_goals"."status" IN ('draft', 'active', 'achieved', 'dropped')),
	CONSTRAINT "organisation_goals_period" CHECK ("organisation_goals"."period_end" >= "organisation_goals"."period_start")
);
--> statement-breakpoint
CREATE TABLE "organisation_values" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"capability_key" text,
	"position" integer NOT NULL,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisation_values_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
ALTER TABLE "organisation_goals" ADD CONSTRAINT "organisation_goals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_goals" ADD CONSTRAINT "organisation_goals_owner_fk" FOREIGN KEY ("organisation_id","accountable_person_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE SET NULL ("accountable_person_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_values" ADD CONSTRAINT "organisation_values_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organisation_goals_owner_idx" ON "organisation_goals" USING btree ("organisation_id","accountable_person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organisation_values_name_unique" ON "organisation_values" USING btree ("organisation_id",lower("name")) WHERE "organisation_values"."retired_at" IS NULL;
--> statement-breakpoint
SELECT lodestar_enable_tenancy('organisation_goals');
--> statement-breakpoint
SELECT lodestar_enable_tenancy('organisation_values');
