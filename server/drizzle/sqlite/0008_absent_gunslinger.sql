CREATE TABLE `dunning_emails` (
	`email` text NOT NULL,
	`on_date` text NOT NULL,
	`kind` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`email`, `on_date`)
);
--> statement-breakpoint
CREATE TABLE `dunning_steps` (
	`invoice_id` text NOT NULL,
	`step` integer NOT NULL,
	`on_date` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`invoice_id`, `step`),
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `promise_invoices` (
	`promise_id` text NOT NULL,
	`invoice_id` text NOT NULL,
	`open` integer DEFAULT true NOT NULL,
	`balance_at_promise` integer NOT NULL,
	PRIMARY KEY(`promise_id`, `invoice_id`),
	FOREIGN KEY (`promise_id`) REFERENCES `promises`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `promise_invoices_open_uq` ON `promise_invoices` (`invoice_id`) WHERE "promise_invoices"."open" = 1;--> statement-breakpoint
CREATE INDEX `promise_invoices_invoice_idx` ON `promise_invoices` (`invoice_id`);--> statement-breakpoint
CREATE TABLE `promises` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text NOT NULL,
	`created_by` text,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`promised_date` text NOT NULL,
	`deadline_date` text NOT NULL,
	`deadline` integer NOT NULL,
	`note` text,
	`status` text NOT NULL,
	`autopay_method` text,
	`autopay_token` text,
	`autopay_status` text,
	`autopay_payment_id` text,
	`decided_at` integer,
	`cancelled_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `promises_customer_idx` ON `promises` (`customer_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `promises_status_deadline_idx` ON `promises` (`status`,`deadline`);--> statement-breakpoint
ALTER TABLE `customers` ADD `dunning_paused_until` text;--> statement-breakpoint
ALTER TABLE `customers` ADD `collector_id` text;--> statement-breakpoint
ALTER TABLE `disputes` ADD `amount` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `invoices` ADD `promises_broken` integer DEFAULT 0 NOT NULL;