-- A share is consent given to one person, not to a role (DESIGN §1; docs/decisions/0014). The plan
-- keeps "shared with my manager / my coach" as flags, so when the person behind the role changes,
-- the flags are cleared here, in the database, whoever makes the change: otherwise a new manager
-- (including an admin who makes themself the manager) or a later coach would read what was
-- shared with their predecessor. SECURITY DEFINER: the change is made by an admin or the other
-- side of a coaching relationship, whom the owner-only policies rightly refuse as writers.
CREATE FUNCTION lodestar_unshare_with_old_manager() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
BEGIN
  UPDATE development_plans SET shared_with_manager = false
   WHERE organisation_id = NEW.organisation_id AND owner_id = NEW.id AND shared_with_manager;
  UPDATE plan_focus_areas SET shared_with_manager = false
   WHERE organisation_id = NEW.organisation_id AND owner_id = NEW.id AND shared_with_manager;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER people_manager_changed_unshares AFTER UPDATE OF manager_id ON people
  FOR EACH ROW WHEN (OLD.manager_id IS DISTINCT FROM NEW.manager_id)
  EXECUTE FUNCTION lodestar_unshare_with_old_manager();
--> statement-breakpoint
-- At most one coach is active per coachee, so clearing when a coaching relationship stops being
-- active is enough: the next coach always starts with nothing shared.
CREATE FUNCTION lodestar_unshare_with_old_coach() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
BEGIN
  UPDATE development_plans SET shared_with_coach = false
   WHERE organisation_id = NEW.organisation_id AND owner_id = NEW.coachee_id AND shared_with_coach;
  UPDATE plan_focus_areas SET shared_with_coach = false
   WHERE organisation_id = NEW.organisation_id AND owner_id = NEW.coachee_id AND shared_with_coach;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER coaching_ended_unshares AFTER UPDATE OF status ON coaching_relationships
  FOR EACH ROW WHEN (OLD.status = 'active' AND NEW.status <> 'active')
  EXECUTE FUNCTION lodestar_unshare_with_old_coach();
