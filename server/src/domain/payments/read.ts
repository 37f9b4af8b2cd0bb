/** Reading payments: what a session may see, lists and views. */
import { desc, eq, inArray, or } from 'drizzle-orm';
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
export function visiblePayment(db: DbOrTx, session: AuthSession, paymentId: string): PaymentRow {
  const payment = db.select().from(payments).where(eq(payments.id, paymentId)).get();
  const accounts = session.accounts.map((a) => a.id);
  const scope = session.scopeInvoiceIds;
  const visible = payment && accounts.includes(payment.customerId) && inScope(scope, payment.requestedAllocations);
  if (!visible) throw notFound('No such payment.');
  return payment;
}

export function listPayments(db: DbOrTx, session: AuthSession, account: string | undefined): PaymentView[] {
  const accountId = accountFor(session, account);
  const rows = db
    .select({ id: payments.id, requested: payments.requestedAllocations })
    .from(payments)
    .where(eq(payments.customerId, accountId))
    .orderBy(desc(payments.createdAt), desc(payments.id))
    .limit(100)
    .all();
  const scope = session.scopeInvoiceIds;
  return rows.filter((r) => inScope(scope, r.requested)).map((r) => paymentView(db, r.id));
}

export function paymentView(db: DbOrTx, paymentId: string): PaymentView {
  const p = db.select().from(payments).where(eq(payments.id, paymentId)).get();
  if (!p) throw notFound('No such payment.');
  let items: { invoiceId: string; amount: number; source: 'payment' | 'credit' }[];
  if (p.status === 'succeeded' || p.status === 'returned' || p.status === 'refunded') {
    const own = db
      .select({ invoiceId: allocations.invoiceId, amount: allocations.amount, via: allocations.viaPaymentId })
      .from(allocations)
      .where(or(eq(allocations.paymentId, p.id), eq(allocations.viaPaymentId, p.id)))
      .all()
      // This payment's own money, and earlier credit it brought along; not its own remainder used later.
      .filter((a) => a.via === null || a.via === p.id)
      .map(
        (a) => ({ invoiceId: a.invoiceId, amount: a.amount, source: a.via === p.id ? 'credit' : 'payment' }) as const,
      );
    const notes = db
      .select({ invoiceId: creditNoteAllocations.invoiceId, amount: creditNoteAllocations.amount })
      .from(creditNoteAllocations)
      .where(eq(creditNoteAllocations.viaPaymentId, p.id))
      .all()
      .map((a) => ({ ...a, source: 'credit' as const }));
    items = [...notes, ...own.filter((a) => a.source === 'credit'), ...own.filter((a) => a.source === 'payment')];
  } else {
    items = (p.requestedAllocations ?? []).map((a) => ({ ...a, source: 'payment' as const }));
  }
  const ids = [...new Set(items.map((a) => a.invoiceId))];
  const numbers = new Map(
    ids.length
      ? db
          .select({ id: invoices.id, number: invoices.number })
          .from(invoices)
          .where(inArray(invoices.id, ids))
          .all()
          .map((r) => [r.id, r.number])
      : [],
  );
  const allocationsView: PaymentAllocationView[] = items.map((a) => ({
    invoiceId: a.invoiceId,
    number: numbers.get(a.invoiceId) ?? a.invoiceId,
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
