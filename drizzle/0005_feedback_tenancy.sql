-- Tenant isolation for the 360° feedback tables (see 0001_tenancy.sql).
SELECT lodestar_enable_tenancy('feedback_settings');
--> statement-breakpoint
SELECT lodestar_enable_tenancy('feedback_campaigns');
--> statement-breakpoint
SELECT lodestar_enable_tenancy('feedback_raters');
--> statement-breakpoint
-- A released report is frozen (DESIGN §3.1): once released, a campaign's report, its release time,
-- its status and its disclosure policy never change; only the subject's sharing choices may. The
-- service never tries; this makes sure no other path (a script, a future bug) can.
CREATE FUNCTION lodestar_guard_released_feedback() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF OLD.status = 'released' AND (
       NEW.status IS DISTINCT FROM OLD.status OR NEW.report IS DISTINCT FROM OLD.report
       OR NEW.released_at IS DISTINCT FROM OLD.released_at OR NEW.policy IS DISTINCT FROM OLD.policy) THEN
    RAISE EXCEPTION 'a released 360 report is frozen' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER feedback_campaigns_frozen BEFORE UPDATE ON feedback_campaigns
  FOR EACH ROW EXECUTE FUNCTION lodestar_guard_released_feedback();
