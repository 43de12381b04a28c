CREATE TABLE "action_escalations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action_id" uuid NOT NULL,
	"level" integer NOT NULL,
	"note" text NOT NULL,
	"by_id" uuid,
	"told_ids" uuid[] NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cetr_panel" (
	"cetr_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"place" text NOT NULL,
	"added_by" uuid,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "cetr_panel_cetr_id_person_id_pk" PRIMARY KEY("cetr_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "cetrs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"setting" text NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"reason" text NOT NULL,
	"requested_by" uuid,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"arranged_by" uuid,
	"held_on" date,
	"chair_id" uuid,
	"document_id" uuid NOT NULL,
	"easy_read_document_id" uuid,
	"agreed_at" timestamp with time zone,
	"agreed_version_id" uuid,
	"report_due_on" date,
	"reminder_sent_at" timestamp with time zone,
	"withdrawn_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "icb_commissions" (
	"icb_agency_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "icb_commissions_icb_agency_id_service_id_pk" PRIMARY KEY("icb_agency_id","service_id")
);
--> statement-breakpoint
CREATE TABLE "keyworker_cover" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rag_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" integer GENERATED ALWAYS AS IDENTITY (sequence name "rag_changes_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"case_id" uuid NOT NULL,
	"from_rating" text,
	"to_rating" text NOT NULL,
	"reason" text NOT NULL,
	"by_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"child_name" text NOT NULL,
	"date_of_birth" date,
	"source" text NOT NULL,
	"referred_by" uuid,
	"why_now" text NOT NULL,
	"risk" text NOT NULL,
	"register_consent" text NOT NULL,
	"status" text DEFAULT 'waiting' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decline_reason" text,
	"case_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "escalation_contact_id" uuid;--> statement-breakpoint
ALTER TABLE "carried_actions" ADD COLUMN "cetr_id" uuid;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "second_keyworker_id" uuid;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "cetr_id" uuid;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "escalates_to_id" uuid;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "rag_levels" jsonb;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "red_without_cetr_weeks" integer DEFAULT 12 NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "inpatient_cetr_every_months" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "rating_unchanged_weeks" integer DEFAULT 26 NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "caseload_limit" integer DEFAULT 12 NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "cetr_report_days" integer DEFAULT 14 NOT NULL;--> statement-breakpoint
ALTER TABLE "action_escalations" ADD CONSTRAINT "action_escalations_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_escalations" ADD CONSTRAINT "action_escalations_by_id_people_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cetr_panel" ADD CONSTRAINT "cetr_panel_cetr_id_cetrs_id_fk" FOREIGN KEY ("cetr_id") REFERENCES "public"."cetrs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cetr_panel" ADD CONSTRAINT "cetr_panel_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cetr_panel" ADD CONSTRAINT "cetr_panel_added_by_people_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cetrs" ADD CONSTRAINT "cetrs_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cetrs" ADD CONSTRAINT "cetrs_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cetrs" ADD CONSTRAINT "cetrs_requested_by_people_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cetrs" ADD CONSTRAINT "cetrs_arranged_by_people_id_fk" FOREIGN KEY ("arranged_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cetrs" ADD CONSTRAINT "cetrs_chair_id_people_id_fk" FOREIGN KEY ("chair_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cetrs" ADD CONSTRAINT "cetrs_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cetrs" ADD CONSTRAINT "cetrs_easy_read_document_id_documents_id_fk" FOREIGN KEY ("easy_read_document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cetrs" ADD CONSTRAINT "cetrs_agreed_version_id_document_versions_id_fk" FOREIGN KEY ("agreed_version_id") REFERENCES "public"."document_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "icb_commissions" ADD CONSTRAINT "icb_commissions_icb_agency_id_agencies_id_fk" FOREIGN KEY ("icb_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "icb_commissions" ADD CONSTRAINT "icb_commissions_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "keyworker_cover" ADD CONSTRAINT "keyworker_cover_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "keyworker_cover" ADD CONSTRAINT "keyworker_cover_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "keyworker_cover" ADD CONSTRAINT "keyworker_cover_recorded_by_people_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rag_changes" ADD CONSTRAINT "rag_changes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rag_changes" ADD CONSTRAINT "rag_changes_by_id_people_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_referred_by_people_id_fk" FOREIGN KEY ("referred_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_decided_by_people_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_escalations_action_idx" ON "action_escalations" USING btree ("action_id","at");--> statement-breakpoint
CREATE INDEX "cetr_panel_person_idx" ON "cetr_panel" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "cetrs_case_idx" ON "cetrs" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "cetrs_service_status_idx" ON "cetrs" USING btree ("service_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "cetrs_document_unique" ON "cetrs" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "icb_commissions_service_idx" ON "icb_commissions" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "keyworker_cover_case_idx" ON "keyworker_cover" USING btree ("case_id","from_date");--> statement-breakpoint
CREATE INDEX "rag_changes_case_idx" ON "rag_changes" USING btree ("case_id","at");--> statement-breakpoint
CREATE INDEX "rag_changes_at_idx" ON "rag_changes" USING btree ("at");--> statement-breakpoint
CREATE INDEX "referrals_service_status_idx" ON "referrals" USING btree ("service_id","status","created_at");--> statement-breakpoint
ALTER TABLE "agencies" ADD CONSTRAINT "agencies_escalation_contact_id_people_id_fk" FOREIGN KEY ("escalation_contact_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carried_actions" ADD CONSTRAINT "carried_actions_cetr_id_cetrs_id_fk" FOREIGN KEY ("cetr_id") REFERENCES "public"."cetrs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_second_keyworker_id_people_id_fk" FOREIGN KEY ("second_keyworker_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_cetr_id_cetrs_id_fk" FOREIGN KEY ("cetr_id") REFERENCES "public"."cetrs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_escalates_to_id_people_id_fk" FOREIGN KEY ("escalates_to_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Each child already on the register starts their history with the rating they hold now.
INSERT INTO "rag_changes" ("case_id", "from_rating", "to_rating", "reason", "at")
SELECT "id", NULL, "rag_rating", 'Rating when the history began to be kept', "created_at" FROM "cases";
