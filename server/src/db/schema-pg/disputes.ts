/** Disputes: a customer's questioned invoice lines, the thread with the company, its attachments. */
import { sql } from 'drizzle-orm';
import { index, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { bytes, flag, instant, int } from './columns';
import { customers, staffUsers } from './accounts';
import { invoices } from './invoices';
export const disputes = pgTable(
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
    amount: int('amount').notNull().default(0),
    openedBy: text('opened_by'),
    assigneeId: text('assignee_id').references(() => staffUsers.id),
    creditNoteId: text('credit_note_id'),
    resolutionNote: text('resolution_note'),
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
export const disputeLines = pgTable(
  'dispute_lines',
  {
    disputeId: text('dispute_id')
      .notNull()
      .references(() => disputes.id),
    lineNo: int('line_no').notNull(),
    reason: text('reason', {
      enum: ['pricing', 'quantity', 'damaged', 'not_received', 'duplicate', 'tax', 'other'],
    }).notNull(),
    quantityMilli: int('quantity_milli'),
    amount: int('amount').notNull(),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.disputeId, t.lineNo] })],
);
export const disputeMessages = pgTable(
  'dispute_messages',
  {
    id: text('id').primaryKey(),
    disputeId: text('dispute_id')
      .notNull()
      .references(() => disputes.id),
    authorType: text('author_type', { enum: ['customer', 'staff', 'system'] }).notNull(),
    authorEmail: text('author_email'),
    authorName: text('author_name'),
    body: text('body').notNull(),
    internal: flag('internal', false),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [index('dispute_messages_dispute_idx').on(t.disputeId, t.createdAt, t.id)],
);
export const disputeAttachments = pgTable(
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
