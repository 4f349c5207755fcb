CREATE TABLE "analytics_released_sets" (
	"organisation_id" uuid NOT NULL,
	"period" text NOT NULL,
	"version" integer NOT NULL,
	"sets" jsonb NOT NULL,
	CONSTRAINT "analytics_released_sets_organisation_id_period_version_pk" PRIMARY KEY("organisation_id","period","version")
);
--> statement-breakpoint
CREATE TABLE "analytics_snapshots" (
	"organisation_id" uuid NOT NULL,
	"period" text NOT NULL,
	"version" integer NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	"minimum" integer NOT NULL,
	"inputs_changed_at" timestamp with time zone,
	"decision" jsonb NOT NULL,
	"labels" jsonb NOT NULL,
	CONSTRAINT "analytics_snapshots_organisation_id_period_pk" PRIMARY KEY("organisation_id","period"),
	CONSTRAINT "analytics_snapshots_period" CHECK ("analytics_snapshots"."period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "analytics_snapshots_version" CHECK ("analytics_snapshots"."version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "analytics_released_sets" ADD CONSTRAINT "analytics_released_sets_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_snapshots" ADD CONSTRAINT "analytics_snapshots_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Tenant isolation (0001_tenancy.sql): a snapshot holds released cells and names only.
SELECT lodestar_enable_tenancy('analytics_snapshots');
--> statement-breakpoint
-- System-only (docs/decisions/0025, 0027): the ids in each released set would give back what
-- disclosure control withheld, so the tenant role loses the grant tenancy gives; only the system
-- role (the owner) decides snapshots and reads them. The tenant policy stays as a second wall.
SELECT lodestar_enable_tenancy('analytics_released_sets');
--> statement-breakpoint
REVOKE ALL ON analytics_released_sets FROM lodestar_app;
