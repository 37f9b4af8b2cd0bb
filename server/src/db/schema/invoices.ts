/** What customers owe: invoices and their lines, credit notes, disputes. */
import { sql } from 'drizzle-orm';
import { index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { int, instant, createdAt } from './columns';
import { customers } from './accounts';

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
    subtotal: int('subtotal').notNull(),
    taxTotal: int('tax_total').notNull().default(0),
    total: int('total').notNull(),
    amountPaid: int('amount_paid').notNull().default(0),
    amountCredited: int('amount_credited').notNull().default(0),
    /** total − amountPaid − amountCredited; stored because lists filter and sort on it. */
    balance: int('balance').notNull(),
    voidedAt: instant('voided_at'),
    /** How many promises to pay covering this invoice were broken. */
    promisesBroken: int('promises_broken').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: instant('updated_at').notNull(),
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
    lineNo: int('line_no').notNull(),
    description: text('description').notNull(),
    sku: text('sku'),
    /** Quantity in thousandths, so fractional quantities (2.5 hours) stay exact integers. */
    quantityMilli: int('quantity_milli').notNull(),
    unitPrice: int('unit_price').notNull(),
    amount: int('amount').notNull(),
    tax: int('tax').notNull().default(0),
  },
  (t) => [uniqueIndex('invoice_lines_invoice_line_uq').on(t.invoiceId, t.lineNo)],
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
    amount: int('amount').notNull(),
    currency: text('currency').notNull(),
    reason: text('reason').notNull().default(''),
    issueDate: text('issue_date').notNull(),
    /** For a credit note issued to no invoice: what no invoice has taken yet (the customer's credit). */
    unapplied: int('unapplied').notNull().default(0),
    /** The dispute whose resolution issued it; null for the ERP's own and staff's. */
    disputeId: text('dispute_id'),
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
