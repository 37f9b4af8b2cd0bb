/** Promises to pay and the dunning they pause: what was promised, and which reminders went out when. */
import { sql } from 'drizzle-orm';
import { index, primaryKey, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { int, instant, flag, createdAt } from './columns';
import { customers } from './accounts';
import { invoices } from './invoices';

/** A customer's promise to pay some invoices an amount by a date. */
export const promises = pgTable(
  'promises',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    /** Who made it: the contact's email, or the staff member's for a promise taken by phone. */
    createdBy: text('created_by'),
    amount: int('amount').notNull(),
    currency: text('currency').notNull(),
    /** `YYYY-MM-DD` in the company's time zone. */
    promisedDate: text('promised_date').notNull(),
    /** The promised date plus the company's tolerance days: the verdict falls at the end of this day. */
    deadlineDate: text('deadline_date').notNull(),
    /** The end of `deadlineDate` in the company's time zone, as an instant: when the verdict job runs. */
    deadline: instant('deadline').notNull(),
    note: text('note'),
    status: text('status', { enum: ['open', 'kept', 'partially_kept', 'broken', 'cancelled'] }).notNull(),
    /** Pay automatically on the promised date: the method and the provider's saved token (never card data). */
    autopayMethod: text('autopay_method'),
    autopayToken: text('autopay_token'),
    autopayStatus: text('autopay_status', { enum: ['scheduled', 'charged', 'failed', 'cancelled', 'skipped'] }),
    /** The payment the autopay job made (its Idempotency-Key is `autopay-<promise id>`). */
    autopayPaymentId: text('autopay_payment_id'),
    /** The staff user who took a promise by phone (staff console); null for the customer's own. */
    takenBy: text('taken_by'),
    decidedAt: instant('decided_at'),
    cancelledAt: instant('cancelled_at'),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    index('promises_customer_idx').on(t.customerId, t.createdAt, t.id),
    index('promises_status_deadline_idx').on(t.status, t.deadline),
    index('promises_created_idx').on(t.createdAt, t.id),
  ],
);

/**
 * The invoices of a promise. `open` mirrors the promise's status being open, so that one open promise
 * per invoice is a unique index the database keeps, whatever the code does.
 */
export const promiseInvoices = pgTable(
  'promise_invoices',
  {
    promiseId: text('promise_id')
      .notNull()
      .references(() => promises.id, { onDelete: 'cascade' }),
    invoiceId: text('invoice_id')
      .notNull()
      .references(() => invoices.id),
    open: flag('open', true),
    /** The invoice's balance when the promise was made. */
    balanceAtPromise: int('balance_at_promise').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.promiseId, t.invoiceId] }),
    uniqueIndex('promise_invoices_open_uq')
      .on(t.invoiceId)
      .where(sql`${t.open} = 1`),
    index('promise_invoices_invoice_idx').on(t.invoiceId),
  ],
);

/**
 * The dunning step each invoice has been reminded of (or passed over by a "promise missed" email):
 * a step is sent once per invoice, whatever runs twice.
 */
export const dunningSteps = pgTable(
  'dunning_steps',
  {
    invoiceId: text('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'cascade' }),
    /** The step's index in the sequence: its offsets first, then each repeat. */
    step: int('step').notNull(),
    /** The company's calendar date it was sent on. */
    onDate: text('on_date').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.invoiceId, t.step] })],
);

/** Every reminder email by recipient and day: at most one a day to one address, kept by the key. */
export const dunningEmails = pgTable(
  'dunning_emails',
  {
    email: text('email').notNull(),
    onDate: text('on_date').notNull(),
    /** `reminder`, or `promise_missed` (which takes the day's place of a reminder). */
    kind: text('kind').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.email, t.onDate] })],
);
