/**
 * The ledger's part of the staff console's money actions (issue 13): applying a customer's unapplied
 * credit to invoices staff choose, and taking a payment's cash back off its invoices for a refund. Both
 * run in the caller's transaction and move every balance through `allocate.ts`, so promises are
 * reassessed and the stored totals keep adding up to the allocation rows beneath them.
 */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { allocations, creditNotes, invoices, payments } from '../../db/schema';
import { DomainError, notFound } from '../errors';
import { allocate, unallocate } from './allocate';

export interface StaffAllocation {
  invoiceId: string;
  amount: number;
}

/** What payments in flight hold of an invoice. */
const held =
  sql<number>`coalesce((SELECT sum("r"."amount") FROM "reservations" "r" WHERE "r"."invoice_id" = "invoices"."id"), 0)`.mapWith(
    Number,
  );

/**
 * Checks that each invoice is the customer's (else `404`), in `currency`, not void, and can take its
 * amount now: at most its balance less what payments in flight hold (`422 allocation_exceeds_balance`).
 * The portal's rules for what a payment may ask of an invoice, for staff.
 */
export async function checkStaffAllocations(
  tx: DbOrTx,
  customerId: string,
  currency: string,
  asks: StaffAllocation[],
): Promise<Map<string, { number: string; payable: number }>> {
  const checked = new Map<string, { number: string; payable: number }>();
  if (asks.length === 0) return checked;
  const rows = await tx
    .select({
      id: invoices.id,
      number: invoices.number,
      customerId: invoices.customerId,
      currency: invoices.currency,
      balance: invoices.balance,
      voidedAt: invoices.voidedAt,
      held,
    })
    .from(invoices)
    .where(
      inArray(
        invoices.id,
        asks.map((a) => a.invoiceId),
      ),
    )
    .all();
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const ask of asks) {
    const invoice = byId.get(ask.invoiceId);
    if (!invoice || invoice.customerId !== customerId) throw notFound(`No invoice ${ask.invoiceId} on this account.`);
    if (checked.has(invoice.id)) throw new DomainError('invalid_request', `Invoice ${invoice.number} is listed twice.`);
    if (invoice.currency !== currency) {
      throw new DomainError('invalid_request', `Invoice ${invoice.number} is in ${invoice.currency}, not ${currency}.`);
    }
    if (invoice.voidedAt) throw new DomainError('invalid_request', `Invoice ${invoice.number} is void.`);
    const payable = Math.max(0, invoice.balance - invoice.held);
    if (ask.amount > payable) {
      throw new DomainError(
        'allocation_exceeds_balance',
        payable > 0
          ? `Invoice ${invoice.number} can take at most ${payable} now.`
          : `Invoice ${invoice.number} has nothing left to pay now.`,
      );
    }
    checked.set(invoice.id, { number: invoice.number, payable });
  }
  return checked;
}

type CreditSource = { type: 'payment' | 'credit_note'; id: string; left: number };

/** The customer's unapplied credit in `currency`, in the order it is used: payments' remainders (oldest first), then loose credit notes (oldest first). */
export async function creditSources(db: DbOrTx, customerId: string, currency: string): Promise<CreditSource[]> {
  const fromPayments = await db
    .select({ id: payments.id, left: payments.unapplied })
    .from(payments)
    .where(
      and(
        eq(payments.customerId, customerId),
        eq(payments.currency, currency),
        eq(payments.status, 'succeeded'),
        sql`${payments.unapplied} > 0`,
      ),
    )
    .orderBy(asc(payments.succeededAt), asc(payments.id))
    .all();
  const fromNotes = await db
    .select({ id: creditNotes.id, left: creditNotes.unapplied })
    .from(creditNotes)
    .where(
      and(
        eq(creditNotes.customerId, customerId),
        eq(creditNotes.currency, currency),
        sql`${creditNotes.invoiceId} IS NULL AND ${creditNotes.unapplied} > 0`,
      ),
    )
    .orderBy(asc(creditNotes.issueDate), asc(creditNotes.id))
    .all();
  return [
    ...fromPayments.map((p) => ({ type: 'payment' as const, ...p })),
    ...fromNotes.map((n) => ({ type: 'credit_note' as const, ...n })),
  ];
}

export interface CreditUse {
  invoiceId: string;
  amount: number;
  source: { type: 'payment' | 'credit_note'; id: string };
}

