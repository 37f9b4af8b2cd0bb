/**
 * The Drizzle schema of Portico's core domain. Money columns are integers in minor units with a
 * currency code beside them; calendar dates are `YYYY-MM-DD` text in the company's time zone;
 * instants are integer milliseconds since the epoch (`timestamp_ms`).
 *
 * Derivable values that hot queries filter or sort on (an invoice's balance) are stored and kept
 * current inside the same transaction as the change that moves them; status is derived at read time
 * because it depends on "today".
 */
import { sql } from 'drizzle-orm';
import { paymentStatuses, recordedPaymentMethods } from '../contract/lists';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

/** An email attachment, rendered from live data at delivery so the outbox holds no file bytes. */
export type EmailAttachmentSpec =
  { type: 'invoice_pdf'; invoiceId: string } | { type: 'receipt_pdf'; paymentId: string };

/** Company-wide settings (name, time zone, limits), one JSON value per key. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

export const customers = sqliteTable(
  'customers',
  {
    id: text('id').primaryKey(),
    externalId: text('external_id'),
    name: text('name').notNull(),
    currency: text('currency').notNull(),
    paymentTermsDays: integer('payment_terms_days').notNull().default(30),
    /** Multi-line postal address, printed on PDFs and statements. */
    billingAddress: text('billing_address'),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('customers_external_id_uq').on(t.externalId), index('customers_name_idx').on(t.name)],
);

/** An email on a customer account. One email may be a contact of several customers (a bookkeeper). */
export const contacts = sqliteTable(
  'contacts',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    /** Normalised: trimmed and lower-cased, as every lookup is. */
    email: text('email').notNull(),
    name: text('name').notNull().default(''),
    /** BCP 47, canonical (`fr-FR`): the words, money and dates of what is written to them; null for the company's `locale`. */
    locale: text('locale'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('contacts_customer_email_uq').on(t.customerId, t.email), index('contacts_email_idx').on(t.email)],
);

export const staffUsers = sqliteTable(
  'staff_users',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ['admin', 'collector', 'viewer'] }).notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
    deactivatedAt: integer('deactivated_at', { mode: 'timestamp_ms' }),
  },
  (t) => [uniqueIndex('staff_users_email_uq').on(t.email)],
);

export const invoices = sqliteTable(
  'invoices',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    externalId: text('external_id'),
    number: text('number').notNull(),
    poNumber: text('po_number'),
    issueDate: text('issue_date').notNull(),
    dueDate: text('due_date').notNull(),
    currency: text('currency').notNull(),
    subtotal: integer('subtotal').notNull(),
    taxTotal: integer('tax_total').notNull().default(0),
    total: integer('total').notNull(),
    amountPaid: integer('amount_paid').notNull().default(0),
    amountCredited: integer('amount_credited').notNull().default(0),
    /** total − amountPaid − amountCredited; stored because lists filter and sort on it. */
    balance: integer('balance').notNull(),
    voidedAt: integer('voided_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    uniqueIndex('invoices_number_uq').on(t.number),
    uniqueIndex('invoices_external_id_uq').on(t.externalId),
    // The customer's list walks one of these in order and stops at the page size, so a page of a
    // 10,000-invoice account reads about a page of rows. Unpaid and paid invoices have their own
    // (partial) due-date indexes: past-due-first reads each status group in due-date order.
    index('invoices_customer_due_idx').on(t.customerId, t.dueDate, t.id),
    // With the balance in it, the account totals are summed from this index alone.
    index('invoices_unpaid_due_idx')
      .on(t.customerId, t.dueDate, t.id, t.balance)
      .where(sql`${t.voidedAt} IS NULL AND ${t.balance} > 0`),
    index('invoices_paid_due_idx')
      .on(t.customerId, t.dueDate, t.id)
      .where(sql`${t.voidedAt} IS NULL AND ${t.balance} <= 0`),
    index('invoices_customer_issue_idx').on(t.customerId, t.issueDate, t.id),
    index('invoices_customer_total_idx').on(t.customerId, t.total, t.id),
    index('invoices_customer_balance_idx').on(t.customerId, t.balance, t.id),
    index('invoices_customer_number_idx').on(t.customerId, t.number),
    index('invoices_updated_idx').on(t.updatedAt),
  ],
);

