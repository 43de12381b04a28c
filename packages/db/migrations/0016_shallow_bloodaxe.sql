ALTER TABLE "people" ADD COLUMN "easy_read" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "communication_needs" jsonb;