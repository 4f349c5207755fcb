-- The reflection journal (src/domains/reflection/schema.ts), private to its owner like plans
-- (docs/decisions/0014), and the organisation's journey thresholds (src/domains/home/schema.ts).
-- The two links of an entry are SET NULL on their own column only (hand-edited: drizzle cannot say
-- which column), so a removed experiment or module unties the entry and organisation_id and
-- owner_id, which the keys share, stay.
CREATE TABLE "journey_settings" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"knowledge_months" smallint DEFAULT 12 NOT NULL,
	"leadership_days" smallint DEFAULT 30 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "journey_settings_knowledge_months" CHECK ("journey_settings"."knowledge_months" BETWEEN 1 AND 36),
	CONSTRAINT "journey_settings_leadership_days" CHECK ("journey_settings"."leadership_days" BETWEEN 1 AND 180)
);
--> statement-breakpoint
CREATE TABLE "journal_entries" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"body" text NOT NULL,
	"mood" smallint,
	"energy" smallint,
	"experiment_id" uuid,
	"module_id" uuid,
	"shared_with_manager" boolean DEFAULT false NOT NULL,
	"shared_with_coach" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "journal_entries_organisation_id_id_pk" PRIMARY KEY("organisation_id","id"),
	CONSTRAINT "journal_entries_body" CHECK (char_length("journal_entries"."body") BETWEEN 1 AND 10000),
	CONSTRAINT "journal_entries_mood" CHECK ("journal_entries"."mood" IS NULL OR "journal_entries"."mood" BETWEEN 1 AND 5),
	CONSTRAINT "journal_entries_energy" CHECK ("journal_entries"."energy" IS NULL OR "journal_entries"."energy" BETWEEN 1 AND 5),
	CONSTRAINT "journal_entries_one_link" CHECK ("journal_entries"."experiment_id" IS NULL OR "journal_entries"."module_id" IS NULL)
);
--> statement-breakpoint
ALTER TABLE "journey_settings" ADD CONSTRAINT "journey_settings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_owner_fk" FOREIGN KEY ("organisation_id","owner_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_experiment_fk" FOREIGN KEY ("organisation_id","experiment_id","owner_id") REFERENCES "public"."plan_experiments"("organisation_id","id","owner_id") ON DELETE SET NULL ("experiment_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_module_fk" FOREIGN KEY ("organisation_id","module_id") REFERENCES "public"."library_modules"("organisation_id","id") ON DELETE SET NULL ("module_id") ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "journal_entries_owner" ON "journal_entries" USING btree ("organisation_id","owner_id","created_at");--> statement-breakpoint
CREATE INDEX "journal_entries_experiment" ON "journal_entries" USING btree ("organisation_id","owner_id","experiment_id");
--> statement-breakpoint
-- Tenant isolation (0001_tenancy.sql) for both tables; every organisation has its thresholds row
-- (new ones get it in setUpOrganisation).
SELECT lodestar_enable_tenancy('journey_settings');
--> statement-breakpoint
INSERT INTO journey_settings (organisation_id) SELECT id FROM organisations ON CONFLICT DO NOTHING;
--> statement-breakpoint
SELECT lodestar_enable_tenancy('journal_entries');
--> statement-breakpoint
-- Whether the current person may read an entry of `owner` shared as the two flags: as the owner's
-- current manager with the manager flag, or as their active, accepted coach (still holding the
-- coach role) with the coach flag — the relation development uses (lodestar_may_read_plan,
-- identity/visibility.ts). The flags come from the row itself, so this reads no private table and
-- an unshared entry is decided without a lookup. SECURITY DEFINER only to read people and
-- coaching_relationships whatever their own policies become.
CREATE FUNCTION lodestar_may_read_journal_entry(owner uuid, with_manager boolean, with_coach boolean)
  RETURNS boolean
  LANGUAGE plpgsql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
DECLARE
  me uuid := lodestar_current_person();
  org uuid := lodestar_current_organisation();
BEGIN
  IF NOT (with_manager OR with_coach) OR me IS NULL OR org IS NULL OR owner IS NULL OR me = owner THEN
    RETURN false;
  END IF;
  RETURN (with_manager AND EXISTS (SELECT 1 FROM people p
                                    WHERE p.organisation_id = org AND p.id = owner AND p.manager_id = me))
      OR (with_coach AND EXISTS (SELECT 1 FROM coaching_relationships c
                                   JOIN people coach ON coach.organisation_id = c.organisation_id AND coach.id = c.coach_id
                                  WHERE c.organisation_id = org AND c.coachee_id = owner AND c.coach_id = me
                                    AND c.status = 'active' AND 'coach' = ANY (coach.roles)));
END
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION lodestar_may_read_journal_entry(uuid, boolean, boolean) TO lodestar_app;
--> statement-breakpoint
-- Owner-only writes; reads by the owner or whoever the entry is shared with (0009_person_privacy).
SELECT lodestar_enable_person_privacy('journal_entries', 'owner_id',
  'lodestar_may_read_journal_entry(owner_id, shared_with_manager, shared_with_coach)');
--> statement-breakpoint
-- Shares follow the person (0016_shares_follow_the_person.sql): a change of manager, or coaching
-- that stops being active, withdraws what was shared with the old one, in the database, whoever
-- makes the change. Triggers of their own beside the plans' ones, so each domain clears its rows.
CREATE FUNCTION lodestar_unshare_journal_with_old_manager() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
BEGIN
  UPDATE journal_entries SET shared_with_manager = false
   WHERE organisation_id = NEW.organisation_id AND owner_id = NEW.id AND shared_with_manager;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER people_manager_changed_unshares_journal AFTER UPDATE OF manager_id ON people
  FOR EACH ROW WHEN (OLD.manager_id IS DISTINCT FROM NEW.manager_id)
  EXECUTE FUNCTION lodestar_unshare_journal_with_old_manager();
--> statement-breakpoint
-- Also when an active relationship row disappears (the coach's record is deleted): a later coach
-- must not find a share still set. The service refuses a share with nobody to receive it, so a
-- flag is only ever set while its receiver exists.
CREATE FUNCTION lodestar_unshare_journal_with_old_coach() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
BEGIN
  UPDATE journal_entries SET shared_with_coach = false
   WHERE organisation_id = OLD.organisation_id AND owner_id = OLD.coachee_id AND shared_with_coach;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER coaching_ended_unshares_journal AFTER UPDATE OF status ON coaching_relationships
  FOR EACH ROW WHEN (OLD.status = 'active' AND NEW.status <> 'active')
  EXECUTE FUNCTION lodestar_unshare_journal_with_old_coach();
--> statement-breakpoint
CREATE TRIGGER coaching_removed_unshares_journal AFTER DELETE ON coaching_relationships
  FOR EACH ROW WHEN (OLD.status = 'active')
  EXECUTE FUNCTION lodestar_unshare_journal_with_old_coach();
