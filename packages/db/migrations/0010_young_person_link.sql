ALTER TABLE "cases" ADD COLUMN "young_person_id" uuid;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "young_person_agreement" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "young_person_linked_by" uuid;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "young_person_linked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "young_person_agreement" text;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_young_person_id_people_id_fk" FOREIGN KEY ("young_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_young_person_linked_by_people_id_fk" FOREIGN KEY ("young_person_linked_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cases_young_person_unique" ON "cases" USING btree ("young_person_id");