/** Refunds of money no chosen invoice could take, carried out by a job through the provider. */
import { and, eq } from 'drizzle-orm';
import { payments } from '../../db/schema';
import { paymentRefundedEmail } from '../../mail/payment-templates';
import { recordEvent, type Actor } from '../events';
import { type JobHandler } from '../jobs';
import { queueEmail, readerLocale } from '../notifications';
import { getSettings } from '../settings';
import type { PaymentDeps } from './deps';
import { paymentView } from './read';

/**
 * Gives back what a payment recorded as `refunded` through its provider, once: the provider call is
 * idempotent on the payment id, and only a `pending` refund is carried out. A provider that cannot be
 * reached throws, so the job retries with backoff; a refusal is recorded for staff to act on.
 */
export function refundHandler(deps: PaymentDeps): JobHandler {
  return async (payload, { finish }) => {
    const payment = await deps.db
      .select()
      .from(payments)
      .where(eq(payments.id, String(payload.paymentId)))
      .get();
    if (!payment || payment.refundStatus !== 'pending' || payment.refunded <= 0) return;
    const provider = deps.providers.byName(payment.provider);
    if (!provider) throw new Error(`provider ${payment.provider} is not configured; cannot refund ${payment.id}`);
    if (!payment.providerRef) throw new Error(`payment ${payment.id} has no provider reference to refund`);
    const result = await provider.refund(payment.providerRef, payment.refunded, {
      paymentId: payment.id,
      currency: payment.currency,
    });
    const actor: Actor = { type: 'system', id: `provider:${provider.name}` };
    await deps.db.transaction(async (tx) => {
      await finish(tx);
      const now = deps.clock.now();
      const done = await tx
        .update(payments)
        .set({
          refundStatus: result.status === 'failed' ? 'failed' : 'succeeded',
          refundRef: result.ref,
          updatedAt: now,
        })
        .where(and(eq(payments.id, payment.id), eq(payments.refundStatus, 'pending')))
        .returning({ id: payments.id })
        .all();
      if (done.length === 0) return;
      const subject = { type: 'payment', id: payment.id };
      if (result.status === 'failed') {
        deps.logger.error('refund refused', { paymentId: payment.id, message: result.message });
        await recordEvent(
          tx,
          {
            type: 'payment.refund_failed',
            actor,
            subject,
            customerId: payment.customerId,
            data: { amount: payment.refunded, currency: payment.currency, message: result.message },
          },
          now,
        );
        return;
      }
      await recordEvent(
        tx,
        {
          type: 'payment.refunded',
          actor,
          subject,
          customerId: payment.customerId,
          data: { amount: payment.refunded, currency: payment.currency, ref: result.ref },
        },
        now,
      );
      if (payment.payerEmail) {
        const company = await getSettings(tx, deps.config);
        await queueEmail(
          tx,
          paymentRefundedEmail({
            company,
            to: payment.payerEmail,
            payment: await paymentView(tx, payment.id),
            locale: await readerLocale(tx, { email: payment.payerEmail }, payment.customerId, company),
          }),
          now,
        );
      }
    });
  };
}
