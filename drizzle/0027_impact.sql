CREATE TABLE "impact_atoms" (
	"organisation_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"atom" integer NOT NULL,
	CONSTRAINT "impact_atoms_organisation_id_programme_id_person_id_pk" PRIMARY KEY("organisation_id","programme_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "impact_reports" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	"minimum" integer NOT NULL,
	"stale" boolean DEFAULT false NOT NULL,
	"figures" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "impact_atoms" ADD CONSTRAINT "impact_atoms_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_atoms" ADD CONSTRAINT "impact_atoms_programme_fk" FOREIGN KEY ("organisation_id","programme_id") REFERENCES "public"."programmes"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_atoms" ADD CONSTRAINT "impact_atoms_person_fk" FOREIGN KEY ("organisation_id","person_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_reports" ADD CONSTRAINT "impact_reports_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Tenant isolation (0001_tenancy.sql): a report holds released figures and programme names only.
SELECT lodestar_enable_tenancy('impact_reports');
--> statement-breakpoint
-- System-only, as programme_dashboard_atoms (0025): who shares an atom with whom would give back
-- what disclosure control withheld. The tenant policy stays as a second wall.
SELECT lodestar_enable_tenancy('impact_atoms');
--> statement-breakpoint
REVOKE ALL ON impact_atoms FROM lodestar_app;
--> statement-breakpoint
-- The impact report goes stale when what it rests on changes (docs/decisions/0029): a submitted
-- self-assessment, a released 360 or pulse (the building blocks), an enrolment or a programme.
-- Triggers, so the domains that write those rows need not know impact exists (it sits above them).
-- SECURITY DEFINER: the writer may be a tenant transaction; it only flips a flag of its own
-- organisation's report, never reads anything.
CREATE FUNCTION lodestar_impact_report_stale() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
BEGIN
  UPDATE impact_reports SET stale = true
   WHERE organisation_id = (CASE WHEN TG_OP = 'DELETE' THEN OLD.organisation_id ELSE NEW.organisation_id END)
     AND NOT stale;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER assessments_submitted_impact_stale AFTER INSERT ON assessments
  FOR EACH ROW WHEN (NEW.status = 'submitted')
  EXECUTE FUNCTION lodestar_impact_report_stale();
--> statement-breakpoint
CREATE TRIGGER assessments_submit_impact_stale AFTER UPDATE OF status ON assessments
  FOR EACH ROW WHEN (NEW.status = 'submitted' AND OLD.status IS DISTINCT FROM 'submitted')
  EXECUTE FUNCTION lodestar_impact_report_stale();
--> statement-breakpoint
CREATE TRIGGER assessments_deleted_impact_stale AFTER DELETE ON assessments
  FOR EACH ROW WHEN (OLD.status = 'submitted')
  EXECUTE FUNCTION lodestar_impact_report_stale();
--> statement-breakpoint
CREATE TRIGGER feedback_released_impact_stale AFTER UPDATE OF status ON feedback_campaigns
  FOR EACH ROW WHEN (NEW.status = 'released' AND OLD.status IS DISTINCT FROM 'released')
  EXECUTE FUNCTION lodestar_impact_report_stale();
--> statement-breakpoint
CREATE TRIGGER feedback_inserted_released_impact_stale AFTER INSERT ON feedback_campaigns
  FOR EACH ROW WHEN (NEW.status = 'released')
  EXECUTE FUNCTION lodestar_impact_report_stale();
--> statement-breakpoint
CREATE TRIGGER programme_enrolments_impact_stale AFTER INSERT OR UPDATE OR DELETE ON programme_enrolments
  FOR EACH ROW EXECUTE FUNCTION lodestar_impact_report_stale();
--> statement-breakpoint
CREATE TRIGGER programmes_impact_stale AFTER INSERT OR UPDATE OF name, starts_on, ends_on OR DELETE ON programmes
  FOR EACH ROW EXECUTE FUNCTION lodestar_impact_report_stale();
