-- Private records (a development plan, a journal entry): readable by their owner only, enforced
-- by the database on top of the organisation policy (DESIGN.md §3, docs/decisions/0014).
-- Tenant transactions acting for a signed-in person carry the transaction-local setting
-- lodestar.person_id; transactions without one (jobs, organisation-wide work) read no private row.
CREATE FUNCTION lodestar_current_person() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('lodestar.person_id', true), '')::uuid $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION lodestar_current_person() TO lodestar_app;
--> statement-breakpoint
-- Every private table is switched on through this one function. Its policies are RESTRICTIVE, so
-- they narrow the permissive organisation policy rather than widening it: a row must pass both.
-- Writes are the owner's alone; reads are the owner's, or also whoever `shared_read` (an SQL
-- expression over the row, e.g. a call to a SECURITY DEFINER function deciding sharing) admits.
CREATE FUNCTION lodestar_enable_person_privacy(
  target regclass,
  owner_column text DEFAULT 'owner_id',
  shared_read text DEFAULT NULL
) RETURNS void
  LANGUAGE plpgsql
  AS $$
DECLARE
  owner text := format('%I = lodestar_current_person()', owner_column);
  readers text := owner || coalesce(' OR (' || shared_read || ')', '');
BEGIN
  EXECUTE format('CREATE POLICY person_read ON %s AS RESTRICTIVE FOR SELECT USING (%s)', target, readers);
  EXECUTE format('CREATE POLICY person_insert ON %s AS RESTRICTIVE FOR INSERT WITH CHECK (%s)', target, owner);
  EXECUTE format('CREATE POLICY person_update ON %s AS RESTRICTIVE FOR UPDATE USING (%s) WITH CHECK (%s)',
    target, owner, owner);
  EXECUTE format('CREATE POLICY person_delete ON %s AS RESTRICTIVE FOR DELETE USING (%s)', target, owner);
END
$$;
