ALTER TABLE `payments` ADD `reference` text;--> statement-breakpoint
ALTER TABLE `payments` ADD `recorded_by` text;--> statement-breakpoint
ALTER TABLE `payments` ADD `received_on` text;--> statement-breakpoint
CREATE INDEX `payments_created_idx` ON `payments` (`created_at`,`id`);--> statement-breakpoint
ALTER TABLE `promises` ADD `taken_by` text;--> statement-breakpoint
CREATE INDEX `promises_created_idx` ON `promises` (`created_at`,`id`);