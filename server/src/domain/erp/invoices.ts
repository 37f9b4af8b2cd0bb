/**
 * Upserting invoices from the ERP by external id. A new invoice is written the way `createInvoice`
 * writes one (same line ids, amounts from `lineAmount`/`lineTax`, same `invoice.created` event); an
 * existing one has its header and lines replaced and its totals and balance recomputed, unless
 * nothing changed, in which case nothing is written at all (no updated_at bump, no event), so sending
 * the same rows twice is harmless.
 */
import { asc, eq, or, sql } from 'drizzle-orm';
import type { ErpInvoicesUpsertResult, ErpRowError } from '../../contract/erp';
import { newId } from '../../crypto';
import type { Tx } from '../../db/client';
import { customers, invoiceLines, invoices } from '../../db/schema';
import { refreshInvoiceAggregates } from '../ar-aggregates';
import type { BatchInsert, ErpImport, RowFail } from './import';
import { erpInvoiceRow, type ErpInvoiceLine, type ErpInvoiceRow } from '../../contract/schemas/erp';

/** The queries every row runs, prepared once per import. */
function statements(imp: ErpImport) {
  const { tx } = imp;
  return {
    customer: tx
      .select({ id: customers.id, currency: customers.currency })
      .from(customers)
      .where(eq(customers.externalId, sql.placeholder('externalId')))
      .prepare(),
    /** The invoice with this external id, and the one with this number: one query, at most two rows. */
    byExternalIdOrNumber: tx
      .select({
        id: invoices.id,
        externalId: invoices.externalId,
        customerId: invoices.customerId,
        number: invoices.number,
        poNumber: invoices.poNumber,
        issueDate: invoices.issueDate,
        dueDate: invoices.dueDate,
        currency: invoices.currency,
        total: invoices.total,
        amountPaid: invoices.amountPaid,
        amountCredited: invoices.amountCredited,
        voidedAt: invoices.voidedAt,
      })
      .from(invoices)
      .where(or(eq(invoices.externalId, sql.placeholder('externalId')), eq(invoices.number, sql.placeholder('number'))))
      .prepare(),
    lines: tx
      .select({
        description: invoiceLines.description,
        sku: invoiceLines.sku,
        quantityMilli: invoiceLines.quantityMilli,
        unitPrice: invoiceLines.unitPrice,
        amount: invoiceLines.amount,
        tax: invoiceLines.tax,
      })
      .from(invoiceLines)
      .where(eq(invoiceLines.invoiceId, sql.placeholder('invoiceId')))
      .orderBy(asc(invoiceLines.lineNo))
      .prepare(),
    insert: tx
      .insert(invoices)
      .values({
        id: sql.placeholder('id'),
        customerId: sql.placeholder('customerId'),
        externalId: sql.placeholder('externalId'),
        ...invoicePlaceholders,
        amountPaid: 0,
        amountCredited: 0,
        // In `sql`, so null goes to the driver as is (the instant column would map a Date only).
        voidedAt: sql`${sql.placeholder('voidedAt')}`,
        createdAt: imp.now,
        updatedAt: imp.now,
      })
      .prepare(),
  };
}

type Statements = ReturnType<typeof statements>;
type StoredInvoice = Awaited<ReturnType<Statements['byExternalIdOrNumber']['all']>>[number];
type StoredLine = Awaited<ReturnType<Statements['lines']['all']>>[number];

interface CustomerRef {
  id: string;
  currency: string;
}

function sameLines(stored: StoredLine[], lines: ErpInvoiceLine[]): boolean {
  return (
    stored.length === lines.length &&
    stored.every((s, i) => {
      const l = lines[i]!;
      return (
        s.description === l.description &&
        s.sku === l.sku &&
        s.quantityMilli === l.quantityMilli &&
        s.unitPrice === l.unitPrice &&
        s.amount === l.amount &&
        s.tax === l.tax
      );
    })
  );
}

/** The placeholders of an invoice's own values, named as `invoiceValues` gives them. */
const invoicePlaceholders = {
  number: sql.placeholder('number'),
  poNumber: sql.placeholder('poNumber'),
  issueDate: sql.placeholder('issueDate'),
  dueDate: sql.placeholder('dueDate'),
  currency: sql.placeholder('currency'),
  subtotal: sql.placeholder('subtotal'),
  taxTotal: sql.placeholder('taxTotal'),
  total: sql.placeholder('total'),
  balance: sql.placeholder('balance'),
};

