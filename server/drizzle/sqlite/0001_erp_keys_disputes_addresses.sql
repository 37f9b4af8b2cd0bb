CREATE TABLE `disputes` (
	`id` text PRIMARY KEY NOT NULL,
	`invoice_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`status` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `disputes_invoice_idx` ON `disputes` (`invoice_id`,`status`);--> statement-breakpoint
CREATE INDEX `disputes_customer_idx` ON `disputes` (`customer_id`,`status`);--> statement-breakpoint
CREATE TABLE `erp_api_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`prefix` text NOT NULL,
	`key_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_used_at` integer,
	`revoked_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `erp_api_keys_hash_uq` ON `erp_api_keys` (`key_hash`);--> statement-breakpoint
ALTER TABLE `customers` ADD `billing_address` text;