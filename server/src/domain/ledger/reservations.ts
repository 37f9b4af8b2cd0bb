/**
 * Money in flight. From the moment a payment is accepted until it fails, is returned or is applied,
 * what it asks of each invoice is held in `reservations`; a new payment may take at most the balance
 * minus what is held. The check and the hold happen in the same write transaction (writers are
 * serialised, across processes too: SQLite's `BEGIN IMMEDIATE`, PostgreSQL's writers' advisory lock),
 * so two payments for one balance cannot both be accepted however they interleave.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { AmountInFlight, InFlight } from '../../contract';
import type { DbOrTx } from '../../db/client';
import { invoices, payments, reservations } from '../../db/schema';
import { DomainError } from '../errors';

/** A short number for people (`R-…`), on receipts, statements and in notices. */
export function receiptNumber(paymentId: string): string {
  return `R-${paymentId.replace(/^pay_/, '').slice(0, 10).toUpperCase()}`;
}

/** What payments in flight hold of each of these invoices (absent: nothing held). */
export async function inFlightFor(db: DbOrTx, invoiceIds: string[]): Promise<Map<string, InFlight>> {
  const held = new Map<string, InFlight>();
  if (invoiceIds.length === 0) return held;
  const rows = await db
    .select({
      invoiceId: reservations.invoiceId,
      amount: reservations.amount,
      createdAt: reservations.createdAt,
      paymentId: reservations.paymentId,
      status: payments.status,
    })
    .from(reservations)
    .innerJoin(payments, eq(payments.id, reservations.paymentId))
    .where(inArray(reservations.invoiceId, invoiceIds))
    .orderBy(asc(reservations.createdAt), asc(reservations.paymentId))
    .all();
  for (const r of rows) {
    const seen = held.get(r.invoiceId);
    if (seen) {
      seen.amount += r.amount;
      // Any payment already with the bank makes the invoice's money "processing".
      if (r.status === 'processing') seen.status = 'processing';
      continue;
    }
    held.set(r.invoiceId, {
      amount: r.amount,
      since: r.createdAt.toISOString(),
      paymentId: r.paymentId,
      receiptNumber: receiptNumber(r.paymentId),
      status: r.status === 'processing' ? 'processing' : 'pending',
    });
  }
  return held;
}

/** What is held on each account's invoices, for the account totals. */
export async function inFlightByAccount(
  db: DbOrTx,
  accountIds: string[],
  scopeInvoiceIds: string[] | null,
): Promise<Map<string, number>> {
  if (accountIds.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ id: invoices.customerId, held: sql<number>`coalesce(sum(${reservations.amount}), 0)`.mapWith(Number) })
    .from(reservations)
    .innerJoin(invoices, eq(invoices.id, reservations.invoiceId))
    .where(
      and(
        inArray(invoices.customerId, accountIds),
        scopeInvoiceIds ? inArray(invoices.id, scopeInvoiceIds) : undefined,
      ),
    )
    .groupBy(invoices.customerId)
    .all();
  return new Map(rows.map((r) => [r.id, r.held]));
}

/** balance − held, never below zero. */
export function payableOf(balance: number, held: InFlight | undefined | null): number {
  return Math.max(0, balance - (held?.amount ?? 0));
}

/**
 * Holds `asks` for `paymentId`, in the caller's write transaction, after checking each invoice can
 * still take it: the answer otherwise is `409 amount_in_flight` naming the invoice and the payment
 * in flight. The caller has checked each ask against the balance itself.
 */
export async function reserve(
  tx: DbOrTx,
  paymentId: string,
  asks: { invoiceId: string; amount: number }[],
  now: Date,
): Promise<void> {
  const rows = asks.length
    ? await tx
        .select({ id: invoices.id, number: invoices.number, balance: invoices.balance })
        .from(invoices)
        .where(
          inArray(
            invoices.id,
            asks.map((a) => a.invoiceId),
          ),
        )
        .all()
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const held = await inFlightFor(
    tx,
    asks.map((a) => a.invoiceId),
  );
  for (const ask of asks) {
    const invoice = byId.get(ask.invoiceId)!;
    const h = held.get(ask.invoiceId);
    const payable = payableOf(invoice.balance, h);
    if (h && ask.amount > payable) {
      const detail: AmountInFlight = {
        invoiceId: invoice.id,
        number: invoice.number,
        paymentId: h.paymentId,
        receiptNumber: h.receiptNumber,
        payable,
      };
      throw new DomainError(
        'amount_in_flight',
        payable > 0
          ? `Payment ${h.receiptNumber} for invoice ${invoice.number} is still in flight; at most ${payable} is left to pay.`
          : `Invoice ${invoice.number} is already being paid by payment ${h.receiptNumber}, which is still in flight.`,
        { inFlight: detail },
      );
    }
  }
  if (asks.length) {
    await tx
      .insert(reservations)
      .values(asks.map((a) => ({ paymentId, invoiceId: a.invoiceId, amount: a.amount, createdAt: now })))
      .run();
  }
}

/** Lets go of what a payment held (it failed, was cancelled, lapsed, was applied or returned). */
export async function release(tx: DbOrTx, paymentId: string): Promise<void> {
  await tx.delete(reservations).where(eq(reservations.paymentId, paymentId)).run();
}