/**
 * An invoice's own values as the invoice INSERT and UPDATE both take them: number, PO, dates,
 * currency, subtotal, tax, total, and the total again for the balance (less what is applied, updating).
 */
export function invoiceValues(row: ErpInvoiceRow) {
  return {
    number: row.number,
    poNumber: row.poNumber,
    issueDate: row.issueDate,
    dueDate: row.dueDate,
    currency: row.currency,
    subtotal: row.subtotal,
    taxTotal: row.taxTotal,
    total: row.total,
    balance: row.total,
  };
}

const LINE_COLUMNS = [
  'id',
  'invoiceId',
  'lineNo',
  'description',
  'sku',
  'quantityMilli',
  'unitPrice',
  'amount',
  'tax',
] as const satisfies readonly (keyof typeof invoiceLines.$inferInsert)[];

/**
 * One invoice line's values in `LINE_COLUMNS` order; line ids are the invoice's id and the line number,
 * as `createInvoice` makes them.
 */
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
 * Queues the email of an invoice a row asked to `send`, in the import's transaction `tx` (so it goes
 * only if the import commits); false when it goes to nobody.
 */
export type InvoiceSender = (tx: Tx, invoice: { id: string; customerId: string }) => Promise<boolean>;

export class InvoiceUpserter {
  private readonly sql: Statements;
  private readonly lines: BatchInsert;
  private readonly customers = new Map<string, CustomerRef | null>();
  private readonly counts: ErpInvoicesUpsertResult = { created: 0, updated: 0, unchanged: 0, voided: 0 };
  /** Invoices queued to be sent; null while no row asked. */
  private sent: number | null = null;

  constructor(
    private readonly imp: ErpImport,
    private readonly send?: InvoiceSender,
  ) {
    this.sql = statements(imp);
    this.lines = imp.batch(invoiceLines, LINE_COLUMNS);
  }

  result(): ErpInvoicesUpsertResult {
    return { ...this.counts, ...(this.sent === null ? {} : { sent: this.sent }) };
  }

  /** Validates and writes one row; the row's problems, or none. */
  upsert(raw: unknown, index: number): Promise<ErpRowError[]> {
    return this.imp.upsertRow('invoice', erpInvoiceRow, raw, index, (row, fail, errors) =>
      this.write(row, fail, errors),
    );
  }

  private async customer(externalId: string): Promise<CustomerRef | null> {
    let ref = this.customers.get(externalId);
    if (ref === undefined) {
      if (this.customers.size >= CUSTOMER_CACHE) this.customers.clear();
      ref = (await this.sql.customer.get({ externalId })) ?? null;
      this.customers.set(externalId, ref);
    }
    return ref;
  }

  private async write(row: ErpInvoiceRow, fail: RowFail, errors: readonly ErpRowError[]): Promise<void> {
    const customer = await this.customer(row.customerExternalId);
    if (!customer) {
      fail('customerExternalId', 'unknown_customer', `no customer has external id ${row.customerExternalId}`);
    } else if (customer.currency !== row.currency) {
      fail('currency', 'currency_mismatch', `must be the customer's currency, ${customer.currency}`);
    }
    const found = await this.sql.byExternalIdOrNumber.all({ externalId: row.externalId, number: row.number });
    const stored = found.find((i) => i.externalId === row.externalId);
    if (found.some((i) => i.number === row.number && i.id !== stored?.id)) {
      fail('number', 'duplicate_number', `${row.number} is already another invoice's number`);
    }
    if (errors.length > 0 || !customer) return;
    const unchanged = this.counts.unchanged;
    const id = stored ? await this.update(row, stored, customer, fail) : await this.create(row, customer);
    // Its dates, total, voiding: the staff console's aggregates follow, in the import's transaction.
    if (this.counts.unchanged === unchanged) await refreshInvoiceAggregates(this.imp.tx, id);
    if (row.send && errors.length === 0) await this.queueSend(id);
  }

