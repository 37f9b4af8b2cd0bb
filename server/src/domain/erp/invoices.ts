/**
 * Upserting invoices from the ERP by external id. A new invoice is written the way `createInvoice`
 * writes one (same line ids, amounts from `lineAmount`/`lineTax`, same `invoice.created` event); an
 * existing one has its header and lines replaced and its totals and balance recomputed, unless
 * nothing changed, in which case nothing is written at all (no updated_at bump, no event), so sending
 * the same rows twice is harmless.
 */
import type Database from 'better-sqlite3';
import type { ErpInvoicesUpsertResult, ErpRowError } from '../../contract/erp';
import { newId } from '../../crypto';
import { prepared, type ErpImport, type RowFail } from './import';
import { erpInvoiceRow, type ErpInvoiceLine, type ErpInvoiceRow } from '../../contract/schemas/erp';

interface StoredInvoice {
  id: string;
  customer_id: string;
  number: string;
  po_number: string | null;
  issue_date: string;
  due_date: string;
  currency: string;
  total: number;
  amount_paid: number;
  amount_credited: number;
  voided_at: number | null;
}

interface StoredLine {
  description: string;
  sku: string | null;
  quantity_milli: number;
  unit_price: number;
  amount: number;
  tax: number;
}

interface CustomerRef {
  id: string;
  currency: string;
}

