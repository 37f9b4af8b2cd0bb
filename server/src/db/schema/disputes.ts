/** Disputes: a customer's questioned invoice lines, the thread with the company, its attachments. */
import { sql } from 'drizzle-orm';
import { index, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { bytes, flag, instant, int } from './columns';
import { customers, staffUsers } from './accounts';
import { invoices } from './invoices';

/**
 * A customer's dispute of an invoice: `open` or `under_review` while it stands (the invoice is then
 * `disputed`), then `resolved`, `rejected` or `withdrawn`. One standing dispute per invoice (the
 * partial unique index, beside the check made in the write transaction).
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
    /**
     * The part of the invoice's balance in question while the dispute is open (its lines' disputed
     * amounts): reminders ask only for the rest, and skip the invoice while it covers the whole balance.
     */
    amount: int('amount').notNull().default(0),
    /** The contact who opened it (null for disputes recorded before the feature, or by the ERP). */
    openedBy: text('opened_by'),
    /** The staff member working it; the account's collector when opened. */
    assigneeId: text('assignee_id').references(() => staffUsers.id),
    /** When resolved: the credit note issued, and the resolution's note to the customer. */
    creditNoteId: text('credit_note_id'),
    resolutionNote: text('resolution_note'),
    /** When rejected: why. */
    rejectionReason: text('rejection_reason'),
    closedAt: instant('closed_at'),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    index('disputes_invoice_idx').on(t.invoiceId, t.status),
    index('disputes_customer_idx').on(t.customerId, t.status),
    uniqueIndex('disputes_standing_invoice_uq')
      .on(t.invoiceId)
      .where(sql`${t.status} IN ('open', 'under_review')`),
  ],
);

/** The invoice lines a dispute questions: why, and how much of each. */
export const disputeLines = sqliteTable(
  'dispute_lines',
  {
    disputeId: text('dispute_id')
      .notNull()
      .references(() => disputes.id),
    /** The invoice line's `line_no`. */
    lineNo: int('line_no').notNull(),
    reason: text('reason', {
      enum: ['pricing', 'quantity', 'damaged', 'not_received', 'duplicate', 'tax', 'other'],
    }).notNull(),
    /** Thousandths, like the invoice line's quantity; null when only an amount is disputed. */
    quantityMilli: int('quantity_milli'),
    amount: int('amount').notNull(),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.disputeId, t.lineNo] })],
);

/** The thread: the customer's and staff's messages, staff's internal notes, and the steps told as they happen. */
export const disputeMessages = sqliteTable(
  'dispute_messages',
  {
    id: text('id').primaryKey(),
    disputeId: text('dispute_id')
      .notNull()
      .references(() => disputes.id),
    authorType: text('author_type', { enum: ['customer', 'staff', 'system'] }).notNull(),
    /** The contact's email or the staff user's; null for the system. */
    authorEmail: text('author_email'),
    authorName: text('author_name'),
    body: text('body').notNull(),
    /** A staff note the customer never sees. */
    internal: flag('internal', false),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [index('dispute_messages_dispute_idx').on(t.disputeId, t.createdAt, t.id)],
);

/**
 * Files sent with a dispute: photos and PDFs, their type judged from the bytes. Kept in the database,
 * so every replica serves them; at most 5 of 10 MB per dispute keeps that sane.
 */
export const disputeAttachments = sqliteTable(
  'dispute_attachments',
  {
    id: text('id').primaryKey(),
    disputeId: text('dispute_id')
      .notNull()
      .references(() => disputes.id),
    messageId: text('message_id').references(() => disputeMessages.id),
    name: text('name').notNull(),
    type: text('type').notNull(),
    size: int('size').notNull(),
    data: bytes('data').notNull(),
    uploadedBy: text('uploaded_by', { enum: ['customer', 'staff'] }).notNull(),
    uploaderEmail: text('uploader_email').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [index('dispute_attachments_dispute_idx').on(t.disputeId, t.createdAt, t.id)],
);
