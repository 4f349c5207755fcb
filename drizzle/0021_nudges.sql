-- Nudges (src/domains/nudges/schema.ts): each person's digest choices, and one row per digest sent
-- and period, whose key is what lets a period's digest go out at most once.
CREATE TABLE "digest_sends" (
	"organisation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"period" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "digest_sends_organisation_id_person_id_period_pk" PRIMARY KEY("organisation_id","person_id","period"),
	CONSTRAINT "digest_sends_period" CHECK ("digest_sends"."period" ~ '^[0-9]{4}-W[0-9]{2}$')
);
--> statement-breakpoint
CREATE TABLE "nudge_preferences" (
	"organisation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"frequency" text NOT NULL,
	"weekday" smallint NOT NULL,
	"hour" smallint NOT NULL,
	"time_zone" text NOT NULL,
	"quiet_start" smallint,
	"quiet_end" smallint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "nudge_preferences_organisation_id_person_id_pk" PRIMARY KEY("organisation_id","person_id"),
	CONSTRAINT "nudge_preferences_frequency" CHECK ("nudge_preferences"."frequency" IN ('off', 'weekly', 'fortnightly')),
	CONSTRAINT "nudge_preferences_weekday" CHECK ("nudge_preferences"."weekday" BETWEEN 1 AND 7),
	CONSTRAINT "nudge_preferences_hour" CHECK ("nudge_preferences"."hour" BETWEEN 0 AND 23),
	CONSTRAINT "nudge_preferences_time_zone" CHECK (char_length("nudge_preferences"."time_zone") BETWEEN 1 AND 64),
	CONSTRAINT "nudge_preferences_quiet_hours" CHECK (("nudge_preferences"."quiet_start" IS NULL AND "nudge_preferences"."quiet_end" IS NULL)
          OR ("nudge_preferences"."quiet_start" BETWEEN 0 AND 23 AND "nudge_preferences"."quiet_end" BETWEEN 0 AND 23 AND "nudge_preferences"."quiet_start" <> "nudge_preferences"."quiet_end"))
);
--> statement-breakpoint
ALTER TABLE "digest_sends" ADD CONSTRAINT "digest_sends_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "digest_sends" ADD CONSTRAINT "digest_sends_person_fk" FOREIGN KEY ("organisation_id","person_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nudge_preferences" ADD CONSTRAINT "nudge_preferences_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nudge_preferences" ADD CONSTRAINT "nudge_preferences_person_fk" FOREIGN KEY ("organisation_id","person_id") REFERENCES "public"."people"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Tenant isolation (0001_tenancy.sql). Not owner-only (0014): no content, and the scheduler reads the
-- whole organisation's choices without acting as anyone.
SELECT lodestar_enable_tenancy('nudge_preferences');
--> statement-breakpoint
SELECT lodestar_enable_tenancy('digest_sends');