function statements(sqlite: Database.Database) {
  return {
    customer: sqlite.prepare<[string], CustomerRef>(`SELECT id, currency FROM customers WHERE external_id = ?`),
    byExternalId: sqlite.prepare<[string], StoredInvoice>(
      `SELECT id, customer_id, number, po_number, issue_date, due_date, currency, total, amount_paid, amount_credited, voided_at
         FROM invoices WHERE external_id = ?`,
    ),
    numberTaken: sqlite.prepare<[string], { id: string }>(`SELECT id FROM invoices WHERE number = ?`),
    lines: sqlite.prepare<[string], StoredLine>(
      `SELECT description, sku, quantity_milli, unit_price, amount, tax FROM invoice_lines WHERE invoice_id = ? ORDER BY line_no`,
    ),
    insert: sqlite.prepare(
      `INSERT INTO invoices (id, customer_id, external_id, number, po_number, issue_date, due_date, currency, subtotal,
         tax_total, total, amount_paid, amount_credited, balance, voided_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?)`,
    ),
    insertLine: sqlite.prepare(
      `INSERT INTO invoice_lines (id, invoice_id, line_no, description, sku, quantity_milli, unit_price, amount, tax)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    deleteLines: sqlite.prepare(`DELETE FROM invoice_lines WHERE invoice_id = ?`),
    update: sqlite.prepare(
      `UPDATE invoices SET customer_id = ?, number = ?, po_number = ?, issue_date = ?, due_date = ?, currency = ?,
         subtotal = ?, tax_total = ?, total = ?, balance = ? - amount_paid - amount_credited, updated_at = ?
       WHERE id = ?`,
    ),
    void: sqlite.prepare(`UPDATE invoices SET voided_at = ?, updated_at = ? WHERE id = ?`),
    written: sqlite.prepare<[string], { id: string; customer_id: string; voided_at: number | null; balance: number }>(
      `SELECT id, customer_id, voided_at, balance FROM invoices WHERE external_id = ?`,
    ),
  };
}

function sameLines(stored: StoredLine[], lines: ErpInvoiceLine[]): boolean {
  return (
    stored.length === lines.length &&
    stored.every((s, i) => {
      const l = lines[i]!;
      return (
        s.description === l.description &&
        s.sku === l.sku &&
        s.quantity_milli === l.quantityMilli &&
        s.unit_price === l.unitPrice &&
        s.amount === l.amount &&
        s.tax === l.tax
      );
    })
  );
}

/**
 * An invoice's own values in the order the invoice INSERT and UPDATE both take them, after the
 * customer (and, inserting, the external id): number, PO, dates, currency, subtotal, tax, total,
 * and the total again for the balance (less what is applied, updating).
 */
export function invoiceValues(row: ErpInvoiceRow) {
  return [
    row.number,
    row.poNumber,
    row.issueDate,
    row.dueDate,
    row.currency,
    row.subtotal,
    row.taxTotal,
    row.total,
    row.total,
  ] as const;
}

/** One invoice line's INSERT values; line ids are the invoice's id and the line number, as `createInvoice` makes them. */
export function invoiceLineValues(invoiceId: string, line: ErpInvoiceLine, i: number) {
  return [
    `${invoiceId}_l${i + 1}`,
    invoiceId,
    i + 1,
    line.description,
    line.sku,
    line.quantityMilli,
    line.unitPrice,
    line.amount,
    line.tax,
  ] as const;
}

/** Customers looked up per import, at most this many kept (a file may name millions). */
const CUSTOMER_CACHE = 10_000;

/**
 * Queues the email of an invoice a row asked to `send`, in the import's transaction (so it goes only
 * if the import commits); false when it goes to nobody.
 */
export type InvoiceSender = (invoice: { id: string; customerId: string }) => boolean;

export class InvoiceUpserter {
  private readonly sql: ReturnType<typeof statements>;
  private readonly customers = new Map<string, CustomerRef | null>();
  private readonly counts: ErpInvoicesUpsertResult = { created: 0, updated: 0, unchanged: 0, voided: 0 };
  /** Invoices queued to be sent; null while no row asked. */
  private sent: number | null = null;

  constructor(
    private readonly imp: ErpImport,
    private readonly send?: InvoiceSender,
  ) {
    this.sql = prepared(imp.sqlite, 'invoices', statements);
  }

  result(): ErpInvoicesUpsertResult {
    return { ...this.counts, ...(this.sent === null ? {} : { sent: this.sent }) };
  }

  /** Validates and writes one row; the row's problems, or none. */
  upsert(raw: unknown, index: number): ErpRowError[] {
    return this.imp.upsertRow('invoice', erpInvoiceRow, raw, index, (row, fail, errors) =>
      this.write(row, fail, errors),
    );
  }

  private customer(externalId: string): CustomerRef | null {
    let ref = this.customers.get(externalId);
    if (ref === undefined) {
      if (this.customers.size >= CUSTOMER_CACHE) this.customers.clear();
      ref = this.sql.customer.get(externalId) ?? null;
      this.customers.set(externalId, ref);
    }
    return ref;
  }

  private write(row: ErpInvoiceRow, fail: RowFail, errors: readonly ErpRowError[]): void {
    const customer = this.customer(row.customerExternalId);
    if (!customer) {
      fail('customerExternalId', 'unknown_customer', `no customer has external id ${row.customerExternalId}`);
    } else if (customer.currency !== row.currency) {
      fail('currency', 'currency_mismatch', `must be the customer's currency, ${customer.currency}`);
    }
    const stored = this.sql.byExternalId.get(row.externalId);
    if ((!stored || stored.number !== row.number) && this.sql.numberTaken.get(row.number)) {
      fail('number', 'duplicate_number', `${row.number} is already another invoice's number`);
    }
    if (errors.length > 0 || !customer) return;
    if (stored) this.update(row, stored, customer, fail);
    else this.create(row, customer);
    if (row.send && errors.length === 0) this.queueSend(row.externalId);
  }

  /** A void or paid invoice is not sent (nothing to pay); the row is still good. */
  private queueSend(externalId: string): void {
    this.sent ??= 0;
    const invoice = this.sql.written.get(externalId);
    if (!this.send || !invoice || invoice.voided_at !== null || invoice.balance <= 0) return;
    if (this.send({ id: invoice.id, customerId: invoice.customer_id })) this.sent++;
  }

  private create(row: ErpInvoiceRow, customer: CustomerRef): void {
    const { imp, sql } = this;
    const id = newId('inv');
    sql.insert.run(
      id,
      customer.id,
      row.externalId,
      ...invoiceValues(row),
      row.void ? imp.nowMs : null,
      imp.nowMs,
      imp.nowMs,
    );
    this.insertLines(id, row.lines);
    imp.event('invoice.created', { type: 'invoice', id }, customer.id, {
      number: row.number,
      total: row.total,
      currency: row.currency,
      externalId: row.externalId,
    });
    this.counts.created++;
    if (row.void) {
      imp.event('invoice.voided', { type: 'invoice', id }, customer.id, { number: row.number });
      this.counts.voided++;
    }
  }

  private insertLines(invoiceId: string, lines: ErpInvoiceLine[]): void {
    lines.forEach((l, i) => this.sql.insertLine.run(...invoiceLineValues(invoiceId, l, i)));
  }

  private update(row: ErpInvoiceRow, stored: StoredInvoice, customer: CustomerRef, fail: RowFail): void {
    const { imp, sql } = this;
    const changes = (
      [
        ['customerExternalId', stored.customer_id !== customer.id],
        ['number', stored.number !== row.number],
        ['poNumber', stored.po_number !== row.poNumber],
        ['issueDate', stored.issue_date !== row.issueDate],
        ['dueDate', stored.due_date !== row.dueDate],
        ['currency', stored.currency !== row.currency],
      ] as const
    )
      .filter(([, changed]) => changed)
      .map(([field]) => field as string);
    if (!sameLines(sql.lines.all(stored.id), row.lines)) changes.push('lines');
    const voiding = row.void && stored.voided_at === null;

    if (stored.voided_at !== null) {
      if (!row.void) fail('void', 'voided', 'the invoice is void and cannot be brought back');
      else if (changes.length > 0) fail(changes[0]!, 'voided', 'the invoice is void and cannot change');
      else this.counts.unchanged++;
      return;
    }
    if (changes.length === 0 && !voiding) {
      this.counts.unchanged++;
      return;
    }
    const applied = stored.amount_paid + stored.amount_credited;
    if (applied > 0) {
      if (changes.includes('customerExternalId')) {
        fail('customerExternalId', 'customer_locked', 'cannot move an invoice with payments or credits applied');
      }
      if (row.total < applied) {
        fail('lines', 'below_applied', `the new total ${row.total} is below the ${applied} already paid or credited`);
      }
      if (voiding) fail('void', 'has_payments', 'cannot void an invoice with payments or credits applied');
      if (changes.includes('customerExternalId') || row.total < applied || voiding) return;
    }

    if (changes.length > 0) {
      sql.update.run(customer.id, ...invoiceValues(row), imp.nowMs, stored.id);
      if (changes.includes('lines')) {
        sql.deleteLines.run(stored.id);
        this.insertLines(stored.id, row.lines);
      }
      imp.event('invoice.updated', { type: 'invoice', id: stored.id }, customer.id, {
        number: row.number,
        total: row.total,
        currency: row.currency,
        changes,
      });
    }
    if (voiding) {
      sql.void.run(imp.nowMs, imp.nowMs, stored.id);
      imp.event('invoice.voided', { type: 'invoice', id: stored.id }, customer.id, { number: row.number });
      this.counts.voided++;
    }
    this.counts.updated++;
  }
}
