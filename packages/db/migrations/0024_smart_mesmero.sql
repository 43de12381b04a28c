ALTER TABLE "invitations" ADD COLUMN "cetr_id" uuid;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "panel_place" text;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_cetr_id_cetrs_id_fk" FOREIGN KEY ("cetr_id") REFERENCES "public"."cetrs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invitations_cetr_idx" ON "invitations" USING btree ("cetr_id","created_at") WHERE "invitations"."cetr_id" is not null;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_panel_place_with_cetr" CHECK (("invitations"."cetr_id" is null) = ("invitations"."panel_place" is null));