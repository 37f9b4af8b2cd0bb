CREATE TABLE `ar_balance_days` (
	`currency` text NOT NULL,
	`due_date` text NOT NULL,
	`day` text NOT NULL,
	`amount` integer NOT NULL,
	PRIMARY KEY(`currency`, `due_date`, `day`)
);
--> statement-breakpoint
CREATE INDEX `ar_balance_days_scan_idx` ON `ar_balance_days` (`currency`,`due_date`,`day`,`amount`);--> statement-breakpoint
CREATE TABLE `ar_invoice_moves` (
	`invoice_id` text NOT NULL,
	`kind` text NOT NULL,
	`day` text NOT NULL,
	`currency` text NOT NULL,
	`due_date` text NOT NULL,
	`amount` integer NOT NULL,
	PRIMARY KEY(`invoice_id`, `kind`, `day`)
);
--> statement-breakpoint
CREATE TABLE `ar_sales_days` (
	`currency` text NOT NULL,
	`day` text NOT NULL,
	`amount` integer NOT NULL,
	PRIMARY KEY(`currency`, `day`)
);
--> statement-breakpoint
CREATE TABLE `ar_state` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `ar_worklist` (
	`customer_id` text PRIMARY KEY NOT NULL,
	`currency` text NOT NULL,
	`day` text NOT NULL,
	`balance` integer NOT NULL,
	`past_due` integer NOT NULL,
	`weighted_past_due` integer NOT NULL,
	`broken_promises` integer NOT NULL,
	`disputed` integer NOT NULL,
	`open_disputes` integer NOT NULL,
	`base_score` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `ar_worklist_score_idx` ON `ar_worklist` (`base_score`,`customer_id`);