export const invoiceLines = sqliteTable(
  'invoice_lines',
  {
    id: text('id').primaryKey(),
    invoiceId: text('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'cascade' }),
    lineNo: integer('line_no').notNull(),
    description: text('description').notNull(),
    sku: text('sku'),
    /** Quantity in thousandths, so fractional quantities (2.5 hours) stay exact integers. */
    quantityMilli: integer('quantity_milli').notNull(),
    unitPrice: integer('unit_price').notNull(),
    amount: integer('amount').notNull(),
    tax: integer('tax').notNull().default(0),
  },
  (t) => [uniqueIndex('invoice_lines_invoice_line_uq').on(t.invoiceId, t.lineNo)],
);

export const payments = sqliteTable(
  'payments',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    amount: integer('amount').notNull(),
    /** What no invoice has taken yet: the customer's credit. Kept with the allocations that move it. */
    unapplied: integer('unapplied').notNull().default(0),
    surcharge: integer('surcharge').notNull().default(0),
    currency: text('currency').notNull(),
    method: text('method', { enum: recordedPaymentMethods }).notNull(),
    provider: text('provider').notNull(),
    providerRef: text('provider_ref'),
    /** `returned`: a bank payment that settled and was then sent back; its allocations are reversed. */
    status: text('status', { enum: paymentStatuses }).notNull(),
    /** The allocations the payer chose, applied when the payment succeeds; the rest goes oldest first. */
    requestedAllocations: text('requested_allocations', { mode: 'json' }).$type<
      { invoiceId: string; amount: number }[]
    >(),
    /** Whether what no invoice takes may stay as the customer's credit (the company's setting at the time). */
    allowOverpayment: integer('allow_overpayment', { mode: 'boolean' }).notNull().default(false),
    failureCode: text('failure_code'),
    /** The provider's words for a decline or failure, safe to show the payer. */
    failureMessage: text('failure_message'),
    /** Credit (earlier payments' remainders, loose credit notes) the payer chose to use with this payment. */
    creditRequested: integer('credit_requested').notNull().default(0),
    /** What the payer must still do (authenticate, approve at PayPal, confirm with Stripe.js), while pending. */
    nextAction: text('next_action', { mode: 'json' }).$type<Record<string, unknown>>(),
    /** Who paid (the session's email), where the receipt goes. */
    payerEmail: text('payer_email'),
    idempotencyKey: text('idempotency_key'),
    /** SHA-256 of the request body that first used the idempotency key; a different body is a 409. */
    requestHash: text('request_hash'),
    createdBy: text('created_by'),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
    succeededAt: integer('succeeded_at', { mode: 'timestamp_ms' }),
    /** A payment waiting on the payer lapses (is cancelled at the provider) at this instant. */
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }),
    /** What went back to the payer through the provider: money no chosen invoice could take. */
    refunded: integer('refunded').notNull().default(0),
    refundStatus: text('refund_status', { enum: ['pending', 'succeeded', 'failed'] }),
    refundRef: text('refund_ref'),
    /** The payer asked that what a chosen invoice cannot take go to the oldest open invoices. */
    applyRestToOldest: integer('apply_rest_to_oldest', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    uniqueIndex('payments_idempotency_uq').on(t.customerId, t.idempotencyKey),
    index('payments_customer_idx').on(t.customerId, t.createdAt),
    index('payments_unapplied_idx')
      .on(t.customerId, t.unapplied)
      .where(sql`${t.status} = 'succeeded' AND ${t.unapplied} > 0`),
    index('payments_provider_ref_idx').on(t.provider, t.providerRef),
    index('payments_updated_idx').on(t.updatedAt),
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
    amount: integer('amount').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
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
    amount: integer('amount').notNull(),
    /** Set when this is credit (an earlier payment's remainder) applied along with another payment. */
    viaPaymentId: text('via_payment_id'),
    createdAt: createdAt(),
    reversedAt: integer('reversed_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    index('allocations_payment_idx').on(t.paymentId),
    index('allocations_invoice_idx').on(t.invoiceId),
    index('allocations_via_payment_idx').on(t.viaPaymentId),
  ],
);

