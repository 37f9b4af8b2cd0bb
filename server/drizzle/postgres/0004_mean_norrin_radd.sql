ALTER TABLE "payments" ADD COLUMN "reference" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "recorded_by" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "received_on" text;--> statement-breakpoint
ALTER TABLE "promises" ADD COLUMN "taken_by" text;--> statement-breakpoint
CREATE INDEX "payments_created_idx" ON "payments" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "promises_created_idx" ON "promises" USING btree ("created_at","id");