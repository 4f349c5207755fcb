CREATE TABLE "check_in_actions" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"check_in_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"title" text NOT NULL,
	"kind" text DEFAULT 'task' NOT NULL,
	"done" boolean DEFAULT false NOT NULL,
	"done_at" timestamp with time zone,
	"experiment_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "check_in_actions_organisation_id_id_pk" PRIMARY KEY("organisation_id","id"),
	CONSTRAINT "check_in_actions_kind_known" CHECK ("check_in_actions"."kind" IN ('task', 'experiment')),
	CONSTRAINT "check_in_actions_task" CHECK ("check_in_actions"."kind" = 'experiment' OR "check_in_actions"."experiment_id" IS NULL),
	CONSTRAINT "check_in_actions_done" CHECK ("check_in_actions"."done" = ("check_in_actions"."done_at" IS NOT NULL)),
	CONSTRAINT "check_in_actions_title" CHECK (char_length("check_in_actions"."title") BETWEEN 1 AND 200)
);
--> statement-breakpoint
CREATE TABLE "check_ins" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"counterpart_id" uuid NOT NULL,
	"relation" text NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"duration_minutes" smallint NOT NULL,
	"time_zone" text NOT NULL,
	"place" text,
	"video_url" text,
	"agenda" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"learned" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"notes_version" integer DEFAULT 0 NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"completed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "check_ins_organisation_id_id_pk" PRIMARY KEY("organisation_id","id"),
	CONSTRAINT "check_ins_owned" UNIQUE("organisation_id","id","owner_id"),
	CONSTRAINT "check_ins_status_known" CHECK ("check_ins"."status" IN ('scheduled', 'completed', 'cancelled')),
	CONSTRAINT "check_ins_relation_known" CHECK ("check_ins"."relation" IN ('manager', 'coach')),
	CONSTRAINT "check_ins_not_self" CHECK ("check_ins"."owner_id" <> "check_ins"."counterpart_id"),
	CONSTRAINT "check_ins_duration" CHECK ("check_ins"."duration_minutes" BETWEEN 15 AND 180),
	CONSTRAINT "check_ins_closed_at" CHECK (("check_ins"."status" = 'completed') = ("check_ins"."completed_at" IS NOT NULL)
          AND ("check_ins"."status" = 'cancelled') = ("check_ins"."cancelled_at" IS NOT NULL)),
	CONSTRAINT "check_ins_counters" CHECK ("check_ins"."sequence" >= 0 AND "check_ins"."notes_version" >= 0),
	CONSTRAINT "check_ins_video_url" CHECK ("check_ins"."video_url" IS NULL OR "check_ins"."video_url" ~ '^https?://'),
	CONSTRAINT "check_ins_text" CHECK (char_length("check_ins"."title") BETWEEN 1 AND 120
          AND char_length("check_ins"."time_zone") BETWEEN 1 AND 64
          AND ("check_ins"."place" IS NULL OR char_length("check_ins"."place") BETWEEN 1 AND 200)
          AND ("check_ins"."video_url" IS NULL OR char_length("check_ins"."video_url") <= 500)
          AND char_length("check_ins"."learned") <= 2000
          AND char_length("check_ins"."notes") <= 10000)
);
--> statement-breakpoint
ALTER TABLE "check_in_actions" ADD CONSTRAINT "check_in_actions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_actions" ADD CONSTRAINT "check_in_actions_check_in_fk" FOREIGN KEY ("organisation_id","check_in_id","owner_id") REFERENCES "public"."check_ins"("organisation_id","id","owner_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_actions" ADD CONSTRAINT "check_in_actions_author_fk" FOREIGN KEY ("organisation_id","author_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- SET NULL on experiment_id alone (hand-edited): a removed experiment leaves the agreed action, and
-- organisation_id and owner_id, which the key shares, must stay.
ALTER TABLE "check_in_actions" ADD CONSTRAINT "check_in_actions_experiment_fk" FOREIGN KEY ("organisation_id","experiment_id","owner_id") REFERENCES "public"."plan_experiments"("organisation_id","id","owner_id") ON DELETE SET NULL ("experiment_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_owner_fk" FOREIGN KEY ("organisation_id","owner_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_counterpart_fk" FOREIGN KEY ("organisation_id","counterpart_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "check_in_actions_check_in" ON "check_in_actions" USING btree ("organisation_id","check_in_id","created_at");--> statement-breakpoint
CREATE INDEX "check_in_actions_owner" ON "check_in_actions" USING btree ("organisation_id","owner_id");--> statement-breakpoint
CREATE INDEX "check_ins_owner" ON "check_ins" USING btree ("organisation_id","owner_id","starts_at");--> statement-breakpoint
CREATE INDEX "check_ins_counterpart" ON "check_ins" USING btree ("organisation_id","counterpart_id","starts_at");
--> statement-breakpoint
-- Check-ins are private to the participant who scheduled them and the one counterpart fixed then
-- (DESIGN.md §3, docs/decisions/0014): tenancy as every tenant table, then owner-only policies
-- whose read side also admits the counterpart, but only while they still are what they were when
-- it was scheduled — the owner's current manager, or the owner's active coach who still holds the
-- coach role. That is the plans' rule (0012, 0016): consent goes to a person in a relation, and
-- ends with the relation. A new manager is never the counterpart (fixed at scheduling), so starts
-- with nothing. Admins read nothing: no shared-read path names them, and no count function exists.
SELECT lodestar_enable_tenancy('check_ins');
--> statement-breakpoint
SELECT lodestar_enable_tenancy('check_in_actions');
--> statement-breakpoint
-- Whether the transaction's person is the check-in's counterpart and the relation still holds.
-- SECURITY DEFINER: it reads people and coaching rows for the row being checked, so the policy
-- does not depend on what the reader may see of those tables. The owner is admitted before it.
CREATE FUNCTION lodestar_may_read_check_in(owner_person uuid, other uuid, as_relation text)
  RETURNS boolean
  LANGUAGE plpgsql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
DECLARE
  me uuid := lodestar_current_person();
  org uuid := lodestar_current_organisation();
BEGIN
  IF me IS NULL OR org IS NULL OR other IS DISTINCT FROM me OR owner_person = me THEN
    RETURN false;
  END IF;
  IF as_relation = 'manager' THEN
    RETURN EXISTS (SELECT 1 FROM people p
                    WHERE p.organisation_id = org AND p.id = owner_person AND p.manager_id = me);
  ELSIF as_relation = 'coach' THEN
    RETURN EXISTS (SELECT 1 FROM coaching_relationships c
                     JOIN people coach ON coach.organisation_id = c.organisation_id AND coach.id = c.coach_id
                    WHERE c.organisation_id = org AND c.coachee_id = owner_person AND c.coach_id = me
                      AND c.status = 'active' AND 'coach' = ANY (coach.roles));
  END IF;
  RETURN false;
END
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION lodestar_may_read_check_in(uuid, uuid, text) TO lodestar_app;
--> statement-breakpoint
-- The same question for a row that names its check-in (an agreed action).
CREATE FUNCTION lodestar_may_read_check_in_id(owner_person uuid, check_in uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
  SELECT coalesce((SELECT lodestar_may_read_check_in(ci.owner_id, ci.counterpart_id, ci.relation)
                     FROM check_ins ci
                    WHERE ci.organisation_id = lodestar_current_organisation() AND ci.id = check_in
                      AND ci.owner_id = owner_person), false)
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION lodestar_may_read_check_in_id(uuid, uuid) TO lodestar_app;
--> statement-breakpoint
SELECT lodestar_enable_person_privacy('check_ins', 'owner_id', 'lodestar_may_read_check_in(owner_id, counterpart_id, relation)');
--> statement-breakpoint
-- Shared notes are written by both sides, while check_ins keeps the owner-only write policies (the
-- counterpart must not move, cancel or retitle it). So the one way to write notes is this function:
-- the owner, or the counterpart while the relation holds, replaces the notes of a check-in that is
-- not cancelled, if nobody wrote them since `expected` (an edit made on a stale copy is refused,
-- not silently lost). Returns the new version, or NULL when it wrote nothing.
CREATE FUNCTION lodestar_write_check_in_notes(check_in uuid, body text, expected integer) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
DECLARE
  written integer;
BEGIN
  UPDATE check_ins ci SET notes = body, notes_version = ci.notes_version + 1, updated_at = now()
   WHERE ci.organisation_id = lodestar_current_organisation() AND ci.id = check_in
     AND ci.notes_version = expected AND ci.status <> 'cancelled'
     AND (ci.owner_id = lodestar_current_person()
          OR lodestar_may_read_check_in(ci.owner_id, ci.counterpart_id, ci.relation))
  RETURNING ci.notes_version INTO written;
  RETURN written;
END
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION lodestar_write_check_in_notes(uuid, text, integer) TO lodestar_app;
--> statement-breakpoint
-- Agreed actions are recorded by either side, so they take the four RESTRICTIVE policies by name,
-- written out (as plan_comments in 0012): read by whoever may read the check-in; added only in the
-- author's own name on a check-in they may read; changed (done) by either side; removed by their
-- author while they may read it, or by the owner.
CREATE POLICY person_read ON check_in_actions AS RESTRICTIVE FOR SELECT
  USING (owner_id = lodestar_current_person() OR lodestar_may_read_check_in_id(owner_id, check_in_id));
--> statement-breakpoint
CREATE POLICY person_insert ON check_in_actions AS RESTRICTIVE FOR INSERT
  WITH CHECK (author_id = lodestar_current_person()
              AND (owner_id = lodestar_current_person() OR lodestar_may_read_check_in_id(owner_id, check_in_id)));
--> statement-breakpoint
CREATE POLICY person_update ON check_in_actions AS RESTRICTIVE FOR UPDATE
  USING (owner_id = lodestar_current_person() OR lodestar_may_read_check_in_id(owner_id, check_in_id))
  WITH CHECK (owner_id = lodestar_current_person() OR lodestar_may_read_check_in_id(owner_id, check_in_id));
--> statement-breakpoint
CREATE POLICY person_delete ON check_in_actions AS RESTRICTIVE FOR DELETE
  USING (owner_id = lodestar_current_person()
         OR (author_id = lodestar_current_person() AND lodestar_may_read_check_in_id(owner_id, check_in_id)));
