CREATE TABLE `reservations` (
	`payment_id` text NOT NULL,
	`invoice_id` text NOT NULL,
	`amount` integer NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`payment_id`, `invoice_id`),
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reservations_invoice_idx` ON `reservations` (`invoice_id`);--> statement-breakpoint
ALTER TABLE `payments` ADD `expires_at` integer;--> statement-breakpoint
ALTER TABLE `payments` ADD `refunded` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `payments` ADD `refund_status` text;--> statement-breakpoint
ALTER TABLE `payments` ADD `refund_ref` text;--> statement-breakpoint
ALTER TABLE `payments` ADD `apply_rest_to_oldest` integer DEFAULT false NOT NULL;--> statement-breakpoint
INSERT INTO `reservations` (`payment_id`, `invoice_id`, `amount`, `created_at`)
SELECT p.`id`, json_extract(a.value, '$.invoiceId'), json_extract(a.value, '$.amount'), p.`created_at`
FROM `payments` p, json_each(p.`requested_allocations`) a
WHERE p.`status` IN ('pending', 'processing') AND p.`requested_allocations` IS NOT NULL;
