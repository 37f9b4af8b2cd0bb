/** Reading payments: what a session may see, lists and views. */
import { asc, desc, eq, inArray, or } from 'drizzle-orm';
import type {
  PaymentAllocationView,
  PaymentMethod,
  PaymentNextAction,
  PaymentProviderName,
  PaymentView,
} from '../../contract';
import type { DbOrTx } from '../../db/client';
import { allocations, creditNoteAllocations, invoices, payments } from '../../db/schema';
import { notFound } from '../errors';
import { accountFor } from '../invoices';
import { receiptNumber } from '../ledger';
import type { AuthSession } from '../auth';
import type { PaymentRow } from './deps';

/** An Easy Pay session sees the payments made through the portal for its invoices only. */
function inScope(scope: string[] | null, requested: { invoiceId: string }[] | null): boolean {
  if (scope === null) return true;
  return !!requested?.length && requested.every((a) => scope.includes(a.invoiceId));
}

/** A payment the session may see: its account's, and for an Easy Pay session only its invoices'. */
export async function visiblePayment(db: DbOrTx, session: AuthSession, paymentId: string): Promise<PaymentRow> {
  const payment = await db.select().from(payments).where(eq(payments.id, paymentId)).get();
  const accounts = session.accounts.map((a) => a.id);
  const scope = session.scopeInvoiceIds;
  const visible = payment && accounts.includes(payment.customerId) && inScope(scope, payment.requestedAllocations);
  if (!visible) throw notFound('No such payment.');
  return payment;
}

export async function listPayments(
  db: DbOrTx,
  session: AuthSession,
  account: string | undefined,
): Promise<PaymentView[]> {
  const accountId = accountFor(session, account);
  const rows = await db
    .select({ id: payments.id, requested: payments.requestedAllocations })
    .from(payments)
    .where(eq(payments.customerId, accountId))
    .orderBy(desc(payments.createdAt), desc(payments.id))
    .limit(100)
    .all();
  const scope = session.scopeInvoiceIds;
  const views: PaymentView[] = [];
  for (const r of rows) if (inScope(scope, r.requested)) views.push(await paymentView(db, r.id));
  return views;
}

export async function paymentView(db: DbOrTx, paymentId: string): Promise<PaymentView> {
  const p = await db.select().from(payments).where(eq(payments.id, paymentId)).get();
  if (!p) throw notFound('No such payment.');
  type Item = { invoiceId: string; amount: number; source: 'payment' | 'credit' };
  let groups: Item[][];
  const applied = p.status === 'succeeded' || p.status === 'returned' || p.status === 'refunded';
  if (applied) {
    const own = (
      await db
        .select({
          invoiceId: allocations.invoiceId,
          amount: allocations.amount,
          via: allocations.viaPaymentId,
          reversedAt: allocations.reversedAt,
        })
        .from(allocations)
        .where(or(eq(allocations.paymentId, p.id), eq(allocations.viaPaymentId, p.id)))
        .orderBy(asc(allocations.id))
        .all()
    )
      // This payment's own money, and earlier credit it brought along; not its own remainder used later.
      // A returned payment shows what it had paid; otherwise what a refund took back is no longer applied.
      .filter((a) => (a.via === null || a.via === p.id) && (p.status === 'returned' || a.reversedAt === null))
      .map(
        (a) => ({ invoiceId: a.invoiceId, amount: a.amount, source: a.via === p.id ? 'credit' : 'payment' }) as const,
      );
    const notes = (
      await db
        .select({ invoiceId: creditNoteAllocations.invoiceId, amount: creditNoteAllocations.amount })
        .from(creditNoteAllocations)
        .where(eq(creditNoteAllocations.viaPaymentId, p.id))
        .orderBy(asc(creditNoteAllocations.id))
        .all()
    ).map((a) => ({ ...a, source: 'credit' as const }));
    groups = [notes, own.filter((a) => a.source === 'credit'), own.filter((a) => a.source === 'payment')];
  } else {
    groups = [(p.requestedAllocations ?? []).map((a) => ({ ...a, source: 'payment' as const }))];
  }
  const ids = [...new Set(groups.flat().map((a) => a.invoiceId))];
  const rows = ids.length
    ? await db
        .select({ id: invoices.id, number: invoices.number, dueDate: invoices.dueDate })
        .from(invoices)
        .where(inArray(invoices.id, ids))
        .all()
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  if (applied) {
    // Each group in the order cash application wrote it, which no column keeps (SQLite's rowid did;
    // PostgreSQL has none): the payer's chosen invoices as chosen, then the oldest due first, as `planSettlement`.
    const chosen = new Map((p.requestedAllocations ?? []).map((a, i) => [a.invoiceId, i]));
    const position = (a: Item) => chosen.get(a.invoiceId) ?? Number.MAX_SAFE_INTEGER;
    const due = (a: Item) => byId.get(a.invoiceId)?.dueDate ?? '';
    for (const group of groups) {
      group.sort(
        (x, y) => position(x) - position(y) || due(x).localeCompare(due(y)) || x.invoiceId.localeCompare(y.invoiceId),
      );
    }
  }
  const items = groups.flat();
  const allocationsView: PaymentAllocationView[] = items.map((a) => ({
    invoiceId: a.invoiceId,
    number: byId.get(a.invoiceId)?.number ?? a.invoiceId,
    amount: a.amount,
    source: a.source,
  }));
  return {
    id: p.id,
    accountId: p.customerId,
    status: p.status,
    method: p.method as PaymentMethod,
    provider: p.provider as PaymentProviderName,
    currency: p.currency,
    amount: p.amount,
    surcharge: p.surcharge,
    total: p.amount + p.surcharge,
    credit: p.creditRequested,
    unapplied: p.unapplied,
    allocations: allocationsView,
    failure:
      p.failureCode && (p.status === 'failed' || p.status === 'returned')
        ? { code: p.failureCode, message: p.failureMessage ?? 'The payment did not go through.' }
        : null,
    nextAction: p.status === 'pending' ? ((p.nextAction as unknown as PaymentNextAction | null) ?? null) : null,
    createdAt: p.createdAt.toISOString(),
    succeededAt: p.succeededAt ? p.succeededAt.toISOString() : null,
    receiptNumber: receiptNumber(p.id),
    refunded: p.refunded,
    refundStatus: p.refundStatus,
    expiresAt: p.status === 'pending' && p.expiresAt ? p.expiresAt.toISOString() : null,
  };
}
