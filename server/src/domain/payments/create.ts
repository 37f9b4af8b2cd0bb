/** A new payment: recorded once per Idempotency-Key with its hold on the invoices, then charged. */
import { and, eq } from 'drizzle-orm';
import type { PaymentRequestBody, PaymentView } from '../../contract';
import { HOUR, MINUTE } from '../../clock';
import { newId } from '../../crypto';
import { payments } from '../../db/schema';
import { DomainError } from '../errors';
import { type ProviderOutcome, ProviderError } from '../../payments/provider';
import { bankSettlement } from '../../payments/sandbox';
import { recordEvent, type Actor } from '../events';
import { hitLimits, type AuthSession } from '../auth';
import { accountFor } from '../invoices';
import { reserve, standingDisputes } from '../ledger';
import { chargeInput, type PaymentDeps, type PaymentRow } from './deps';
import { checkRequest, requestHash } from './request';
import { applyOutcome } from './outcome';
import { scheduleLapse } from './schedule';
import { cancelWaiting } from './waiting';
import { paymentView } from './read';
import { scheduleSandboxSettlement } from './sandbox-settlement';

export interface PaymentResult {
  view: PaymentView;
  /** False when the key was seen before and this is the first request's payment. */
  created: boolean;
}

export async function createPayment(
  deps: PaymentDeps,
  session: AuthSession,
  body: PaymentRequestBody,
  idempotencyKey: string,
  requestId: string | null,
  options: { offSession?: boolean } = {},
): Promise<PaymentResult> {
  const { db, clock } = deps;
  const hash = requestHash(body);
  const actor: Actor = { type: 'customer', id: session.email };
  const accountId = accountFor(session, body.account);

  // A new payment for invoices that a payment waiting on the payer holds replaces it: that one is
  // cancelled at the provider first, so it can never complete afterwards. (A replay of a key skips this.)
  const replay = await db
    .select({ id: payments.id })
    .from(payments)
    .where(and(eq(payments.customerId, accountId), eq(payments.idempotencyKey, idempotencyKey)))
    .get();
  if (!replay) {
    // Refused requests replace nothing: the same checks run again inside the write transaction.
    await checkRequest(db, deps, session, body);
    await cancelWaiting(
      deps,
      accountId,
      body.allocations.map((a) => a.invoiceId),
      'cancelled',
      actor,
    );
  }

  const begun = await db.transaction(async (tx) => {
    const existing = await tx
      .select()
      .from(payments)
      .where(and(eq(payments.customerId, accountId), eq(payments.idempotencyKey, idempotencyKey)))
      .get();
    if (existing) {
      if (existing.requestHash !== hash) {
        throw new DomainError(
          'idempotency_conflict',
          'This Idempotency-Key was used for a different payment. Use a new key for a new payment.',
        );
      }
      // The first request's provider call: running (on this replica or another), or to be taken over.
      const now = clock.now();
      if (!chargeable(existing)) return { payment: existing, created: false, charge: false };
      if (existing.chargingUntil && existing.chargingUntil > now)
        return { payment: existing, created: false, charge: false };
      const taken = await tx
        .update(payments)
        .set({ chargingUntil: new Date(now.getTime() + CHARGE_LEASE_MS), updatedAt: now })
        .where(eq(payments.id, existing.id))
        .returning()
        .get();
      return { payment: taken!, created: false, charge: true };
    }
    const checked = await checkRequest(tx, deps, session, body);
    const now = clock.now();
    // Counted only for new payments: a replayed key costs nothing. Refused ones roll their count back.
    await hitLimits(
      tx,
      [{ bucket: `payments:account:${accountId}`, max: deps.config.PAYMENT_ATTEMPTS_PER_HOUR, windowMs: HOUR }],
      now,
    );
    const id = newId('pay');
    const payment = await tx
      .insert(payments)
      .values({
        id,
        customerId: accountId,
        amount: checked.amount,
        surcharge: checked.surcharge,
        currency: checked.customer.currency,
        method: body.method,
        provider: checked.provider.name,
        status: 'pending',
        requestedAllocations: body.allocations.map((a) => ({ invoiceId: a.invoiceId, amount: a.amount })),
        creditRequested: body.credit ?? 0,
        allowOverpayment: checked.allowOverpayment,
        applyRestToOldest: body.applyRestToOldest ?? false,
        idempotencyKey,
        requestHash: hash,
        payerEmail: session.email,
        createdBy: session.email,
        createdAt: now,
        updatedAt: now,
        chargingUntil: new Date(now.getTime() + CHARGE_LEASE_MS),
      })
      .returning()
      .get();
    // Decided here, inside the write transaction: concurrent requests and other processes queue on it.
    await reserve(tx, id, body.allocations, now);
    await recordEvent(
      tx,
      {
        type: 'payment.created',
        actor,
        subject: { type: 'payment', id },
        customerId: accountId,
        requestId,
        data: {
          amount: checked.amount,
          surcharge: checked.surcharge,
          credit: body.credit ?? 0,
          currency: checked.customer.currency,
          method: body.method,
          allocations: body.allocations,
          applyRestToOldest: body.applyRestToOldest ?? false,
          // Paid around a dispute: which of its invoices were under one, and for how much.
          disputes: await standingDisputes(
            tx,
            body.allocations.map((a) => a.invoiceId),
          ),
        },
      },
      now,
    );
    return { payment, created: true, charge: true };
  });

  const { payment } = begun;
  const running = deps.charges.get(payment.id);
  if (running) {
    await running;
  } else if (!begun.charge) {
    if (chargeable(payment)) await chargeFinished(deps, payment.id);
  } else {
    // A new payment, or one whose provider call failed before or whose caller died: charge (again,
    // safely: the provider sees the same idempotency key, our payment id).
    const charge = runCharge(deps, payment, body.paymentMethod ?? null, actor, requestId, options.offSession ?? false);
    deps.charges.set(payment.id, charge);
    try {
      await charge;
    } finally {
      deps.charges.delete(payment.id);
    }
  }
  return { view: await paymentView(db, payment.id), created: begun.created };
}

