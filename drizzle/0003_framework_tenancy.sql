-- Tenant isolation for the framework and self-assessment tables (see 0001_tenancy.sql).
SELECT lodestar_enable_tenancy('framework_versions');
--> statement-breakpoint
SELECT lodestar_enable_tenancy('framework_blocks');
--> statement-breakpoint
SELECT lodestar_enable_tenancy('framework_capabilities');
--> statement-breakpoint
SELECT lodestar_enable_tenancy('framework_items');
--> statement-breakpoint
SELECT lodestar_enable_tenancy('assessments');
--> statement-breakpoint
SELECT lodestar_enable_tenancy('stage_balance_expectations');
--> statement-breakpoint
-- A published framework version never changes: assessments are scored with its wording and keys
-- for ever. The service refuses such changes first; these triggers make sure no other path (a
-- script, a future bug) can. Deleting the whole organisation is the one exception: its versions go
-- with it (the organisation row is already gone when the cascade runs).
CREATE FUNCTION lodestar_guard_published_version() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF OLD.status = 'published' THEN
    IF TG_OP = 'UPDATE' THEN
      RAISE EXCEPTION 'framework version % is published and cannot change', OLD.number
        USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF EXISTS (SELECT 1 FROM organisations o WHERE o.id = OLD.organisation_id) THEN
      RAISE EXCEPTION 'framework version % is published and cannot be deleted', OLD.number
        USING ERRCODE = 'integrity_constraint_violation';
    END IF;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE FUNCTION lodestar_guard_published_content() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP <> 'INSERT'
     AND EXISTS (SELECT 1 FROM framework_versions v
                  WHERE v.organisation_id = OLD.organisation_id AND v.id = OLD.version_id
                    AND v.status = 'published')
     AND (TG_OP = 'UPDATE' OR EXISTS (SELECT 1 FROM organisations o WHERE o.id = OLD.organisation_id)) THEN
    RAISE EXCEPTION '% of a published framework version cannot change', TG_TABLE_NAME
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF TG_OP <> 'DELETE'
     AND EXISTS (SELECT 1 FROM framework_versions v
                  WHERE v.organisation_id = NEW.organisation_id AND v.id = NEW.version_id
                    AND v.status = 'published') THEN
    RAISE EXCEPTION '% of a published framework version cannot change', TG_TABLE_NAME
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER framework_versions_published_immutable BEFORE UPDATE OR DELETE ON framework_versions
  FOR EACH ROW EXECUTE FUNCTION lodestar_guard_published_version();
--> statement-breakpoint
CREATE TRIGGER framework_blocks_published_immutable BEFORE INSERT OR UPDATE OR DELETE ON framework_blocks
  FOR EACH ROW EXECUTE FUNCTION lodestar_guard_published_content();
--> statement-breakpoint
CREATE TRIGGER framework_capabilities_published_immutable BEFORE INSERT OR UPDATE OR DELETE ON framework_capabilities
  FOR EACH ROW EXECUTE FUNCTION lodestar_guard_published_content();
--> statement-breakpoint
CREATE TRIGGER framework_items_published_immutable BEFORE INSERT OR UPDATE OR DELETE ON framework_items
  FOR EACH ROW EXECUTE FUNCTION lodestar_guard_published_content();
--> statement-breakpoint
-- A submitted self-assessment is a record: its answers, version and stage never change. (Only an
-- assessment in progress may be discarded; removing a person or organisation removes theirs.)
CREATE FUNCTION lodestar_guard_submitted_assessment() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  RAISE EXCEPTION 'a submitted assessment cannot change' USING ERRCODE = 'integrity_constraint_violation';
END
$$;
--> statement-breakpoint
CREATE TRIGGER assessments_submitted_immutable BEFORE UPDATE ON assessments
  FOR EACH ROW WHEN (OLD.status = 'submitted') EXECUTE FUNCTION lodestar_guard_submitted_assessment();
