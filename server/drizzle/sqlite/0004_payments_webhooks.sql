CREATE TABLE `credit_note_allocations` (
	`id` text PRIMARY KEY NOT NULL,
	`credit_note_id` text NOT NULL,
	`invoice_id` text NOT NULL,
	`via_payment_id` text,
	`amount` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`reversed_at` integer,
	FOREIGN KEY (`credit_note_id`) REFERENCES `credit_notes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`via_payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `credit_note_allocations_note_idx` ON `credit_note_allocations` (`credit_note_id`);--> statement-breakpoint
CREATE INDEX `credit_note_allocations_invoice_idx` ON `credit_note_allocations` (`invoice_id`);--> statement-breakpoint
CREATE INDEX `credit_note_allocations_via_idx` ON `credit_note_allocations` (`via_payment_id`);--> statement-breakpoint
CREATE TABLE `erp_webhook_deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`endpoint_id` text NOT NULL,
	`event_id` integer NOT NULL,
	`type` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_status` integer,
	`last_error` text,
	`created_at` integer NOT NULL,
	`delivered_at` integer,
	FOREIGN KEY (`endpoint_id`) REFERENCES `erp_webhook_endpoints`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `erp_webhook_deliveries_uq` ON `erp_webhook_deliveries` (`endpoint_id`,`event_id`);--> statement-breakpoint
CREATE INDEX `erp_webhook_deliveries_status_idx` ON `erp_webhook_deliveries` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `erp_webhook_endpoints` (
	`id` text PRIMARY KEY NOT NULL,
	`url` text NOT NULL,
	`event_types` text NOT NULL,
	`secret` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`disabled_at` integer
);
--> statement-breakpoint
CREATE TABLE `provider_events` (
	`provider` text NOT NULL,
	`event_id` text NOT NULL,
	`type` text NOT NULL,
	`payment_id` text,
	`received_at` integer NOT NULL,
	PRIMARY KEY(`provider`, `event_id`)
);
--> statement-breakpoint
ALTER TABLE `allocations` ADD `via_payment_id` text;--> statement-breakpoint
CREATE INDEX `allocations_via_payment_idx` ON `allocations` (`via_payment_id`);--> statement-breakpoint
ALTER TABLE `credit_notes` ADD `unapplied` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `credit_notes_unapplied_idx` ON `credit_notes` (`customer_id`,`unapplied`) WHERE "credit_notes"."invoice_id" IS NULL AND "credit_notes"."unapplied" > 0;--> statement-breakpoint
ALTER TABLE `email_outbox` ADD `attachments` text;--> statement-breakpoint
ALTER TABLE `payments` ADD `failure_message` text;--> statement-breakpoint
ALTER TABLE `payments` ADD `credit_requested` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `payments` ADD `next_action` text;--> statement-breakpoint
ALTER TABLE `payments` ADD `payer_email` text;--> statement-breakpoint
UPDATE `credit_notes` SET `unapplied` = `amount` WHERE `invoice_id` IS NULL;