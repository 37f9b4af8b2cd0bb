/**
 * `promise.autopay`: on the promised date (08:00 company time, before that day's reminders) a promise
 * the customer asked to pay automatically is paid with the card or bank account they saved: what is
 * left of it, spread over its invoices oldest first, through `createPayment` with the Idempotency-Key
 * `autopay-<promise id>`, so a job run twice (a crash, a retry) charges once. A decline leaves the
 * promise open: the day's reminder goes with its Easy Pay link, and the deadline judges it as usual.
 */
import { and, eq } from 'drizzle-orm';
import type { PaymentMethod } from '../../contract';
import { promises } from '../../db/schema';
import type { AuthSession } from '../auth';
import { DomainError } from '../errors';
import { recordEvent, systemActor } from '../events';
import type { JobHandler } from '../jobs';
import { promiseOutcome, promiseStanding } from '../ledger';
import { createPayment, type PaymentDeps } from '../payments';
import { promiseInvoiceRows, type PromiseRow } from './read';

/** The customer's side of an automatic payment: the account the promise is for, as its maker. */
function autopaySession(promise: PromiseRow, accountName: string, now: Date): AuthSession {
  return {
    id: `autopay-${promise.id}`,
    audience: 'customer',
    email: promise.createdBy ?? 'autopay',
    name: '',
    role: null,
    staffUserId: null,
    accounts: [{ id: promise.customerId, name: accountName }],
    scopeInvoiceIds: null,
    linkId: null,
    expiresAt: new Date(now.getTime() + 60_000),
    signedInAt: now,
  };
}

type Outcome = { status: 'charged' | 'failed' | 'skipped'; paymentId: string | null; reason?: string };

async function charge(deps: PaymentDeps, promise: PromiseRow, now: Date): Promise<Outcome> {
  const { remaining } = promiseOutcome(promise.amount, await promiseStanding(deps.db, promise));
  const owing = (await promiseInvoiceRows(deps.db, promise.id)).filter((i) => i.balance > 0 && !i.voidedAt);
  if (remaining === 0 || owing.length === 0) return { status: 'skipped', paymentId: null };
  const allocations: { invoiceId: string; amount: number }[] = [];
  let left = remaining;
  for (const invoice of owing) {
    const amount = Math.min(left, invoice.balance);
    if (amount > 0) allocations.push({ invoiceId: invoice.id, amount });
    left -= amount;
  }
  try {
    const result = await createPayment(
      deps,
      autopaySession(promise, '', now),
      {
        account: promise.customerId,
        allocations,
        method: promise.autopayMethod as PaymentMethod,
        paymentMethod: promise.autopayToken ?? undefined,
      },
      `autopay-${promise.id}`,
      null,
      { offSession: true },
    );
    const failed = result.view.status === 'failed' || result.view.status === 'pending';
    return {
      status: failed ? 'failed' : 'charged',
      paymentId: result.view.id,
      ...(failed ? { reason: result.view.failure?.code ?? 'requires_action' } : {}),
    };
  } catch (err) {
    // Refused before anything was charged (a payment in flight holds the invoices, the method went away).
    if (err instanceof DomainError) return { status: 'failed', paymentId: null, reason: err.code };
    throw err;
  }
}

export function promiseAutopayHandler(deps: PaymentDeps): JobHandler {
  return async (payload, { now, finish }) => {
    const promise = await deps.db
      .select()
      .from(promises)
      .where(
        and(
          eq(promises.id, String(payload.promiseId)),
          eq(promises.status, 'open'),
          eq(promises.autopayStatus, 'scheduled'),
        ),
      )
      .get();
    if (!promise) {
      await deps.db.transaction((tx) => finish(tx));
      return;
    }
    // The charge runs outside any transaction (it calls the provider); its key makes a rerun find it.
    const outcome = await charge(deps, promise, now);
    await deps.db.transaction(async (tx) => {
      await finish(tx);
      await tx
        .update(promises)
        .set({ autopayStatus: outcome.status, autopayPaymentId: outcome.paymentId, autopayToken: null, updatedAt: now })
        .where(and(eq(promises.id, promise.id), eq(promises.autopayStatus, 'scheduled')))
        .run();
      await recordEvent(
        tx,
        {
          type: `promise.autopay_${outcome.status}`,
          actor: systemActor,
          subject: { type: 'promise', id: promise.id },
          customerId: promise.customerId,
          data: { paymentId: outcome.paymentId, ...(outcome.reason ? { reason: outcome.reason } : {}) },
        },
        now,
      );
    });
  };
}
