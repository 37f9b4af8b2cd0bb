/**
 * Writes that move money: invoices with their lines, and payments applied to invoices. Each runs
 * inside the caller's transaction and keeps every stored total (line amounts, invoice totals,
 * balances) consistent with the rows beneath it.
 */
import { sql } from 'drizzle-orm';
import { lineAmount, lineTax } from '../../contract/money';
import { newId } from '../../crypto';
import type { DbOrTx } from '../../db/client';
import { creditNotes, invoiceLines, invoices, payments } from '../../db/schema';
import { DomainError } from '../errors';
import { refreshInvoiceAggregates } from '../ar-aggregates';
import { recordEvent, type Actor } from '../events';
import { allocate, reduceBalance } from './allocate';
import { reassessPromises } from './promise-verdicts';

/** The invoice is the customer's, in the currency, and not void: what money from outside may be applied to. */
const liveInvoiceOf = (input: { customerId: string; currency: string }) =>
  sql`${invoices.customerId} = ${input.customerId} AND ${invoices.currency} = ${input.currency} AND ${invoices.voidedAt} IS NULL`;

export interface InvoiceLineInput {
  description: string;
  sku?: string | null;
  /** Thousandths: 2500 is 2.5. */
  quantityMilli: number;
  unitPrice: number;
  /** Tax rate in basis points (825 = 8.25 %); the line's tax rounds half up to the minor unit. */
  taxRateBp?: number;
}

export interface InvoiceInput {
  id?: string;
  customerId: string;
  number: string;
  externalId?: string | null;
  poNumber?: string | null;
  issueDate: string;
  dueDate: string;
  currency: string;
  lines: InvoiceLineInput[];
}

export async function createInvoice(
  db: DbOrTx,
  input: InvoiceInput,
  actor: Actor,
  now: Date,
): Promise<{ id: string; total: number }> {
  const id = input.id ?? newId('inv');
  const lines = input.lines.map((l, i) => {
    const amount = lineAmount(l.quantityMilli, l.unitPrice);
    return {
      id: `${id}_l${i + 1}`,
      invoiceId: id,
      lineNo: i + 1,
      description: l.description,
      sku: l.sku ?? null,
      quantityMilli: l.quantityMilli,
      unitPrice: l.unitPrice,
      amount,
      tax: lineTax(amount, l.taxRateBp ?? 0),
    };
  });
  const subtotal = lines.reduce((s, l) => s + l.amount, 0);
  const taxTotal = lines.reduce((s, l) => s + l.tax, 0);
  const total = subtotal + taxTotal;
  await db
    .insert(invoices)
    .values({
      id,
      customerId: input.customerId,
      externalId: input.externalId ?? null,
      number: input.number,
      poNumber: input.poNumber ?? null,
      issueDate: input.issueDate,
      dueDate: input.dueDate,
      currency: input.currency,
      subtotal,
      taxTotal,
      total,
      balance: total,
      createdAt: now,
      updatedAt: now,
    })
    .run();
  if (lines.length > 0) await db.insert(invoiceLines).values(lines).run();
  await refreshInvoiceAggregates(db, id);
  await recordEvent(
    db,
    {
      type: 'invoice.created',
      actor,
      subject: { type: 'invoice', id },
      customerId: input.customerId,
      data: { number: input.number, total, currency: input.currency },
    },
    now,
  );
  return { id, total };
}

export interface SettledPaymentInput {
  customerId: string;
  currency: string;
  amount: number;
  method: 'card' | 'debit' | 'ach' | 'eft' | 'paypal' | 'check' | 'wire' | 'other';
  provider: string;
  providerRef?: string | null;
  createdBy?: string | null;
  allocations: { invoiceId: string; amount: number }[];
}

/**
 * Records a payment that has already settled (an ERP import, a historic payment) and applies it as
 * told. Allocations must fit each invoice's balance and sum to at most the amount; the rest is the
 * customer's unapplied credit.
 */
export async function recordSettledPayment(
  db: DbOrTx,
  input: SettledPaymentInput,
  actor: Actor,
  now: Date,
): Promise<string> {
  const allocated = input.allocations.reduce((s, a) => s + a.amount, 0);
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0 || allocated > input.amount) {
    throw new DomainError('invalid_request', 'Allocations must be positive and add up to at most the payment.');
  }
  const id = newId('pay');
  await db
    .insert(payments)
    .values({
      id,
      customerId: input.customerId,
      amount: input.amount,
      unapplied: input.amount - allocated,
      currency: input.currency,
      method: input.method,
      provider: input.provider,
      providerRef: input.providerRef ?? null,
      status: 'succeeded',
      createdBy: input.createdBy ?? null,
      createdAt: now,
      updatedAt: now,
      succeededAt: now,
    })
    .run();
  for (const a of input.allocations) {
    if (!Number.isSafeInteger(a.amount) || a.amount <= 0) {
      throw new DomainError('invalid_request', 'Each allocation must be a positive whole number of minor units.');
    }
    if (!(await allocate(db, { ...a, source: { type: 'payment', id } }, now, liveInvoiceOf(input)))) {
      throw new DomainError('invalid_request', `Invoice ${a.invoiceId} cannot take ${a.amount}.`);
    }
  }
  await recordEvent(
    db,
    {
      type: 'payment.applied',
      actor,
      subject: { type: 'payment', id },
      customerId: input.customerId,
      data: { amount: input.amount, currency: input.currency, allocations: input.allocations },
    },
    now,
  );
  return id;
}

export interface CreditNoteInput {
  customerId: string;
  /** The invoice it reduces; none makes it unapplied credit on the account. */
  invoiceId?: string | null;
  number: string;
  amount: number;
  currency: string;
  issueDate: string;
  reason?: string;
  externalId?: string | null;
  /** The dispute whose resolution issues it. */
  disputeId?: string | null;
}

/** Issues a credit note; on an invoice it reduces that invoice's balance, never below zero. */
export async function issueCreditNote(db: DbOrTx, input: CreditNoteInput, actor: Actor, now: Date): Promise<string> {
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) {
    throw new DomainError('invalid_request', 'A credit note must be a positive whole number of minor units.');
  }
  const id = newId('crn');
  if (input.invoiceId) {
    if (!(await reduceBalance(db, input.invoiceId, input.amount, 'credit_note', now, liveInvoiceOf(input))))
      throw new DomainError('invalid_request', `Invoice ${input.invoiceId} cannot take that credit.`);
    // A credit note can leave nothing to pay of a promise: it is kept.
    await reassessPromises(db, input.invoiceId, now, false);
  }
  await db
    .insert(creditNotes)
    .values({
      id,
      customerId: input.customerId,
      invoiceId: input.invoiceId ?? null,
      externalId: input.externalId ?? null,
      number: input.number,
      amount: input.amount,
      currency: input.currency,
      reason: input.reason ?? '',
      issueDate: input.issueDate,
      unapplied: input.invoiceId ? 0 : input.amount,
      disputeId: input.disputeId ?? null,
      createdAt: now,
    })
    .run();
  if (input.invoiceId) await refreshInvoiceAggregates(db, input.invoiceId);
  await recordEvent(
    db,
    {
      type: 'credit_note.created',
      actor,
      subject: { type: 'credit_note', id },
      customerId: input.customerId,
      data: {
        creditNoteId: id,
        number: input.number,
        amount: input.amount,
        currency: input.currency,
        invoiceId: input.invoiceId ?? null,
        disputeId: input.disputeId ?? null,
      },
    },
    now,
  );
  return id;
}
