/**
 * Maintained aggregates of the ledger for the staff console (issue 13): kept in the transaction of
 * every change that moves them (`domain/ar-aggregates.ts`), and rebuilt from the base tables when they
 * were never built (an installation upgrading) or were built for another time zone or day.
 *
 * - `ar_invoice_moves`: each live invoice's contribution, by the calendar day (company time zone) it
 *   takes effect: `b` the balance's moves (its total on its issue date; less each allocation and credit
 *   note allocation on the day it was made, back on the day it was reversed; less each credit note on
 *   its issue date; none before the issue date), `s` its sale (the total on the issue date). What an
 *   invoice contributed is read back from here to take it off when it changes.
 * - `ar_balance_days`: the `b` moves summed by currency, due date and day: the open balance of a
 *   currency's invoices due on a date at the end of day D is the sum over days ≤ D.
 * - `ar_sales_days`: the `s` moves summed by currency and issue date.
 * - `ar_worklist`: one row per customer with something unpaid: the worklist's figures as of `day`,
 *   and the part of its score that does not depend on the last contact (`base_score`).
 * - `ar_state`: which of them are built, for which time zone and day.
 */
import { index, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { int } from './columns';

export const arState = sqliteTable('ar_state', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const arInvoiceMoves = sqliteTable(
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

export const arBalanceDays = sqliteTable(
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

export const arSalesDays = sqliteTable(
  'ar_sales_days',
  {
    currency: text('currency').notNull(),
    day: text('day').notNull(),
    amount: int('amount').notNull(),
  },
  (t) => [primaryKey({ columns: [t.currency, t.day] })],
);

export const arWorklist = sqliteTable(
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
