/**
 * A refund staff give through the payment's provider. In one transaction the cash comes off what the
 * payment paid (its unapplied credit first, then its allocations, newest first: those invoices owe it
 * again), the payment records the refund (`refunded`, `refundStatus: 'pending'`) with its
 * `payment.refund_started` event, and the `REFUND_PAYMENT` job is queued; the job calls the provider
 * once (idempotent on `refund-<payment id>`) and records `payment.refunded` or `payment.refund_failed`,
 * as for a refund of money no invoice could take.
 *
 * A processor takes one refund per payment under that key, and `payments` keeps one refund (its total,
 * state and reference), so a payment is refunded once: in full, or in part (what is left stays applied).
 * A payment with any refund already (an overpayment given back, an earlier staff refund) is refused.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { AdminPaymentRow, AdminRefundBody } from '../../contract';
import { payments } from '../../db/schema';
import { DomainError, notFound } from '../errors';
import { enqueueJob } from '../jobs';
import { surchargeOnRefund, takeBackPayment } from '../ledger';
import { REFUND_PAYMENT } from '../payments';
import { customerOf, type MoneyActing, type MoneyDeps, staffEvent } from './core';
import { adminPaymentRow, refundableOf } from './payment-queue';

const notRefundable = (message: string) => new DomainError('payment_not_refundable', message);

/** `POST /admin/payments/:id/refund`. */
export async function refundPayment(
  deps: MoneyDeps,
  paymentId: string,
  body: AdminRefundBody,
  by: MoneyActing,
): Promise<AdminPaymentRow> {
  await deps.db.transaction(async (tx) => {
    const payment = await tx.select().from(payments).where(eq(payments.id, paymentId)).get();
    if (!payment) throw notFound('No such payment.');
    await customerOf(tx, payment.customerId);
    if (!deps.providers.byName(payment.provider) || !payment.providerRef) {
      throw notRefundable('This payment did not come through a payment provider; give the money back outside Portico.');
    }
    if (payment.refundStatus === 'pending') throw notRefundable('A refund of this payment is already under way.');
    if (payment.refunded > 0) throw notRefundable('This payment has been refunded already; it can be refunded once.');
    if (payment.status !== 'succeeded')
      throw notRefundable(`This payment is ${payment.status}; only a succeeded one can be refunded.`);
    const refundable = refundableOf(deps, payment);
    const amount = body.amount ?? refundable;
    if (amount > refundable) {
      throw new DomainError('refund_too_large', `At most ${refundable} of this payment can be refunded.`);
    }
    const now = deps.clock.now();
    const taken = await takeBackPayment(tx, payment.id, amount, now);
    // The surcharge goes back in proportion to what is refunded, rounded in the payer's favour.
    const refunded = amount + surchargeOnRefund(payment.surcharge, payment.amount, amount);
    const marked = await tx
      .update(payments)
      .set({
        refunded,
        refundStatus: 'pending',
        status: amount === payment.amount ? 'refunded' : 'succeeded',
        updatedAt: now,
      })
      .where(and(eq(payments.id, payment.id), eq(payments.status, 'succeeded'), isNull(payments.refundStatus)))
      .returning({ id: payments.id })
      .all();
    if (marked.length !== 1) throw notRefundable('This payment changed meanwhile; look again.');
    await staffEvent(
      tx,
      by,
      payment.customerId,
      {
        type: 'payment.refund_started',
        subject: { type: 'payment', id: payment.id },
        data: {
          amount: refunded,
          currency: payment.currency,
          reason: 'staff',
          note: body.reason,
          fromCredit: taken.fromCredit,
          allocations: taken.fromInvoices,
        },
      },
      now,
    );
    await enqueueJob(tx, { type: REFUND_PAYMENT, payload: { paymentId: payment.id }, runAt: now }, now);
  });
  return adminPaymentRow(deps, deps.db, paymentId);
}
