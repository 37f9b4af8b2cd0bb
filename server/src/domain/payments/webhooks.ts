/** Verified provider webhooks, and returns. */
import type { Config } from '../../config';
import { and, eq } from 'drizzle-orm';
import type { PaymentProviderName } from '../../contract';
import type { DbOrTx } from '../../db/client';
import { payments, providerEvents } from '../../db/schema';
import { DomainError } from '../errors';
import { paymentReturnedEmail } from '../../mail/payment-templates';
import type { ProviderEvent } from '../../payments/provider';
import { reversePayment } from '../ledger';
import { recordEvent, type Actor } from '../events';
import { queueEmail, readerLocale } from '../notifications';
import { getSettings } from '../settings';
import { CANCELLED_CODES, type PaymentDeps } from './deps';
import { applyOutcome } from './outcome';
import { paymentView } from './read';

/**
 * A verified provider webhook. Its event id is recorded in the same transaction as what it changes,
 * so a replayed event is refused and a failed one can be delivered again.
 */
export async function handleProviderEvent(
  deps: PaymentDeps,
  providerName: PaymentProviderName,
  event: ProviderEvent,
): Promise<{ handled: boolean; paymentId: string | null }> {
  const actor: Actor = { type: 'system', id: `provider:${providerName}` };
  return await deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const payment = await tx
      .select()
      .from(payments)
      .where(and(eq(payments.provider, providerName), eq(payments.providerRef, event.ref)))
      .get();
    const inserted = await tx
      .insert(providerEvents)
      .values({
        provider: providerName,
        eventId: event.id,
        type: event.outcome,
        paymentId: payment?.id ?? null,
        receivedAt: now,
      })
      .onConflictDoNothing()
      .returning({ eventId: providerEvents.eventId })
      .all();
    if (inserted.length === 0) {
      throw new DomainError('conflict', 'This webhook event was already received.');
    }
    if (!payment || event.outcome === 'ignored') return { handled: false, paymentId: payment?.id ?? null };
    if (
      event.outcome === 'succeeded' &&
      payment.status === 'failed' &&
      !CANCELLED_CODES.includes(payment.failureCode ?? '')
    ) {
      // The processor took the money after all (a payer retried a declined card on the same intent):
      // money received is never left unapplied, so the payment reopens and is applied.
      await tx
        .update(payments)
        .set({ status: 'processing', failureCode: null, failureMessage: null, updatedAt: now })
        .where(eq(payments.id, payment.id))
        .run();
      await recordEvent(
        tx,
        {
          type: 'payment.reopened',
          actor,
          subject: { type: 'payment', id: payment.id },
          customerId: payment.customerId,
        },
        now,
      );
    }
    switch (event.outcome) {
      case 'succeeded':
        await applyOutcome(tx, deps.config, payment.id, { status: 'succeeded', ref: event.ref }, actor, now);
        break;
      case 'processing':
        await applyOutcome(tx, deps.config, payment.id, { status: 'processing', ref: event.ref }, actor, now);
        break;
      case 'failed':
        await applyOutcome(
          tx,
          deps.config,
          payment.id,
          {
            status: 'failed',
            ref: event.ref,
            code: event.code ?? 'payment_failed',
            message: event.message ?? 'The payment failed. Nothing was taken.',
          },
          actor,
          now,
        );
        break;
      case 'returned':
        // A processor that reports our own whole refund as the capture being refunded (PayPal's
        // PAYMENT.CAPTURE.REFUNDED): that is the refund we made, not a return.
        if (payment.status === 'refunded' && payment.refundStatus !== null) break;
        await returnPayment(tx, deps.config, payment.id, event.code ?? 'returned', actor, now, event.message);
        break;
    }
    return { handled: true, paymentId: payment.id };
  });
}

/** A settled payment sent back (an ACH return): allocations reversed, the payer told. */
export async function returnPayment(
  db: DbOrTx,
  config: Pick<Config, 'PORTAL_URL' | 'PUBLIC_URL'>,
  paymentId: string,
  reason: string,
  actor: Actor,
  now: Date,
  message = 'The payment was returned. The invoices it paid are open again.',
): Promise<boolean> {
  if (!(await reversePayment(db, paymentId, reason, actor, now))) return false;
  const payment = (await db.select().from(payments).where(eq(payments.id, paymentId)).get())!;
  await db.update(payments).set({ failureMessage: message }).where(eq(payments.id, paymentId)).run();
  if (payment.payerEmail) {
    const company = await getSettings(db, config);
    await queueEmail(
      db,
      paymentReturnedEmail({
        company,
        to: payment.payerEmail,
        payment: await paymentView(db, paymentId),
        locale: await readerLocale(db, { email: payment.payerEmail }, payment.customerId, company),
      }),
      now,
    );
  }
  return true;
}