export const creditNotes = sqliteTable(
  'credit_notes',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    invoiceId: text('invoice_id').references(() => invoices.id),
    externalId: text('external_id'),
    number: text('number').notNull(),
    amount: integer('amount').notNull(),
    currency: text('currency').notNull(),
    reason: text('reason').notNull().default(''),
    issueDate: text('issue_date').notNull(),
    /** For a credit note issued to no invoice: what no invoice has taken yet (the customer's credit). */
    unapplied: integer('unapplied').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('credit_notes_number_uq').on(t.number),
    uniqueIndex('credit_notes_external_id_uq').on(t.externalId),
    index('credit_notes_customer_idx').on(t.customerId),
    index('credit_notes_invoice_idx').on(t.invoiceId),
    index('credit_notes_unapplied_idx')
      .on(t.customerId, t.unapplied)
      .where(sql`${t.invoiceId} IS NULL AND ${t.unapplied} > 0`),
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
    amount: integer('amount').notNull(),
    createdAt: createdAt(),
    reversedAt: integer('reversed_at', { mode: 'timestamp_ms' }),
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
    receivedAt: integer('received_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.eventId] })],
);

/** Append-only record of everything that happened: audit log, webhook source, activity timeline. */
export const events = sqliteTable(
  'events',
  {
    /** Monotonic, so feeds can page with `since`. */
    id: integer('id').primaryKey({ autoIncrement: true }),
    type: text('type').notNull(),
    actorType: text('actor_type', { enum: ['customer', 'staff', 'erp', 'system', 'anonymous'] }).notNull(),
    /** An email, staff id or key id: never a token. */
    actorId: text('actor_id'),
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    customerId: text('customer_id'),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    requestId: text('request_id'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    index('events_subject_idx').on(t.subjectType, t.subjectId),
    index('events_customer_idx').on(t.customerId, t.id),
    index('events_type_idx').on(t.type, t.id),
  ],
);

/** Every email, written in the same transaction as the change that causes it. */
export const emailOutbox = sqliteTable(
  'email_outbox',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    /** Holds a secret (a sign-in link or code): the body is blanked once delivery ends, either way. */
    sensitive: integer('sensitive', { mode: 'boolean' }).notNull().default(false),
    status: text('status', { enum: ['pending', 'sent', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    messageId: text('message_id'),
    /** Files rendered when the email is sent (an invoice or receipt PDF), named by what they show. */
    attachments: text('attachments', { mode: 'json' }).$type<EmailAttachmentSpec[]>(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('email_outbox_created_idx').on(t.createdAt), index('email_outbox_status_idx').on(t.status)],
);

/** Durable scheduled work that survives restarts (email delivery, reminders, webhook deliveries). */
export const jobs = sqliteTable(
  'jobs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    type: text('type').notNull(),
    payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: ['queued', 'running', 'done', 'dead'] })
      .notNull()
      .default('queued'),
    runAt: integer('run_at', { mode: 'timestamp_ms' }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(8),
    /** A running job whose lock has lapsed (its worker died) is claimed again. */
    lockedUntil: integer('locked_until', { mode: 'timestamp_ms' }),
    lastError: text('last_error'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('jobs_due_idx').on(t.status, t.runAt)],
);

export const magicLinks = sqliteTable(
  'magic_links',
  {
    id: text('id').primaryKey(),
    /** SHA-256 of the token; the token itself is only ever in the email. */
    tokenHash: text('token_hash').notNull(),
    /** SHA-256 of `${id}:${code}`. */
    codeHash: text('code_hash').notNull(),
    /** SHA-256 of the binding nonce the asking browser kept, when it sent one. */
    nonceHash: text('nonce_hash'),
    email: text('email').notNull(),
    audience: text('audience', { enum: ['customer', 'staff'] }).notNull(),
    /** A portal route (`invoices/INV-1042`), never a URL. */
    target: text('target'),
    returnTo: text('return_to').notNull(),
    /** For Easy Pay links: the invoice ids the session may see and pay; null means the whole account. */
    scopeInvoiceIds: text('scope_invoice_ids', { mode: 'json' }).$type<string[]>(),
    maxUses: integer('max_uses').notNull(),
    uses: integer('uses').notNull().default(0),
    codeFailures: integer('code_failures').notNull().default(0),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    codeExpiresAt: integer('code_expires_at', { mode: 'timestamp_ms' }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    uniqueIndex('magic_links_token_hash_uq').on(t.tokenHash),
    index('magic_links_email_idx').on(t.email, t.audience),
  ],
);

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    tokenHash: text('token_hash').notNull(),
    audience: text('audience', { enum: ['customer', 'staff'] }).notNull(),
    email: text('email').notNull(),
    staffUserId: text('staff_user_id').references(() => staffUsers.id),
    scopeInvoiceIds: text('scope_invoice_ids', { mode: 'json' }).$type<string[]>(),
    linkId: text('link_id'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull(),
    idleExpiresAt: integer('idle_expires_at', { mode: 'timestamp_ms' }).notNull(),
    absoluteExpiresAt: integer('absolute_expires_at', { mode: 'timestamp_ms' }).notNull(),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
  },
  (t) => [uniqueIndex('sessions_token_hash_uq').on(t.tokenHash), index('sessions_email_idx').on(t.email, t.audience)],
);

/** Fixed-window counters for rate limits, kept in the database so they hold across restarts. */
export const rateLimits = sqliteTable(
  'rate_limits',
  {
    bucket: text('bucket').notNull(),
    windowStart: integer('window_start').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.windowStart] })],
);

/**
 * A customer's dispute of an invoice. Only what the invoice list needs to derive `disputed` lives here
 * now; dispute lines, the message thread and attachments come with the disputes feature.
 */
export const disputes = sqliteTable(
  'disputes',
  {
    id: text('id').primaryKey(),
    invoiceId: text('invoice_id')
      .notNull()
      .references(() => invoices.id),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    status: text('status', { enum: ['open', 'under_review', 'resolved', 'rejected', 'withdrawn'] }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    index('disputes_invoice_idx').on(t.invoiceId, t.status),
    index('disputes_customer_idx').on(t.customerId, t.status),
  ],
);

/** Keys the ERP authenticates with; only the SHA-256 of a key is stored, the key is shown once. */
export const erpApiKeys = sqliteTable(
  'erp_api_keys',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** The key's first characters, to recognise it in lists and logs. */
    prefix: text('prefix').notNull(),
    keyHash: text('key_hash').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
  },
  (t) => [uniqueIndex('erp_api_keys_hash_uq').on(t.keyHash)],
);

/** Where the ERP wants events pushed; the secret signs each delivery (HMAC-SHA256), so it is kept. */
export const erpWebhookEndpoints = sqliteTable('erp_webhook_endpoints', {
  id: text('id').primaryKey(),
  url: text('url').notNull(),
  /** Event types delivered (`payment.applied` …); empty means every type the feed carries. */
  eventTypes: text('event_types', { mode: 'json' }).$type<string[]>().notNull(),
  secret: text('secret').notNull(),
  description: text('description').notNull().default(''),
  createdBy: text('created_by'),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  disabledAt: integer('disabled_at', { mode: 'timestamp_ms' }),
});

/** One event sent to one endpoint; its id is the delivery id the ERP sees, the same on every retry. */
export const erpWebhookDeliveries = sqliteTable(
  'erp_webhook_deliveries',
  {
    id: text('id').primaryKey(),
    endpointId: text('endpoint_id')
      .notNull()
      .references(() => erpWebhookEndpoints.id),
    eventId: integer('event_id').notNull(),
    type: text('type').notNull(),
    status: text('status', { enum: ['pending', 'delivered', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    deliveredAt: integer('delivered_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('erp_webhook_deliveries_uq').on(t.endpointId, t.eventId),
    index('erp_webhook_deliveries_status_idx').on(t.status, t.createdAt),
  ],
);
