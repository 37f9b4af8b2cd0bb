/** Money received: payments, what they hold (reservations) and where they went (allocations), provider webhook events. */
import { sql } from 'drizzle-orm';
import { paymentStatuses, recordedPaymentMethods } from '../../contract/lists';
import { index, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { int, instant, flag, json, createdAt } from './columns';
import { customers } from './accounts';
import { creditNotes, invoices } from './invoices';

export const payments = sqliteTable(
  'payments',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    amount: int('amount').notNull(),
    /** What no invoice has taken yet: the customer's credit. Kept with the allocations that move it. */
    unapplied: int('unapplied').notNull().default(0),
    surcharge: int('surcharge').notNull().default(0),
    currency: text('currency').notNull(),
    method: text('method', { enum: recordedPaymentMethods }).notNull(),
    provider: text('provider').notNull(),
    providerRef: text('provider_ref'),
    /** `returned`: a bank payment that settled and was then sent back; its allocations are reversed. */
    status: text('status', { enum: paymentStatuses }).notNull(),
    /** The allocations the payer chose, applied when the payment succeeds; the rest goes oldest first. */
    requestedAllocations: json<{ invoiceId: string; amount: number }[]>('requested_allocations'),
    /** Whether what no invoice takes may stay as the customer's credit (the company's setting at the time). */
    allowOverpayment: flag('allow_overpayment', false),
    failureCode: text('failure_code'),
    /** The provider's words for a decline or failure, safe to show the payer. */
    failureMessage: text('failure_message'),
    /** Credit (earlier payments' remainders, loose credit notes) the payer chose to use with this payment. */
    creditRequested: int('credit_requested').notNull().default(0),
    /** What the payer must still do (authenticate, approve at PayPal, confirm with Stripe.js), while pending. */
    nextAction: json<Record<string, unknown>>('next_action'),
    /** Who paid (the session's email), where the receipt goes. */
    payerEmail: text('payer_email'),
    idempotencyKey: text('idempotency_key'),
    /** SHA-256 of the request body that first used the idempotency key; a different body is a 409. */
    requestHash: text('request_hash'),
    createdBy: text('created_by'),
    createdAt: createdAt(),
    updatedAt: instant('updated_at').notNull(),
    succeededAt: instant('succeeded_at'),
    /** A payment waiting on the payer lapses (is cancelled at the provider) at this instant. */
    expiresAt: instant('expires_at'),
    /**
     * While a replica calls the provider for this payment: until when its call may run. A retry of the
     * same Idempotency-Key on any replica waits for it instead of calling again; once past (the replica
     * died), a retry takes the call over.
     */
    chargingUntil: instant('charging_until'),
    /** What went back to the payer through the provider: money no chosen invoice could take. */
    refunded: int('refunded').notNull().default(0),
    refundStatus: text('refund_status', { enum: ['pending', 'succeeded', 'failed'] }),
    refundRef: text('refund_ref'),
    /** The payer asked that what a chosen invoice cannot take go to the oldest open invoices. */
    applyRestToOldest: flag('apply_rest_to_oldest', false),
    /** An offline payment's cheque number or bank reference (staff console); null for the portal's. */
    reference: text('reference'),
    /** The staff user who recorded an offline payment; null for the portal's. */
    recordedBy: text('recorded_by'),
    /** The day an offline payment's money arrived (`YYYY-MM-DD`, company time zone); null for the portal's. */
    receivedOn: text('received_on'),
  },
  (t) => [
    uniqueIndex('payments_idempotency_uq').on(t.customerId, t.idempotencyKey),
    index('payments_customer_idx').on(t.customerId, t.createdAt),
    index('payments_unapplied_idx')
      .on(t.customerId, t.unapplied)
      .where(sql`${t.status} = 'succeeded' AND ${t.unapplied} > 0`),
    index('payments_provider_ref_idx').on(t.provider, t.providerRef),
    index('payments_updated_idx').on(t.updatedAt),
    index('payments_created_idx').on(t.createdAt, t.id),
    // Cash collected by day (the staff overview): not led by currency and status, or SQLite prefers it to
    // payments_unapplied_idx for the unapplied credit, and that read goes from 0.2 ms to 200 ms.
    index('payments_succeeded_idx').on(t.succeededAt, t.currency, t.status, t.amount, t.surcharge),
  ],
);

/**
 * Money in flight: what an accepted payment asks of each invoice, held from the moment it is accepted
 * until it fails, is returned or is applied (then the rows go, in the same transaction). A new payment
 * may take at most balance − the sum held here; that is checked inside the write transaction.
 */
export const reservations = sqliteTable(
  'reservations',
  {
    paymentId: text('payment_id')
      .notNull()
      .references(() => payments.id),
    invoiceId: text('invoice_id')
      .notNull()
      .references(() => invoices.id),
    amount: int('amount').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.paymentId, t.invoiceId] }), index('reservations_invoice_idx').on(t.invoiceId)],
);

/** Cash application: how much of a payment went to which invoice. */
export const allocations = sqliteTable(
  'allocations',
  {
    id: text('id').primaryKey(),
    paymentId: text('payment_id')
      .notNull()
      .references(() => payments.id),
    invoiceId: text('invoice_id')
      .notNull()
      .references(() => invoices.id),
    amount: int('amount').notNull(),
    /** Set when this is credit (an earlier payment's remainder) applied along with another payment. */
    viaPaymentId: text('via_payment_id'),
    createdAt: createdAt(),
    reversedAt: instant('reversed_at'),
  },
  (t) => [
    index('allocations_payment_idx').on(t.paymentId),
    index('allocations_invoice_idx').on(t.invoiceId),
    index('allocations_via_payment_idx').on(t.viaPaymentId),
  ],
);

/** A loose credit note applied to an invoice, when a payer uses credit with a payment. */
export const creditNoteAllocations = sqliteTable(
  'credit_note_allocations',
  {
    id: text('id').primaryKey(),
    creditNoteId: text('credit_note_id')
      .notNull()
      .references(() => creditNotes.id),
    invoiceId: text('invoice_id')
      .notNull()
      .references(() => invoices.id),
    /** The payment whose request applied it. */
    viaPaymentId: text('via_payment_id').references(() => payments.id),
    amount: int('amount').notNull(),
    createdAt: createdAt(),
    reversedAt: instant('reversed_at'),
  },
  (t) => [
    index('credit_note_allocations_note_idx').on(t.creditNoteId),
    index('credit_note_allocations_invoice_idx').on(t.invoiceId),
    index('credit_note_allocations_via_idx').on(t.viaPaymentId),
  ],
);

/** Payment providers' webhook events already handled: a replayed event id is refused. */
export const providerEvents = sqliteTable(
  'provider_events',
  {
    provider: text('provider').notNull(),
    eventId: text('event_id').notNull(),
    type: text('type').notNull(),
    paymentId: text('payment_id'),
    receivedAt: instant('received_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.eventId] })],
);
