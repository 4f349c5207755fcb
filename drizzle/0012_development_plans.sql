CREATE TABLE "coaching_relationships" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"coach_id" uuid NOT NULL,
	"coachee_id" uuid NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"responded_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	CONSTRAINT "coaching_relationships_organisation_id_id_pk" PRIMARY KEY("organisation_id","id"),
	CONSTRAINT "coaching_relationships_status_known" CHECK ("coaching_relationships"."status" IN ('requested', 'active', 'declined', 'ended')),
	CONSTRAINT "coaching_relationships_not_self" CHECK ("coaching_relationships"."coach_id" <> "coaching_relationships"."coachee_id"),
	CONSTRAINT "coaching_relationships_times" CHECK (("coaching_relationships"."status" <> 'requested' OR "coaching_relationships"."responded_at" IS NULL)
          AND ("coaching_relationships"."status" NOT IN ('active', 'declined') OR "coaching_relationships"."responded_at" IS NOT NULL)
          AND ("coaching_relationships"."status" = 'ended') = ("coaching_relationships"."ended_at" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "development_plans" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"shared_with_manager" boolean DEFAULT false NOT NULL,
	"shared_with_coach" boolean DEFAULT false NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "development_plans_organisation_id_id_pk" PRIMARY KEY("organisation_id","id"),
	CONSTRAINT "development_plans_owned" UNIQUE("organisation_id","id","owner_id"),
	CONSTRAINT "development_plans_status_known" CHECK ("development_plans"."status" IN ('active', 'closed')),
	CONSTRAINT "development_plans_closed_at" CHECK (("development_plans"."status" = 'closed') = ("development_plans"."closed_at" IS NOT NULL)),
	CONSTRAINT "development_plans_title" CHECK (char_length("development_plans"."title") BETWEEN 1 AND 120)
);
--> statement-breakpoint
CREATE TABLE "plan_comments" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"focus_id" uuid,
	"owner_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_comments_organisation_id_id_pk" PRIMARY KEY("organisation_id","id"),
	CONSTRAINT "plan_comments_body" CHECK (char_length("plan_comments"."body") BETWEEN 1 AND 2000)
);
--> statement-breakpoint
CREATE TABLE "plan_experiments" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"focus_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"action" text NOT NULL,
	"situation" text NOT NULL,
	"frequency" text NOT NULL,
	"signal" text NOT NULL,
	"starts_on" date NOT NULL,
	"review_on" date NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"source_module_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_experiments_organisation_id_id_pk" PRIMARY KEY("organisation_id","id"),
	CONSTRAINT "plan_experiments_owned" UNIQUE("organisation_id","id","owner_id"),
	CONSTRAINT "plan_experiments_status_known" CHECK ("plan_experiments"."status" IN ('planned', 'running', 'done', 'dropped')),
	CONSTRAINT "plan_experiments_dates" CHECK ("plan_experiments"."review_on" >= "plan_experiments"."starts_on"),
	CONSTRAINT "plan_experiments_text" CHECK (char_length("plan_experiments"."action") BETWEEN 1 AND 500
          AND char_length("plan_experiments"."situation") BETWEEN 1 AND 500
          AND char_length("plan_experiments"."frequency") BETWEEN 1 AND 120
          AND char_length("plan_experiments"."signal") BETWEEN 1 AND 500)
);
--> statement-breakpoint
CREATE TABLE "plan_focus_areas" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"kind" text NOT NULL,
	"capability_key" text,
	"block_key" text,
	"title" text NOT NULL,
	"goal" text NOT NULL,
	"why" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"shared_with_manager" boolean DEFAULT false NOT NULL,
	"shared_with_coach" boolean DEFAULT false NOT NULL,
	"from_suggestion" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_focus_areas_organisation_id_id_pk" PRIMARY KEY("organisation_id","id"),
	CONSTRAINT "plan_focus_areas_owned" UNIQUE("organisation_id","id","owner_id"),
	CONSTRAINT "plan_focus_areas_in_plan" UNIQUE("organisation_id","plan_id","id"),
	CONSTRAINT "plan_focus_areas_kind_known" CHECK ("plan_focus_areas"."kind" IN ('capability', 'derailer', 'other')),
	CONSTRAINT "plan_focus_areas_status_known" CHECK ("plan_focus_areas"."status" IN ('active', 'done', 'dropped')),
	CONSTRAINT "plan_focus_areas_capability" CHECK (("plan_focus_areas"."kind" = 'other') = ("plan_focus_areas"."capability_key" IS NULL) AND ("plan_focus_areas"."capability_key" IS NULL) = ("plan_focus_areas"."block_key" IS NULL)),
	CONSTRAINT "plan_focus_areas_text" CHECK (char_length("plan_focus_areas"."title") BETWEEN 1 AND 120
          AND char_length("plan_focus_areas"."goal") BETWEEN 1 AND 1000
          AND char_length("plan_focus_areas"."why") <= 1000)
);
--> statement-breakpoint
CREATE TABLE "plan_focus_links" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"focus_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"goal_id" uuid,
	"value_id" uuid,
	CONSTRAINT "plan_focus_links_organisation_id_id_pk" PRIMARY KEY("organisation_id","id"),
	CONSTRAINT "plan_focus_links_goal" UNIQUE("organisation_id","focus_id","goal_id"),
	CONSTRAINT "plan_focus_links_value" UNIQUE("organisation_id","focus_id","value_id"),
	CONSTRAINT "plan_focus_links_one_target" CHECK (("plan_focus_links"."goal_id" IS NULL) <> ("plan_focus_links"."value_id" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "plan_practice_logs" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"experiment_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"logged_at" timestamp with time zone DEFAULT now() NOT NULL,
	"did_it" boolean NOT NULL,
	"outcome" smallint,
	"note" text,
	CONSTRAINT "plan_practice_logs_organisation_id_id_pk" PRIMARY KEY("organisation_id","id"),
	CONSTRAINT "plan_practice_logs_outcome" CHECK ("plan_practice_logs"."outcome" IS NULL OR "plan_practice_logs"."outcome" BETWEEN 1 AND 5),
	CONSTRAINT "plan_practice_logs_note" CHECK ("plan_practice_logs"."note" IS NULL OR char_length("plan_practice_logs"."note") <= 1000)
);
--> statement-breakpoint
ALTER TABLE "coaching_relationships" ADD CONSTRAINT "coaching_relationships_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_relationships" ADD CONSTRAINT "coaching_relationships_coach_fk" FOREIGN KEY ("organisation_id","coach_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_relationships" ADD CONSTRAINT "coaching_relationships_coachee_fk" FOREIGN KEY ("organisation_id","coachee_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_relationships" ADD CONSTRAINT "coaching_relationships_requested_by_fk" FOREIGN KEY ("organisation_id","requested_by") REFERENCES "public"."people"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_plans" ADD CONSTRAINT "development_plans_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_plans" ADD CONSTRAINT "development_plans_owner_fk" FOREIGN KEY ("organisation_id","owner_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_comments" ADD CONSTRAINT "plan_comments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_comments" ADD CONSTRAINT "plan_comments_plan_fk" FOREIGN KEY ("organisation_id","plan_id","owner_id") REFERENCES "public"."development_plans"("organisation_id","id","owner_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_comments" ADD CONSTRAINT "plan_comments_focus_fk" FOREIGN KEY ("organisation_id","plan_id","focus_id") REFERENCES "public"."plan_focus_areas"("organisation_id","plan_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_comments" ADD CONSTRAINT "plan_comments_author_fk" FOREIGN KEY ("organisation_id","author_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_experiments" ADD CONSTRAINT "plan_experiments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_experiments" ADD CONSTRAINT "plan_experiments_focus_fk" FOREIGN KEY ("organisation_id","focus_id","owner_id") REFERENCES "public"."plan_focus_areas"("organisation_id","id","owner_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_focus_areas" ADD CONSTRAINT "plan_focus_areas_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_focus_areas" ADD CONSTRAINT "plan_focus_areas_plan_fk" FOREIGN KEY ("organisation_id","plan_id","owner_id") REFERENCES "public"."development_plans"("organisation_id","id","owner_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_focus_links" ADD CONSTRAINT "plan_focus_links_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_focus_links" ADD CONSTRAINT "plan_focus_links_focus_fk" FOREIGN KEY ("organisation_id","focus_id","owner_id") REFERENCES "public"."plan_focus_areas"("organisation_id","id","owner_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_focus_links" ADD CONSTRAINT "plan_focus_links_goal_fk" FOREIGN KEY ("organisation_id","goal_id") REFERENCES "public"."organisation_goals"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_focus_links" ADD CONSTRAINT "plan_focus_links_value_fk" FOREIGN KEY ("organisation_id","value_id") REFERENCES "public"."organisation_values"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_practice_logs" ADD CONSTRAINT "plan_practice_logs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_practice_logs" ADD CONSTRAINT "plan_practice_logs_experiment_fk" FOREIGN KEY ("organisation_id","experiment_id","owner_id") REFERENCES "public"."plan_experiments"("organisation_id","id","owner_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "coaching_relationships_open_pair" ON "coaching_relationships" USING btree ("organisation_id","coach_id","coachee_id") WHERE "coaching_relationships"."status" IN ('requested', 'active');--> statement-breakpoint
CREATE UNIQUE INDEX "coaching_relationships_one_coach" ON "coaching_relationships" USING btree ("organisation_id","coachee_id") WHERE "coaching_relationships"."status" = 'active';--> statement-breakpoint
CREATE INDEX "coaching_relationships_coach" ON "coaching_relationships" USING btree ("organisation_id","coach_id");--> statement-breakpoint
CREATE UNIQUE INDEX "development_plans_one_active" ON "development_plans" USING btree ("organisation_id","owner_id") WHERE "development_plans"."status" = 'active';--> statement-breakpoint
CREATE INDEX "development_plans_owner" ON "development_plans" USING btree ("organisation_id","owner_id","started_at");--> statement-breakpoint
CREATE INDEX "plan_comments_plan" ON "plan_comments" USING btree ("organisation_id","plan_id","created_at");--> statement-breakpoint
CREATE INDEX "plan_experiments_focus" ON "plan_experiments" USING btree ("organisation_id","focus_id");--> statement-breakpoint
CREATE INDEX "plan_practice_logs_experiment" ON "plan_practice_logs" USING btree ("organisation_id","experiment_id","logged_at");
--> statement-breakpoint
-- Development plans are private to their owner (DESIGN.md §3, docs/decisions/0014): tenancy as
-- every tenant table, then owner-only policies whose read side also admits the owner's current
-- manager and accepted coach for what the owner shared with them. Who may read is decided by the
-- SECURITY DEFINER functions below: they read the plan, its focus areas, people and coaching rows
-- as their owner (bypassing row-level security), so the policies do not recurse through other
-- private tables, and they answer only for the organisation and person of the transaction.
SELECT lodestar_enable_tenancy('development_plans');
--> statement-breakpoint
SELECT lodestar_enable_tenancy('plan_focus_areas');
--> statement-breakpoint
SELECT lodestar_enable_tenancy('plan_focus_links');
--> statement-breakpoint
SELECT lodestar_enable_tenancy('plan_experiments');
--> statement-breakpoint
SELECT lodestar_enable_tenancy('plan_practice_logs');
--> statement-breakpoint
SELECT lodestar_enable_tenancy('plan_comments');
--> statement-breakpoint
SELECT lodestar_enable_tenancy('coaching_relationships');
--> statement-breakpoint
-- Whether the transaction's person may read `owner`'s plan content: as the owner's current manager
-- (people.manager_id) for what is shared with the manager, or as the owner's active coach who still
-- holds the coach role for what is shared with the coach. With `focus`, that focus area's content
-- (shared whole plan, or that focus); without, whole-plan content (plan comments); with `frame`, the
-- plan's own row (title, dates), which a share of any one of its focus areas also reveals. The owner
-- is not decided here: each policy admits the owner before asking.
CREATE FUNCTION lodestar_may_read_plan(owner uuid, plan uuid, focus uuid, frame boolean DEFAULT false)
  RETURNS boolean
  LANGUAGE plpgsql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
DECLARE
  me uuid := lodestar_current_person();
  org uuid := lodestar_current_organisation();
  as_manager boolean;
  as_coach boolean;
BEGIN
  IF me IS NULL OR org IS NULL OR owner IS NULL OR me = owner THEN
    RETURN false;
  END IF;
  as_manager := EXISTS (SELECT 1 FROM people p
                         WHERE p.organisation_id = org AND p.id = owner AND p.manager_id = me);
  as_coach := EXISTS (SELECT 1 FROM coaching_relationships c
                        JOIN people coach ON coach.organisation_id = c.organisation_id AND coach.id = c.coach_id
                       WHERE c.organisation_id = org AND c.coachee_id = owner AND c.coach_id = me
                         AND c.status = 'active' AND 'coach' = ANY (coach.roles));
  IF NOT as_manager AND NOT as_coach THEN
    RETURN false;
  END IF;
  IF plan IS NULL THEN
    SELECT f.plan_id INTO plan FROM plan_focus_areas f
     WHERE f.organisation_id = org AND f.id = focus AND f.owner_id = owner;
  END IF;
  RETURN EXISTS (SELECT 1 FROM development_plans pl
                  WHERE pl.organisation_id = org AND pl.id = plan AND pl.owner_id = owner
                    AND ((as_manager AND pl.shared_with_manager) OR (as_coach AND pl.shared_with_coach)))
      OR EXISTS (SELECT 1 FROM plan_focus_areas f
                  WHERE f.organisation_id = org AND f.plan_id = plan AND f.owner_id = owner
                    AND (f.id = focus OR (focus IS NULL AND frame))
                    AND ((as_manager AND f.shared_with_manager) OR (as_coach AND f.shared_with_coach)));
END
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION lodestar_may_read_plan(uuid, uuid, uuid, boolean) TO lodestar_app;
--> statement-breakpoint
-- A practice log follows its experiment's focus area.
CREATE FUNCTION lodestar_may_read_experiment(owner uuid, experiment uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
  SELECT coalesce((SELECT lodestar_may_read_plan(owner, NULL, e.focus_id) FROM plan_experiments e
                    WHERE e.organisation_id = lodestar_current_organisation() AND e.id = experiment
                      AND e.owner_id = owner), false)
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION lodestar_may_read_experiment(uuid, uuid) TO lodestar_app;
--> statement-breakpoint
SELECT lodestar_enable_person_privacy('development_plans', 'owner_id', 'lodestar_may_read_plan(owner_id, id, NULL, true)');
--> statement-breakpoint
SELECT lodestar_enable_person_privacy('plan_focus_areas', 'owner_id', 'lodestar_may_read_plan(owner_id, plan_id, id)');
--> statement-breakpoint
SELECT lodestar_enable_person_privacy('plan_focus_links', 'owner_id', 'lodestar_may_read_plan(owner_id, NULL, focus_id)');
--> statement-breakpoint
SELECT lodestar_enable_person_privacy('plan_experiments', 'owner_id', 'lodestar_may_read_plan(owner_id, NULL, focus_id)');
--> statement-breakpoint
SELECT lodestar_enable_person_privacy('plan_practice_logs', 'owner_id', 'lodestar_may_read_experiment(owner_id, experiment_id)');
--> statement-breakpoint
-- Comments are written by the owner's manager or coach too, so they cannot take the owner-only
-- write policies of lodestar_enable_person_privacy. They get the same four RESTRICTIVE policies by
-- name, written out: read by the owner or whoever may read what the comment is on (a focus area,
-- or the whole plan); written only in the author's own name, on something the author may read;
-- removed by their author or by the plan's owner; never edited by anyone else.
CREATE POLICY person_read ON plan_comments AS RESTRICTIVE FOR SELECT
  USING (owner_id = lodestar_current_person() OR lodestar_may_read_plan(owner_id, plan_id, focus_id));
--> statement-breakpoint
CREATE POLICY person_insert ON plan_comments AS RESTRICTIVE FOR INSERT
  WITH CHECK (author_id = lodestar_current_person()
              AND (owner_id = lodestar_current_person() OR lodestar_may_read_plan(owner_id, plan_id, focus_id)));
--> statement-breakpoint
CREATE POLICY person_update ON plan_comments AS RESTRICTIVE FOR UPDATE
  USING (author_id = lodestar_current_person())
  WITH CHECK (author_id = lodestar_current_person()
              AND (owner_id = lodestar_current_person() OR lodestar_may_read_plan(owner_id, plan_id, focus_id)));
--> statement-breakpoint
CREATE POLICY person_delete ON plan_comments AS RESTRICTIVE FOR DELETE
  USING (author_id = lodestar_current_person() OR owner_id = lodestar_current_person());
--> statement-breakpoint
-- Admin figures about plans: counts of people per combination of (has an active plan, blocks of
-- its active focus areas, runs an experiment, logged practice in the last 30 days), for the
-- transaction's organisation only. Counts, never ids or content; the server passes them through
-- the disclosure module before any leaves it (docs/decisions/0014).
CREATE FUNCTION lodestar_plan_counts()
  RETURNS TABLE (active_plan boolean, blocks text[], running boolean, practised boolean, people integer)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
  WITH per_person AS (
    SELECT p.id,
           pl.id IS NOT NULL AS active_plan,
           coalesce((SELECT array_agg(DISTINCT f.block_key ORDER BY f.block_key) FROM plan_focus_areas f
                      WHERE f.organisation_id = p.organisation_id AND f.plan_id = pl.id
                        AND f.status = 'active' AND f.block_key IS NOT NULL), '{}') AS blocks,
           EXISTS (SELECT 1 FROM plan_experiments e JOIN plan_focus_areas f
                     ON f.organisation_id = e.organisation_id AND f.id = e.focus_id
                    WHERE e.organisation_id = p.organisation_id AND f.plan_id = pl.id
                      AND e.status = 'running') AS running,
           EXISTS (SELECT 1 FROM plan_practice_logs l
                    WHERE l.organisation_id = p.organisation_id AND l.owner_id = p.id
                      AND l.logged_at > now() - interval '30 days') AS practised
      FROM people p
      LEFT JOIN development_plans pl
        ON pl.organisation_id = p.organisation_id AND pl.owner_id = p.id AND pl.status = 'active'
     WHERE p.organisation_id = lodestar_current_organisation() AND p.status <> 'disabled'
  )
  SELECT active_plan, blocks, running, practised, count(*)::int FROM per_person
   GROUP BY active_plan, blocks, running, practised
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION lodestar_plan_counts() TO lodestar_app;
