/** Where a provider's answer moves a payment, in the caller's transaction. */
import { and, eq, inArray } from 'drizzle-orm';
import { MINUTE } from '../../clock';
import type { Config } from '../../config';
import type { DbOrTx } from '../../db/client';
import { payments } from '../../db/schema';
import { paymentReceiptEmail } from '../../mail/payment-templates';
import type { ProviderOutcome } from '../../payments/provider';
import { applySucceededPayment, release } from '../ledger';
import { recordEvent, type Actor } from '../events';
import { queueEmail, readerLocale } from '../notifications';
import { getSettings } from '../settings';
import { CANCELLED_CODES } from './deps';
import { scheduleLapse, scheduleRefund } from './schedule';
import { paymentView } from './read';

/**
 * Moves a payment to where its provider says it stands, in the caller's transaction. Only a payment
 * still open (pending or processing) moves; anything final stays final, so a late or repeated answer
 * cannot undo a success or a failure. The one exception is money: a success for a payment we had
 * cancelled (the payer completed at the provider while a new payment replaced it) is taken in and
 * refunded whole, never applied and never lost.
 */
export async function applyOutcome(
  db: DbOrTx,
  config: Pick<Config, 'PAYMENT_WAIT_MINUTES' | 'PORTAL_URL' | 'PUBLIC_URL'>,
  paymentId: string,
  outcome: ProviderOutcome,
  actor: Actor,
  now: Date,
  requestId: string | null = null,
): Promise<void> {
  const open = inArray(payments.status, ['pending', 'processing']);
  const where = and(eq(payments.id, paymentId), open);
  const ref = outcome.ref ?? undefined;
  const current = await db.select().from(payments).where(eq(payments.id, paymentId)).get();
  if (!current) return;
  const subject = { type: 'payment', id: paymentId };
  const base = { actor, subject, customerId: current.customerId, requestId };
  if (
    current.status === 'failed' &&
    outcome.status === 'succeeded' &&
    CANCELLED_CODES.includes(current.failureCode ?? '')
  ) {
    await db
      .update(payments)
      .set({ status: 'processing', providerRef: ref ?? current.providerRef, updatedAt: now })
      .where(eq(payments.id, paymentId))
      .run();
    await recordEvent(db, { ...base, type: 'payment.reopened', data: { after: current.failureCode } }, now);
    if (await applySucceededPayment(db, paymentId, actor, now, { refundAll: true })) {
      await scheduleRefund(db, paymentId, now);
    }
    return;
  }
  if (current.status !== 'pending' && current.status !== 'processing') return;
  switch (outcome.status) {
    case 'succeeded': {
      if (ref) await db.update(payments).set({ providerRef: ref }).where(where).run();
      const applied = await applySucceededPayment(db, paymentId, actor, now);
      if (applied && applied.refund > 0) await scheduleRefund(db, paymentId, now);
      if (applied && applied.refund < current.amount) await queueReceipt(db, config, paymentId, now);
      return;
    }
    case 'processing': {
      await db
        .update(payments)
        .set({ status: 'processing', providerRef: ref, nextAction: null, expiresAt: null, updatedAt: now })
        .where(where)
        .run();
      if (current.status !== 'processing') {
        await recordEvent(db, { ...base, type: 'payment.processing', data: { method: current.method } }, now);
      }
      return;
    }
    case 'requires_action': {
      const expiresAt = new Date(now.getTime() + config.PAYMENT_WAIT_MINUTES * MINUTE);
      await db
        .update(payments)
        .set({
          providerRef: ref,
          nextAction: outcome.nextAction as unknown as Record<string, unknown>,
          expiresAt,
          updatedAt: now,
        })
        .where(and(eq(payments.id, paymentId), eq(payments.status, 'pending')))
        .run();
      await scheduleLapse(db, config, paymentId, now);
      await recordEvent(
        db,
        {
          ...base,
          type: 'payment.action_required',
          data: { action: outcome.nextAction.type, expiresAt: expiresAt.toISOString() },
        },
        now,
      );
      return;
    }
    case 'failed': {
      await db
        .update(payments)
        .set({
          status: 'failed',
          providerRef: ref ?? current.providerRef,
          failureCode: outcome.code,
          failureMessage: outcome.message,
          nextAction: null,
          expiresAt: null,
          updatedAt: now,
        })
        .where(where)
        .run();
      await release(db, paymentId);
      await recordEvent(
        db,
        {
          ...base,
          type: 'payment.failed',
          data: { amount: current.amount, currency: current.currency, method: current.method, code: outcome.code },
        },
        now,
      );
      return;
    }
  }
}

export async function queueReceipt(
  db: DbOrTx,
  config: Pick<Config, 'PORTAL_URL' | 'PUBLIC_URL'>,
  paymentId: string,
  now: Date,
): Promise<void> {
  const view = await paymentView(db, paymentId);
  const payment = (await db.select().from(payments).where(eq(payments.id, paymentId)).get())!;
  if (!payment.payerEmail) return;
  const company = await getSettings(db, config);
  await queueEmail(
    db,
    {
      ...paymentReceiptEmail({
        company,
        to: payment.payerEmail,
        payment: view,
        locale: await readerLocale(db, { email: payment.payerEmail }, payment.customerId, company),
      }),
      attachments: [{ type: 'receipt_pdf', paymentId }],
    },
    now,
  );
}
