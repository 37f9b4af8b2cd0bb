/** The PostgreSQL twin of `db/schema/aggregates.ts` (see there what each table means). */
import { index, primaryKey, pgTable, text } from 'drizzle-orm/pg-core';
import { int } from './columns';

export const arState = pgTable('ar_state', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const arInvoiceMoves = pgTable(
  'ar_invoice_moves',
  {
    invoiceId: text('invoice_id').notNull(),
    /** `b` balance, `s` sale. */
    kind: text('kind').notNull(),
    day: text('day').notNull(),
    currency: text('currency').notNull(),
    dueDate: text('due_date').notNull(),
    amount: int('amount').notNull(),
  },
  (t) => [primaryKey({ columns: [t.invoiceId, t.kind, t.day] })],
);

export const arBalanceDays = pgTable(
  'ar_balance_days',
  {
    currency: text('currency').notNull(),
    dueDate: text('due_date').notNull(),
    day: text('day').notNull(),
    amount: int('amount').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.currency, t.dueDate, t.day] }),
    // The aging as of a day reads this index alone.
    index('ar_balance_days_scan_idx').on(t.currency, t.dueDate, t.day, t.amount),
  ],
);

export const arSalesDays = pgTable(
  'ar_sales_days',
  {
    currency: text('currency').notNull(),
    day: text('day').notNull(),
    amount: int('amount').notNull(),
  },
  (t) => [primaryKey({ columns: [t.currency, t.day] })],
);

export const arWorklist = pgTable(
  'ar_worklist',
  {
    customerId: text('customer_id').primaryKey(),
    currency: text('currency').notNull(),
    /** The calendar day the figures are as of (days past due move with it). */
    day: text('day').notNull(),
    balance: int('balance').notNull(),
    pastDue: int('past_due').notNull(),
    weightedPastDue: int('weighted_past_due').notNull(),
    brokenPromises: int('broken_promises').notNull(),
    disputed: int('disputed').notNull(),
    openDisputes: int('open_disputes').notNull(),
    /** The score without its days-since-contact part (at most `CONTACT_DAYS_CAP` × 5 points more). */
    baseScore: int('base_score').notNull(),
  },
  (t) => [index('ar_worklist_score_idx').on(t.baseScore, t.customerId)],
);
