CREATE TABLE "dispute_attachments" (
	"id" text PRIMARY KEY NOT NULL,
	"dispute_id" text NOT NULL,
	"message_id" text,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"size" bigint NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by" text NOT NULL,
	"uploader_email" text NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dispute_lines" (
	"dispute_id" text NOT NULL,
	"line_no" bigint NOT NULL,
	"reason" text NOT NULL,
	"quantity_milli" bigint,
	"amount" bigint NOT NULL,
	"note" text,
	CONSTRAINT "dispute_lines_dispute_id_line_no_pk" PRIMARY KEY("dispute_id","line_no")
);
--> statement-breakpoint
CREATE TABLE "dispute_messages" (
	"id" text PRIMARY KEY NOT NULL,
	"dispute_id" text NOT NULL,
	"author_type" text NOT NULL,
	"author_email" text,
	"author_name" text,
	"body" text NOT NULL,
	"internal" smallint DEFAULT 0 NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "credit_notes" ADD COLUMN "dispute_id" text;--> statement-breakpoint
ALTER TABLE "disputes" ADD COLUMN "opened_by" text;--> statement-breakpoint
ALTER TABLE "disputes" ADD COLUMN "assignee_id" text;--> statement-breakpoint
ALTER TABLE "disputes" ADD COLUMN "credit_note_id" text;--> statement-breakpoint
ALTER TABLE "disputes" ADD COLUMN "resolution_note" text;--> statement-breakpoint
ALTER TABLE "disputes" ADD COLUMN "rejection_reason" text;--> statement-breakpoint
ALTER TABLE "disputes" ADD COLUMN "closed_at" bigint;--> statement-breakpoint
ALTER TABLE "dispute_attachments" ADD CONSTRAINT "dispute_attachments_dispute_id_disputes_id_fk" FOREIGN KEY ("dispute_id") REFERENCES "public"."disputes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_attachments" ADD CONSTRAINT "dispute_attachments_message_id_dispute_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."dispute_messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_lines" ADD CONSTRAINT "dispute_lines_dispute_id_disputes_id_fk" FOREIGN KEY ("dispute_id") REFERENCES "public"."disputes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_messages" ADD CONSTRAINT "dispute_messages_dispute_id_disputes_id_fk" FOREIGN KEY ("dispute_id") REFERENCES "public"."disputes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dispute_attachments_dispute_idx" ON "dispute_attachments" USING btree ("dispute_id","created_at","id");--> statement-breakpoint
CREATE INDEX "dispute_messages_dispute_idx" ON "dispute_messages" USING btree ("dispute_id","created_at","id");--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_assignee_id_staff_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "disputes_standing_invoice_uq" ON "disputes" USING btree ("invoice_id") WHERE "disputes"."status" IN ('open', 'under_review');