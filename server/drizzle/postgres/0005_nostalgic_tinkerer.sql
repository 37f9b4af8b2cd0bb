CREATE TABLE "ar_balance_days" (
	"currency" text NOT NULL,
	"due_date" text NOT NULL,
	"day" text NOT NULL,
	"amount" bigint NOT NULL,
	CONSTRAINT "ar_balance_days_currency_due_date_day_pk" PRIMARY KEY("currency","due_date","day")
);
--> statement-breakpoint
CREATE TABLE "ar_invoice_moves" (
	"invoice_id" text NOT NULL,
	"kind" text NOT NULL,
	"day" text NOT NULL,
	"currency" text NOT NULL,
	"due_date" text NOT NULL,
	"amount" bigint NOT NULL,
	CONSTRAINT "ar_invoice_moves_invoice_id_kind_day_pk" PRIMARY KEY("invoice_id","kind","day")
);
--> statement-breakpoint
CREATE TABLE "ar_sales_days" (
	"currency" text NOT NULL,
	"day" text NOT NULL,
	"amount" bigint NOT NULL,
	CONSTRAINT "ar_sales_days_currency_day_pk" PRIMARY KEY("currency","day")
);
--> statement-breakpoint
CREATE TABLE "ar_state" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ar_worklist" (
	"customer_id" text PRIMARY KEY NOT NULL,
	"currency" text NOT NULL,
	"day" text NOT NULL,
	"balance" bigint NOT NULL,
	"past_due" bigint NOT NULL,
	"weighted_past_due" bigint NOT NULL,
	"broken_promises" bigint NOT NULL,
	"disputed" bigint NOT NULL,
	"open_disputes" bigint NOT NULL,
	"base_score" bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX "ar_balance_days_scan_idx" ON "ar_balance_days" USING btree ("currency","due_date","day","amount");--> statement-breakpoint
CREATE INDEX "ar_worklist_score_idx" ON "ar_worklist" USING btree ("base_score","customer_id");