/**
 * The one way money meets an invoice: its balance goes down by what a payment or a credit note gives it,
 * and the allocation row that explains it is written beside, in the caller's transaction. Cash
 * application, credit use, settled payments from the ERP and credit notes all come through here, so an
 * invoice's stored totals always add up to the rows beneath them; `unallocate` takes one back exactly.
 * The promises to pay covering the invoice are reassessed in the same transaction (promise-verdicts.ts),
 * and the staff console's aggregates brought up to date (`domain/ar-aggregates.ts`): a caller of
 * `reduceBalance` alone refreshes them itself once its rows are written.
 */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { newId } from '../../crypto';
import type { DbOrTx } from '../../db/client';
import { allocations, creditNoteAllocations, invoices } from '../../db/schema';
import { refreshInvoiceAggregates } from '../ar-aggregates';
import { reassessPromises } from './promise-verdicts';

/** Money given to an invoice: from a payment (`amountPaid`) or a credit note (`amountCredited`). */
export interface AllocationWrite {
  invoiceId: string;
  amount: number;
  source: { type: 'payment' | 'credit_note'; id: string };
  /** The payment whose application spent this credit (an earlier payment's remainder, a loose credit note). */
  viaPaymentId?: string | null;
}

/**
 * Lowers an invoice's balance by `amount`, adding it to what was paid or credited; only while the
 * balance can take it and the invoice matches `where`. False, with nothing written, when it cannot.
 */
export async function reduceBalance(
  tx: DbOrTx,
  invoiceId: string,
  amount: number,
  by: 'payment' | 'credit_note',
  now: Date,
  where?: SQL,
): Promise<boolean> {
  const total = by === 'payment' ? 'amountPaid' : 'amountCredited';
  const applied = await tx
    .update(invoices)
    .set({
      [total]: sql`${invoices[total]} + ${amount}`,
      balance: sql`${invoices.balance} - ${amount}`,
      updatedAt: now,
    })
    .where(and(eq(invoices.id, invoiceId), sql`${invoices.balance} >= ${amount}`, where))
    .returning({ id: invoices.id })
    .all();
  return applied.length === 1;
}

/** `reduceBalance` and the allocation row that records it; false, with nothing written, when it does not fit. */
export async function allocate(tx: DbOrTx, a: AllocationWrite, now: Date, where?: SQL): Promise<boolean> {
  if (!(await reduceBalance(tx, a.invoiceId, a.amount, a.source.type, now, where))) return false;
  const row = { invoiceId: a.invoiceId, amount: a.amount, viaPaymentId: a.viaPaymentId ?? null, createdAt: now };
  if (a.source.type === 'payment') {
    await tx
      .insert(allocations)
      .values({ id: newId('alc'), paymentId: a.source.id, ...row })
      .run();
  } else {
    await tx
      .insert(creditNoteAllocations)
      .values({ id: newId('cna'), creditNoteId: a.source.id, ...row })
      .run();
  }
  await reassessPromises(tx, a.invoiceId, now, false);
  await refreshInvoiceAggregates(tx, a.invoiceId);
  return true;
}

/** Takes a payment's allocation back: the invoice owes it again and the allocation is marked reversed. */
export async function unallocate(
  tx: DbOrTx,
  a: { id: string; invoiceId: string; amount: number },
  now: Date,
): Promise<void> {
  await tx
    .update(invoices)
    .set({
      amountPaid: sql`${invoices.amountPaid} - ${a.amount}`,
      balance: sql`${invoices.balance} + ${a.amount}`,
      updatedAt: now,
    })
    .where(eq(invoices.id, a.invoiceId))
    .run();
  await tx.update(allocations).set({ reversedAt: now }).where(eq(allocations.id, a.id)).run();
  await reassessPromises(tx, a.invoiceId, now, true);
  await refreshInvoiceAggregates(tx, a.invoiceId);
}
