-- Tenant isolation in the database itself (DESIGN.md §3.2, docs/decisions/0002).
-- Tenant transactions run as lodestar_app, which owns nothing and has no BYPASSRLS, with the
-- organisation in the transaction-local setting lodestar.organisation_id.
DO $$
BEGIN
  CREATE ROLE lodestar_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
EXCEPTION
  -- The role is cluster-wide: another database on the same server may have created it already.
  WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;
--> statement-breakpoint
GRANT lodestar_app TO CURRENT_USER;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO lodestar_app;
--> statement-breakpoint
CREATE FUNCTION lodestar_current_organisation() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('lodestar.organisation_id', true), '')::uuid $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION lodestar_current_organisation() TO lodestar_app;
--> statement-breakpoint
-- Every tenant table is switched on through this one function, so a later migration adding a
-- table calls it too (a test fails for any table with organisation_id that lacks the policy).
CREATE FUNCTION lodestar_enable_tenancy(target regclass, key_column text DEFAULT 'organisation_id') RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
  EXECUTE format(
    'CREATE POLICY tenant_isolation ON %s USING (%I = lodestar_current_organisation()) WITH CHECK (%I = lodestar_current_organisation())',
    target, key_column, key_column);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO lodestar_app', target);
END
$$;
--> statement-breakpoint
SELECT lodestar_enable_tenancy('organisations', 'id');
--> statement-breakpoint
SELECT lodestar_enable_tenancy('career_stages');
--> statement-breakpoint
SELECT lodestar_enable_tenancy('teams');
--> statement-breakpoint
SELECT lodestar_enable_tenancy('people');
--> statement-breakpoint
SELECT lodestar_enable_tenancy('sessions');
--> statement-breakpoint
SELECT lodestar_enable_tenancy('auth_tokens');
--> statement-breakpoint
SELECT lodestar_enable_tenancy('emails');
--> statement-breakpoint
-- Tenant work may enqueue jobs in its own transaction (an email and its delivery job commit together).
GRANT SELECT, INSERT ON jobs TO lodestar_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE jobs_id_seq TO lodestar_app;