/**
 * How long a replica's provider call may hold a payment (`payments.charging_until`): past the providers'
 * own 30 s request timeouts, so a live call is never taken over, and short enough that a retry after a
 * crash finishes the payment within a minute.
 */
export const CHARGE_LEASE_MS = 45_000;

/** A payment whose charge has not reached the provider, or is out there now: no reference, no next step. */
function chargeable(payment: PaymentRow): boolean {
  return payment.status === 'pending' && payment.providerRef === null && payment.nextAction === null;
}

/**
 * Waits while another replica's provider call holds the payment: until its answer is recorded (the
 * lease is cleared) or the lease lapses, checking the row every 100 ms. Bounded in real time by the lease
 * itself, whatever the injected clock says; the caller then answers with the payment as it stands.
 */
async function chargeFinished(deps: PaymentDeps, paymentId: string): Promise<void> {
  const deadline = Date.now() + CHARGE_LEASE_MS;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const row = await deps.db
      .select({ chargingUntil: payments.chargingUntil })
      .from(payments)
      .where(eq(payments.id, paymentId))
      .get();
    if (!row?.chargingUntil || row.chargingUntil <= deps.clock.now()) return;
  }
}

async function runCharge(
  deps: PaymentDeps,
  payment: PaymentRow,
  paymentMethod: string | null,
  actor: Actor,
  requestId: string | null,
  offSession: boolean,
): Promise<void> {
  const provider = deps.providers.byName(payment.provider);
  if (!provider) throw new DomainError('method_unavailable', 'That payment method is no longer offered.');
  let outcome: ProviderOutcome;
  try {
    outcome = await provider.charge({ ...(await chargeInput(deps, payment, paymentMethod)), offSession });
  } catch (err) {
    if (!(err instanceof ProviderError)) throw err;
    deps.logger.error('payment provider failed', {
      paymentId: payment.id,
      provider: provider.name,
      error: err.message,
    });
    // Nothing is known to be charged. The payment stays pending with no provider reference, holding its
    // invoices, so the same Idempotency-Key can try again; it lapses like a payment waiting on the payer.
    await deps.db.transaction(async (tx) => {
      const now = deps.clock.now();
      await tx
        .update(payments)
        .set({
          expiresAt: new Date(now.getTime() + deps.config.PAYMENT_WAIT_MINUTES * MINUTE),
          chargingUntil: null,
          updatedAt: now,
        })
        .where(and(eq(payments.id, payment.id), eq(payments.status, 'pending')))
        .run();
      await scheduleLapse(tx, deps.config, payment.id, now);
    });
    throw new DomainError(
      'provider_error',
      'We could not reach the payment processor. Nothing was charged; try again in a moment.',
    );
  }
  await deps.db.transaction(async (tx) => {
    // The call is over: a retry of the key now reads its outcome instead of waiting.
    await tx.update(payments).set({ chargingUntil: null }).where(eq(payments.id, payment.id)).run();
    await applyOutcome(tx, deps.config, payment.id, outcome, actor, deps.clock.now(), requestId);
    if (outcome.status === 'processing' && provider.name === 'sandbox') {
      await scheduleSandboxSettlement(tx, deps.config, payment.id, bankSettlement(paymentMethod), deps.clock.now());
    }
  });
}
