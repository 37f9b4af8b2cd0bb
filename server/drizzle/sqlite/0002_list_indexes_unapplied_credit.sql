DROP INDEX `invoices_customer_issue_idx`;--> statement-breakpoint
CREATE INDEX `invoices_unpaid_due_idx` ON `invoices` (`customer_id`,`due_date`,`id`,`balance`) WHERE "invoices"."voided_at" IS NULL AND "invoices"."balance" > 0;--> statement-breakpoint
CREATE INDEX `invoices_paid_due_idx` ON `invoices` (`customer_id`,`due_date`,`id`) WHERE "invoices"."voided_at" IS NULL AND "invoices"."balance" <= 0;--> statement-breakpoint
CREATE INDEX `invoices_customer_total_idx` ON `invoices` (`customer_id`,`total`,`id`);--> statement-breakpoint
CREATE INDEX `invoices_customer_balance_idx` ON `invoices` (`customer_id`,`balance`,`id`);--> statement-breakpoint
CREATE INDEX `invoices_customer_number_idx` ON `invoices` (`customer_id`,`number`);--> statement-breakpoint
CREATE INDEX `invoices_customer_issue_idx` ON `invoices` (`customer_id`,`issue_date`,`id`);--> statement-breakpoint
ALTER TABLE `payments` ADD `unapplied` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `payments_unapplied_idx` ON `payments` (`customer_id`,`unapplied`) WHERE "payments"."status" = 'succeeded' AND "payments"."unapplied" > 0;--> statement-breakpoint
UPDATE `payments` SET `unapplied` = `amount` - coalesce((SELECT sum(`a`.`amount`) FROM `allocations` `a` WHERE `a`.`payment_id` = `payments`.`id` AND `a`.`reversed_at` IS NULL), 0) WHERE `status` = 'succeeded';
