-- rate_limits is a platform table (docs/decisions/0011): the system role (its owner) uses the
-- 'platform' scope for sign-in, before any organisation is known. A tenant transaction (role
-- lodestar_app) may count limits too — the 360 resend window — but only in its own organisation's
-- scope: it neither sees nor writes another organisation's counters or the sign-in throttle.
ALTER TABLE rate_limits ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY own_organisation_scope ON rate_limits
  USING (scope = lodestar_current_organisation()::text)
  WITH CHECK (scope = lodestar_current_organisation()::text);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON rate_limits TO lodestar_app;
--> statement-breakpoint
-- The resend window was a no-op job holding a dedupe key; windows open at the upgrade (10 minutes
-- at most) are forgotten.
DELETE FROM jobs WHERE task = 'feedback.resend-window' AND state IN ('queued', 'running');
--> statement-breakpoint
-- Schedules are now declared under their job's name; this one was named differently.
DELETE FROM job_schedules WHERE name = 'feedback-close-due';
