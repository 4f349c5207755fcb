-- Nested teams and team leaders (src/identity/people/schema.ts): a team may sit under a parent team and
-- have a leader; both keys include the organisation, so neither can point into another tenant.
ALTER TABLE "teams" ADD COLUMN "parent_team_id" uuid;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "leader_id" uuid;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_organisation_id_parent_team_id_teams_organisation_id_id_fk" FOREIGN KEY ("organisation_id","parent_team_id") REFERENCES "public"."teams"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "people_organisation_id_team_id_index" ON "people" USING btree ("organisation_id","team_id");--> statement-breakpoint
CREATE INDEX "teams_organisation_id_parent_team_id_index" ON "teams" USING btree ("organisation_id","parent_team_id");--> statement-breakpoint
CREATE INDEX "teams_organisation_id_leader_id_index" ON "teams" USING btree ("organisation_id","leader_id");--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_not_own_parent" CHECK ("teams"."parent_team_id" IS NULL OR "teams"."parent_team_id" <> "teams"."id");--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_organisation_id_leader_id_people_fk" FOREIGN KEY ("organisation_id","leader_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE no action ON UPDATE no action;
