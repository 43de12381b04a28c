CREATE TABLE "carried_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"meeting_id" uuid,
	"case_id" uuid NOT NULL,
	"carried_by" uuid,
	"carried_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decision" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decided_status" text,
	"decided_due_date" date,
	"decided_owner_id" uuid,
	"decided_blocked_reason" text
);
--> statement-breakpoint
ALTER TABLE "carried_actions" ADD CONSTRAINT "carried_actions_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carried_actions" ADD CONSTRAINT "carried_actions_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carried_actions" ADD CONSTRAINT "carried_actions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carried_actions" ADD CONSTRAINT "carried_actions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carried_actions" ADD CONSTRAINT "carried_actions_carried_by_people_id_fk" FOREIGN KEY ("carried_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carried_actions" ADD CONSTRAINT "carried_actions_decided_by_people_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carried_actions" ADD CONSTRAINT "carried_actions_decided_owner_id_people_id_fk" FOREIGN KEY ("decided_owner_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "carried_actions_document_action_idx" ON "carried_actions" USING btree ("document_id","action_id");--> statement-breakpoint
CREATE INDEX "carried_actions_meeting_idx" ON "carried_actions" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "carried_actions_action_idx" ON "carried_actions" USING btree ("action_id");