-- The empowering-skills library (src/domains/library/schema.ts, docs/decisions/0013).
CREATE TABLE "library_module_versions" (
	"organisation_id" uuid NOT NULL,
	"module_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"body" text NOT NULL,
	"practice_action" text NOT NULL,
	"practice_situation" text NOT NULL,
	"practice_frequency" text NOT NULL,
	"practice_signal" text NOT NULL,
	"reflection" text NOT NULL,
	"minutes" integer NOT NULL,
	"stages" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"author_id" uuid,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', summary), 'B') || setweight(to_tsvector('english', body), 'C')) STORED,
	CONSTRAINT "library_module_versions_organisation_id_module_id_version_pk" PRIMARY KEY("organisation_id","module_id","version"),
	CONSTRAINT "library_module_versions_status_known" CHECK ("library_module_versions"."status" IN ('draft', 'published', 'superseded')),
	CONSTRAINT "library_module_versions_published_at" CHECK (("library_module_versions"."status" = 'draft') = ("library_module_versions"."published_at" IS NULL)),
	CONSTRAINT "library_module_versions_minutes" CHECK ("library_module_versions"."minutes" BETWEEN 5 AND 120),
	CONSTRAINT "library_module_versions_has_stage" CHECK (cardinality("library_module_versions"."stages") > 0)
);
--> statement-breakpoint
CREATE TABLE "library_modules" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"origin" text NOT NULL,
	"capability_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone,
	CONSTRAINT "library_modules_organisation_id_id_pk" PRIMARY KEY("organisation_id","id"),
	CONSTRAINT "library_modules_organisation_id_key_unique" UNIQUE("organisation_id","key"),
	CONSTRAINT "library_modules_origin_known" CHECK ("library_modules"."origin" IN ('built-in', 'organisation'))
);
--> statement-breakpoint
ALTER TABLE "library_module_versions" ADD CONSTRAINT "library_module_versions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_module_versions" ADD CONSTRAINT "library_module_versions_module_fk" FOREIGN KEY ("organisation_id","module_id") REFERENCES "public"."library_modules"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_modules" ADD CONSTRAINT "library_modules_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "library_module_versions_one_draft" ON "library_module_versions" USING btree ("organisation_id","module_id") WHERE "library_module_versions"."status" = 'draft';--> statement-breakpoint
CREATE UNIQUE INDEX "library_module_versions_one_published" ON "library_module_versions" USING btree ("organisation_id","module_id") WHERE "library_module_versions"."status" = 'published';--> statement-breakpoint
CREATE INDEX "library_module_versions_search" ON "library_module_versions" USING gin ("search");
--> statement-breakpoint
-- Tenant isolation (see 0001_tenancy.sql).
SELECT lodestar_enable_tenancy('library_modules');
--> statement-breakpoint
SELECT lodestar_enable_tenancy('library_module_versions');
--> statement-breakpoint
-- What participants read is never changed in place: a published or superseded version keeps its
-- content, and only moves on (published -> superseded). The service never tries; this makes sure
-- no other path (a script, a future bug) can.
CREATE FUNCTION lodestar_guard_library_versions() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF OLD.status <> 'draft' AND (
       (ROW(NEW.title, NEW.summary, NEW.body, NEW.practice_action, NEW.practice_situation,
            NEW.practice_frequency, NEW.practice_signal, NEW.reflection, NEW.minutes, NEW.stages,
            NEW.published_at, NEW.author_id, NEW.version, NEW.module_id)
        IS DISTINCT FROM
        ROW(OLD.title, OLD.summary, OLD.body, OLD.practice_action, OLD.practice_situation,
            OLD.practice_frequency, OLD.practice_signal, OLD.reflection, OLD.minutes, OLD.stages,
            OLD.published_at, OLD.author_id, OLD.version, OLD.module_id))
       OR NOT (NEW.status = OLD.status OR (OLD.status = 'published' AND NEW.status = 'superseded'))) THEN
    RAISE EXCEPTION 'a published library module version never changes' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER library_module_versions_frozen BEFORE UPDATE ON library_module_versions
  FOR EACH ROW EXECUTE FUNCTION lodestar_guard_library_versions();
