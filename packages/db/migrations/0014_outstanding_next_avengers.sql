ALTER TABLE "people" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "working_hours" text;--> statement-breakpoint
ALTER TABLE "cases" DROP COLUMN "next_meeting_at";