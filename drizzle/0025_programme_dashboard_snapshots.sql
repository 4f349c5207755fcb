CREATE TABLE "programme_dashboard_atoms" (
	"organisation_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"atom" integer NOT NULL,
	CONSTRAINT "programme_dashboard_atoms_organisation_id_programme_id_person_id_pk" PRIMARY KEY("organisation_id","programme_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "programme_dashboard_snapshots" (
	"organisation_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	"minimum" integer NOT NULL,
	"stale" boolean DEFAULT false NOT NULL,
	"figures" jsonb NOT NULL,
	CONSTRAINT "programme_dashboard_snapshots_organisation_id_programme_id_pk" PRIMARY KEY("organisation_id","programme_id")
);
--> statement-breakpoint
ALTER TABLE "programme_dashboard_atoms" ADD CONSTRAINT "programme_dashboard_atoms_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_dashboard_atoms" ADD CONSTRAINT "programme_dashboard_atoms_programme_fk" FOREIGN KEY ("organisation_id","programme_id") REFERENCES "public"."programmes"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_dashboard_atoms" ADD CONSTRAINT "programme_dashboard_atoms_person_fk" FOREIGN KEY ("organisation_id","person_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_dashboard_snapshots" ADD CONSTRAINT "programme_dashboard_snapshots_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_dashboard_snapshots" ADD CONSTRAINT "programme_dashboard_snapshots_programme_fk" FOREIGN KEY ("organisation_id","programme_id") REFERENCES "public"."programmes"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Tenant isolation (0001_tenancy.sql): a snapshot holds released counts and team names only.
SELECT lodestar_enable_tenancy('programme_dashboard_snapshots');
--> statement-breakpoint
-- System-only (docs/decisions/0023, "Frozen snapshots"): which people share an atom would give back
-- what disclosure control withheld, so the tenant role loses the grant tenancy gives; only the system
-- role (the owner) refreshes the dashboard and reads it. The tenant policy stays as a second wall,
-- and keeps the rule that every organisation-keyed table has one.
SELECT lodestar_enable_tenancy('programme_dashboard_atoms');
--> statement-breakpoint
REVOKE ALL ON programme_dashboard_atoms FROM lodestar_app;
