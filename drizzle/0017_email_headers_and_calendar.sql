ALTER TABLE "emails" ADD COLUMN "headers" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "calendar_method" text;--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "calendar" text;--> statement-breakpoint
ALTER TABLE "emails" ADD CONSTRAINT "emails_calendar_method" CHECK (("emails"."calendar" IS NULL) = ("emails"."calendar_method" IS NULL));