/**
 * Applies the customer's unapplied credit to `asks`, in the caller's transaction, in the order of
 * `creditSources` (as a payer's credit is used with a payment). Refused with nothing written:
 * `409 credit_insufficient` when the credit is less than the total, and the checks of
 * `checkStaffAllocations`. Each piece is an allocation of its source (no `viaPaymentId`: no payment
 * brought it), so statements, the ERP feed and a later refund of the source see it.
 */
export async function applyStaffCredit(
  tx: DbOrTx,
  input: { customerId: string; currency: string; allocations: StaffAllocation[] },
  now: Date,
): Promise<{ used: CreditUse[]; creditLeft: number }> {
  await checkStaffAllocations(tx, input.customerId, input.currency, input.allocations);
  const sources = await creditSources(tx, input.customerId, input.currency);
  const available = sources.reduce((sum, s) => sum + s.left, 0);
  const wanted = input.allocations.reduce((sum, a) => sum + a.amount, 0);
  if (wanted > available) {
    throw new DomainError(
      'credit_insufficient',
      `Only ${available} of unapplied credit is available in ${input.currency}; apply at most that.`,
    );
  }
  const used: CreditUse[] = [];
  for (const target of input.allocations) {
    let room = target.amount;
    for (const source of sources) {
      if (room === 0) break;
      const take = Math.min(source.left, room);
      if (take <= 0) continue;
      source.left -= take;
      room -= take;
      const spent =
        source.type === 'payment'
          ? await tx
              .update(payments)
              .set({ unapplied: sql`${payments.unapplied} - ${take}`, updatedAt: now })
              .where(and(eq(payments.id, source.id), sql`${payments.unapplied} >= ${take}`))
              .returning({ id: payments.id })
              .all()
          : await tx
              .update(creditNotes)
              .set({ unapplied: sql`${creditNotes.unapplied} - ${take}` })
              .where(and(eq(creditNotes.id, source.id), sql`${creditNotes.unapplied} >= ${take}`))
              .returning({ id: creditNotes.id })
              .all();
      if (spent.length !== 1) throw new Error(`credit ${source.id} no longer holds ${take}`);
      const write = { invoiceId: target.invoiceId, amount: take, source: { type: source.type, id: source.id } };
      // Checked above against the balance less what is held, in this transaction: anything else is a bug.
      if (!(await allocate(tx, write, now))) throw new Error(`credit for ${target.invoiceId} no longer fits`);
      used.push(write);
    }
  }
  return { used, creditLeft: available - wanted };
}

/**
 * Takes `amount` of a payment's own money back for a refund, in the caller's transaction: its
 * unapplied credit first, then its standing allocations, newest first (each reversed through
 * `unallocate`, and what the refund does not need of the last one allocated again), so the invoices
 * owe it again and their promises are reassessed. The caller has checked the payment holds `amount`.
 */
export async function takeBackPayment(
  tx: DbOrTx,
  paymentId: string,
  amount: number,
  now: Date,
): Promise<{ fromCredit: number; fromInvoices: StaffAllocation[] }> {
  const payment = await tx
    .select({ unapplied: payments.unapplied })
    .from(payments)
    .where(eq(payments.id, paymentId))
    .get();
  if (!payment) throw notFound('No such payment.');
  const fromCredit = Math.min(payment.unapplied, amount);
  if (fromCredit > 0) {
    await tx
      .update(payments)
      .set({ unapplied: sql`${payments.unapplied} - ${fromCredit}`, updatedAt: now })
      .where(eq(payments.id, paymentId))
      .run();
  }
  let left = amount - fromCredit;
  const fromInvoices: StaffAllocation[] = [];
  if (left > 0) {
    const standing = await tx
      .select()
      .from(allocations)
      .where(and(eq(allocations.paymentId, paymentId), isNull(allocations.reversedAt)))
      .orderBy(desc(allocations.createdAt), desc(allocations.id))
      .all();
    for (const a of standing) {
      if (left === 0) break;
      const take = Math.min(a.amount, left);
      await unallocate(tx, a, now);
      if (take < a.amount) {
        const rest = { invoiceId: a.invoiceId, amount: a.amount - take, viaPaymentId: a.viaPaymentId };
        if (!(await allocate(tx, { ...rest, source: { type: 'payment', id: paymentId } }, now)))
          throw new Error(`the rest of allocation ${a.id} no longer fits`);
      }
      fromInvoices.push({ invoiceId: a.invoiceId, amount: take });
      left -= take;
    }
  }
  if (left > 0) throw new Error(`payment ${paymentId} holds less than ${amount}`);
  return { fromCredit, fromInvoices };
}
