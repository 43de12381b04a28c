CREATE TABLE "relationship_labels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"label" text NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "relationship_labels" ADD CONSTRAINT "relationship_labels_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "relationship_labels_service_label_unique" ON "relationship_labels" USING btree ("service_id",lower("label"));--> statement-breakpoint
CREATE INDEX "relationship_labels_service_idx" ON "relationship_labels" USING btree ("service_id","position");