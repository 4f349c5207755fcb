-- An experiment taken from the library keeps its module; if an organisation's own module is ever
-- deleted, only source_module_id is cleared (a whole-key SET NULL would null organisation_id too).
ALTER TABLE "plan_experiments" ADD CONSTRAINT "plan_experiments_module_fk" FOREIGN KEY ("organisation_id","source_module_id") REFERENCES "public"."library_modules"("organisation_id","id") ON DELETE SET NULL ("source_module_id") ON UPDATE no action;
