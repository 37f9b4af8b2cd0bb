/** Payments waiting on the payer (3-D Secure, PayPal approval): confirmed, replaced or lapsed. */
import { and, asc, eq, inArray, isNotNull, lte, or, sql } from 'drizzle-orm';
import type { PaymentView } from '../../contract';
import { payments, reservations } from '../../db/schema';
import { DomainError } from '../errors';
import { type ProviderOutcome, ProviderError } from '../../payments/provider';
import { type Actor } from '../events';
import { type JobHandler } from '../jobs';
import type { AuthSession } from '../auth';
import { CANCELLED_CODES, chargeInput, type PaymentDeps } from './deps';
import { applyOutcome } from './outcome';
import { paymentView, visiblePayment } from './read';

/** A payment waiting on the payer (3-D Secure, PayPal approval), or one whose charge never reached the provider. */
const waiting = and(eq(payments.status, 'pending'));

/**
 * Cancels, at the provider first, the customer's payments waiting on the payer that hold any of
 * `invoiceIds` (all of them when null), or only those past their `expiresAt` when `why` is `lapsed`.
 * A payment the provider reports as already paid is applied instead (its money is in). A payment
 * whose provider call is running in this process is left to finish.
 */
export async function cancelWaiting(
  deps: PaymentDeps,
  customerId: string | null,
  invoiceIds: string[] | null,
  why: 'cancelled' | 'lapsed',
  actor: Actor,
  onlyPaymentId?: string,
): Promise<void> {
  const now = deps.clock.now();
  const holding = invoiceIds
    ? sql`${payments.id} IN (SELECT ${reservations.paymentId} FROM ${reservations} WHERE ${inArray(reservations.invoiceId, invoiceIds.length ? invoiceIds : [''])})`
    : undefined;
  const candidates = await deps.db
    .select()
    .from(payments)
    .where(
      and(
        waiting,
        customerId ? eq(payments.customerId, customerId) : undefined,
        onlyPaymentId ? eq(payments.id, onlyPaymentId) : undefined,
        why === 'lapsed' ? and(isNotNull(payments.expiresAt), lte(payments.expiresAt, now)) : holding,
        // A replaced payment must have reached the provider and be waiting on the payer; one whose first
        // call is still out (no reference yet) is in flight like any other and holds its invoices.
        why === 'cancelled' ? or(isNotNull(payments.nextAction), isNotNull(payments.expiresAt)) : undefined,
      ),
    )
    .orderBy(asc(payments.createdAt), asc(payments.id))
    .all();
  for (const payment of candidates) {
    if (deps.charges.has(payment.id)) continue;
    let outcome: ProviderOutcome | null = null;
    if (payment.providerRef) {
      const provider = deps.providers.byName(payment.provider);
      if (!provider) continue;
      try {
        outcome = await provider.confirm(payment.providerRef, 'cancel', await chargeInput(deps, payment, null));
      } catch (err) {
        if (!(err instanceof ProviderError)) throw err;
        deps.logger.error('could not cancel a waiting payment', { paymentId: payment.id, error: err.message });
        // It keeps its hold. The lapse job fails and tries again with backoff; a new payment just finds it in flight.
        if (why === 'lapsed') throw err;
        continue;
      }
    }
    const message =
      why === 'lapsed'
        ? 'This payment waited too long for authentication or approval and was cancelled. Nothing was charged.'
        : 'This payment was replaced by a newer one before it was completed. Nothing was charged.';
    await deps.db.transaction(async (tx) => {
      const at = deps.clock.now();
      if (outcome && outcome.status === 'succeeded') {
        await applyOutcome(tx, deps.config, payment.id, outcome, actor, at);
        return;
      }
      await applyOutcome(
        tx,
        deps.config,
        payment.id,
        { status: 'failed', ref: outcome?.ref ?? payment.providerRef, code: why, message },
        actor,
        at,
      );
    });
  }
}

/** A payment still waiting on the payer at its deadline is cancelled at the provider and fails as `lapsed`. */
export function lapseHandler(deps: PaymentDeps): JobHandler {
  return async (payload) => {
    await cancelWaiting(deps, null, null, 'lapsed', { type: 'system', id: 'payments' }, String(payload.paymentId));
  };
}

/** The payer finished or abandoned the next action (authentication, PayPal approval). */
export async function confirmPayment(
  deps: PaymentDeps,
  session: AuthSession,
  paymentId: string,
  outcome: 'complete' | 'cancel',
  requestId: string | null,
): Promise<PaymentView> {
  const payment = await visiblePayment(deps.db, session, paymentId);
  const actor: Actor = { type: 'customer', id: session.email };
  if (payment.status === 'pending' && payment.expiresAt && payment.expiresAt <= deps.clock.now()) {
    // Too late: cancelled at the provider, never completed.
    try {
      await cancelWaiting(deps, payment.customerId, null, 'lapsed', actor, payment.id);
    } catch (err) {
      if (!(err instanceof ProviderError)) throw err;
      throw new DomainError('provider_error', 'We could not reach the payment processor. Try again in a moment.');
    }
  }
  const now = await visiblePayment(deps.db, session, paymentId);
  if (now.status === 'failed' && now.failureCode && CANCELLED_CODES.includes(now.failureCode)) {
    throw new DomainError(
      'payment_lapsed',
      now.failureCode === 'lapsed'
        ? 'This payment waited too long and was cancelled. Nothing was charged; start the payment again.'
        : 'This payment was replaced by a newer one and cancelled. Nothing was charged.',
    );
  }
  if (now.status !== 'pending' || !now.nextAction || !now.providerRef) {
    // Already settled one way or the other (a double click, a webhook first): show where it stands.
    return await paymentView(deps.db, paymentId);
  }
  const running = deps.charges.get(paymentId);
  if (running) {
    await running;
    return await paymentView(deps.db, paymentId);
  }
  const provider = deps.providers.byName(now.provider);
  if (!provider) throw new DomainError('method_unavailable', 'That payment method is no longer offered.');
  const work = (async () => {
    let result: ProviderOutcome;
    try {
      result = await provider.confirm(now.providerRef!, outcome, await chargeInput(deps, now, null));
    } catch (err) {
      if (!(err instanceof ProviderError)) throw err;
      throw new DomainError('provider_error', 'We could not reach the payment processor. Try again in a moment.');
    }
    await deps.db.transaction((tx) =>
      applyOutcome(tx, deps.config, paymentId, result, actor, deps.clock.now(), requestId),
    );
  })();
  deps.charges.set(paymentId, work);
  try {
    await work;
  } finally {
    deps.charges.delete(paymentId);
  }
  return await paymentView(deps.db, paymentId);
}
