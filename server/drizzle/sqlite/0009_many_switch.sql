CREATE TABLE `dispute_attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`dispute_id` text NOT NULL,
	`message_id` text,
	`name` text NOT NULL,
	`type` text NOT NULL,
	`size` integer NOT NULL,
	`data` blob NOT NULL,
	`uploaded_by` text NOT NULL,
	`uploader_email` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`dispute_id`) REFERENCES `disputes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`message_id`) REFERENCES `dispute_messages`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `dispute_attachments_dispute_idx` ON `dispute_attachments` (`dispute_id`,`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `dispute_lines` (
	`dispute_id` text NOT NULL,
	`line_no` integer NOT NULL,
	`reason` text NOT NULL,
	`quantity_milli` integer,
	`amount` integer NOT NULL,
	`note` text,
	PRIMARY KEY(`dispute_id`, `line_no`),
	FOREIGN KEY (`dispute_id`) REFERENCES `disputes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `dispute_messages` (
	`id` text PRIMARY KEY NOT NULL,
	`dispute_id` text NOT NULL,
	`author_type` text NOT NULL,
	`author_email` text,
	`author_name` text,
	`body` text NOT NULL,
	`internal` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`dispute_id`) REFERENCES `disputes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `dispute_messages_dispute_idx` ON `dispute_messages` (`dispute_id`,`created_at`,`id`);--> statement-breakpoint
ALTER TABLE `credit_notes` ADD `dispute_id` text;--> statement-breakpoint
ALTER TABLE `disputes` ADD `opened_by` text;--> statement-breakpoint
ALTER TABLE `disputes` ADD `assignee_id` text REFERENCES staff_users(id);--> statement-breakpoint
ALTER TABLE `disputes` ADD `credit_note_id` text;--> statement-breakpoint
ALTER TABLE `disputes` ADD `resolution_note` text;--> statement-breakpoint
ALTER TABLE `disputes` ADD `rejection_reason` text;--> statement-breakpoint
ALTER TABLE `disputes` ADD `closed_at` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `disputes_standing_invoice_uq` ON `disputes` (`invoice_id`) WHERE "disputes"."status" IN ('open', 'under_review');