  /** A void or paid invoice is not sent (nothing to pay); the row is still good. */
  private async queueSend(id: string): Promise<void> {
    this.sent ??= 0;
    if (!this.send) return;
    const invoice = await this.imp.tx
      .select({
        id: invoices.id,
        customerId: invoices.customerId,
        voidedAt: invoices.voidedAt,
        balance: invoices.balance,
      })
      .from(invoices)
      .where(eq(invoices.id, id))
      .get();
    if (!invoice || invoice.voidedAt !== null || invoice.balance <= 0) return;
    if (await this.send(this.imp.tx, { id: invoice.id, customerId: invoice.customerId })) this.sent++;
  }

  private async create(row: ErpInvoiceRow, customer: CustomerRef): Promise<string> {
    const { imp } = this;
    const id = newId('inv');
    await this.sql.insert.run({
      id,
      customerId: customer.id,
      externalId: row.externalId,
      ...invoiceValues(row),
      voidedAt: row.void ? imp.nowMs : null,
    });
    this.addLines(id, row.lines);
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
    return id;
  }

  private addLines(invoiceId: string, lines: ErpInvoiceLine[]): void {
    lines.forEach((l, i) => this.lines.add(invoiceLineValues(invoiceId, l, i)));
  }

  /** Writes what changed; the invoice's id either way. */
  private async update(
    row: ErpInvoiceRow,
    stored: StoredInvoice,
    customer: CustomerRef,
    fail: RowFail,
  ): Promise<string> {
    const { imp } = this;
    const { tx } = imp;
    const changes = (
      [
        ['customerExternalId', stored.customerId !== customer.id],
        ['number', stored.number !== row.number],
        ['poNumber', stored.poNumber !== row.poNumber],
        ['issueDate', stored.issueDate !== row.issueDate],
        ['dueDate', stored.dueDate !== row.dueDate],
        ['currency', stored.currency !== row.currency],
      ] as const
    )
      .filter(([, changed]) => changed)
      .map(([field]) => field as string);
    if (!sameLines(await this.sql.lines.all({ invoiceId: stored.id }), row.lines)) changes.push('lines');
    const voiding = row.void && stored.voidedAt === null;

    if (stored.voidedAt !== null) {
      if (!row.void) fail('void', 'voided', 'the invoice is void and cannot be brought back');
      else if (changes.length > 0) fail(changes[0]!, 'voided', 'the invoice is void and cannot change');
      else this.counts.unchanged++;
      return stored.id;
    }
    if (changes.length === 0 && !voiding) {
      this.counts.unchanged++;
      return stored.id;
    }
    const applied = stored.amountPaid + stored.amountCredited;
    if (applied > 0) {
      if (changes.includes('customerExternalId')) {
        fail('customerExternalId', 'customer_locked', 'cannot move an invoice with payments or credits applied');
      }
      if (row.total < applied) {
        fail('lines', 'below_applied', `the new total ${row.total} is below the ${applied} already paid or credited`);
      }
      if (voiding) fail('void', 'has_payments', 'cannot void an invoice with payments or credits applied');
      if (changes.includes('customerExternalId') || row.total < applied || voiding) return stored.id;
    }

    if (changes.length > 0) {
      await tx
        .update(invoices)
        .set({
          customerId: customer.id,
          ...invoiceValues(row),
          balance: sql`${row.total} - ${invoices.amountPaid} - ${invoices.amountCredited}`,
          updatedAt: imp.now,
        })
        .where(eq(invoices.id, stored.id));
      if (changes.includes('lines')) {
        await tx.delete(invoiceLines).where(eq(invoiceLines.invoiceId, stored.id));
        this.addLines(stored.id, row.lines);
      }
      imp.event('invoice.updated', { type: 'invoice', id: stored.id }, customer.id, {
        number: row.number,
        total: row.total,
        currency: row.currency,
        changes,
      });
    }
    if (voiding) {
      await tx.update(invoices).set({ voidedAt: imp.now, updatedAt: imp.now }).where(eq(invoices.id, stored.id));
      imp.event('invoice.voided', { type: 'invoice', id: stored.id }, customer.id, { number: row.number });
      this.counts.voided++;
    }
    this.counts.updated++;
    return stored.id;
  }
}
