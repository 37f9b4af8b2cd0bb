CREATE TABLE "dunning_emails" (
	"email" text NOT NULL,
	"on_date" text NOT NULL,
	"kind" text NOT NULL,
	"created_at" bigint DEFAULT (floor(extract(epoch from statement_timestamp()) * 1000))::bigint NOT NULL,
	CONSTRAINT "dunning_emails_email_on_date_pk" PRIMARY KEY("email","on_date")
);
--> statement-breakpoint
CREATE TABLE "dunning_steps" (
	"invoice_id" text NOT NULL,
	"step" bigint NOT NULL,
	"on_date" text NOT NULL,
	"created_at" bigint DEFAULT (floor(extract(epoch from statement_timestamp()) * 1000))::bigint NOT NULL,
	CONSTRAINT "dunning_steps_invoice_id_step_pk" PRIMARY KEY("invoice_id","step")
);
--> statement-breakpoint
CREATE TABLE "promise_invoices" (
	"promise_id" text NOT NULL,
	"invoice_id" text NOT NULL,
	"open" smallint DEFAULT 1 NOT NULL,
	"balance_at_promise" bigint NOT NULL,
	CONSTRAINT "promise_invoices_promise_id_invoice_id_pk" PRIMARY KEY("promise_id","invoice_id")
);
--> statement-breakpoint
CREATE TABLE "promises" (
	"id" text PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"created_by" text,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"promised_date" text NOT NULL,
	"deadline_date" text NOT NULL,
	"deadline" bigint NOT NULL,
	"note" text,
	"status" text NOT NULL,
	"autopay_method" text,
	"autopay_token" text,
	"autopay_status" text,
	"autopay_payment_id" text,
	"decided_at" bigint,
	"cancelled_at" bigint,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "dunning_paused_until" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "collector_id" text;--> statement-breakpoint
ALTER TABLE "disputes" ADD COLUMN "amount" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "promises_broken" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "dunning_steps" ADD CONSTRAINT "dunning_steps_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promise_invoices" ADD CONSTRAINT "promise_invoices_promise_id_promises_id_fk" FOREIGN KEY ("promise_id") REFERENCES "public"."promises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promise_invoices" ADD CONSTRAINT "promise_invoices_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promises" ADD CONSTRAINT "promises_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "promise_invoices_open_uq" ON "promise_invoices" USING btree ("invoice_id") WHERE "promise_invoices"."open" = 1;--> statement-breakpoint
CREATE INDEX "promise_invoices_invoice_idx" ON "promise_invoices" USING btree ("invoice_id");--> statement-breakpoint
CREATE INDEX "promises_customer_idx" ON "promises" USING btree ("customer_id","created_at","id");--> statement-breakpoint
CREATE INDEX "promises_status_deadline_idx" ON "promises" USING btree ("status","deadline");