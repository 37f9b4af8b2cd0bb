ALTER TABLE `payments` ADD `requested_allocations` text;--> statement-breakpoint
ALTER TABLE `payments` ADD `allow_overpayment` integer DEFAULT false NOT NULL;