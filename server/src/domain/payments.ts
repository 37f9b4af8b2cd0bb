/**
 * Payments from the portal: validate what the payer asked for, record it once per Idempotency-Key,
 * charge through the method's provider, and move the payment through its states:
 *
 *   pending ──charge──▶ succeeded            (card)
 *      │    └────────▶ processing ─settle─▶ succeeded ─return─▶ returned   (bank debit)
 *      ├─next action─▶ pending(nextAction) ─confirm─▶ succeeded | failed   (3-D Secure, PayPal)
 *      └────────────▶ failed                 (declined: nothing applied, balances untouched)
 *
 * Every change is one transaction with its event; success applies the cash in that same transaction
 * (`applySucceededPayment`) and queues the receipt. Providers never see a payment twice: our payment
 * id is their idempotency key, and concurrent requests with one key wait for the one charge in flight.
 */
import { and, desc, eq, inArray, isNotNull, lte, or, sql } from 'drizzle-orm';
import type {
  PaymentAllocationView,
  PaymentConfig,
  PaymentMethod,
  PaymentNextAction,
  PaymentProviderName,
  PaymentRequestBody,
  PaymentView,
} from '../api/contract';
import { HOUR, MINUTE, type Clock } from '../clock';
import type { Config } from '../config';
import { newId, sha256 } from '../crypto';
import type { Db, DbOrTx } from '../db/client';
import {
  allocations,
  creditNoteAllocations,
  customers,
  invoices,
  payments,
  providerEvents,
  reservations,
} from '../db/schema';
import { AppError, notFound } from '../errors';
import type { Logger } from '../logger';
import { paymentReceiptEmail, paymentRefundedEmail, paymentReturnedEmail } from '../mail/payment-templates';
import type { ChargeInput, PaymentProvider, ProviderEvent, ProviderOutcome } from '../payments/provider';
import { ProviderError } from '../payments/provider';
import type { Providers } from '../payments/registry';
import { bankFailureMessage, bankReturnMessage, bankSettlement, type BankBehaviour } from '../payments/sandbox';
import { unappliedCredit } from './accounts';
import { applySucceededPayment, cardSurcharge, reversePayment } from './cash-application';
import { recordEvent, type Actor } from './events';
import { hitLimits } from './rate-limit';
import { accountFor } from './invoices';
import { enqueueJob, type JobHandler } from './jobs';
import { queueEmail } from './outbox';
import { receiptNumber, release, reserve } from './reservations';
import type { AuthSession } from './sessions';
import { getSettings } from './settings';

export interface PaymentDeps {
  db: Db;
  config: Config;
  clock: Clock;
  logger: Logger;
  providers: Providers;
}

type PaymentRow = typeof payments.$inferSelect;

/** The largest payment taken in one go: far above any invoice, far below floating-point trouble. */
export const MAX_PAYMENT = 1e13;

const refuse = (message: string) => new AppError(422, 'invalid_request', message);

export function paymentConfig(deps: PaymentDeps, session: AuthSession, account: string | undefined): PaymentConfig {
  const accountId = accountFor(session, account);
  const customer = deps.db.select().from(customers).where(eq(customers.id, accountId)).get()!;
  const settings = getSettings(deps.db, deps.config);
  return {
    accountId,
    currency: customer.currency,
    methods: deps.providers.methodsFor(customer.currency),
    surcharge: settings.surchargeRateBp > 0 ? { rateBp: settings.surchargeRateBp, cap: settings.surchargeCap } : null,
    allowOverpayment: settings.allowOverpayment,
    credit: unappliedCredit(deps.db, [accountId]).get(accountId) ?? 0,
    stripe: deps.config.PAYMENT_PROVIDER === 'stripe' ? { publishableKey: deps.config.STRIPE_PUBLISHABLE_KEY! } : null,
    paypal: deps.config.PAYPAL_CLIENT_ID ? { clientId: deps.config.PAYPAL_CLIENT_ID } : null,
  };
}

interface CheckedRequest {
  customer: typeof customers.$inferSelect;
  provider: PaymentProvider;
  amount: number;
  surcharge: number;
  allowOverpayment: boolean;
}

/** Everything a payer must not ask for is refused here, before anything is written or charged. */
function checkRequest(
  db: DbOrTx,
  providers: Providers,
  session: AuthSession,
  body: PaymentRequestBody,
): CheckedRequest {
  const accountId = accountFor(session, body.account);
  const customer = db.select().from(customers).where(eq(customers.id, accountId)).get();
  if (!customer) throw notFound('No such account.');
  const settings = getSettings(db);
  const seen = new Set<string>();
  const rows = body.allocations.length
    ? db
        .select()
        .from(invoices)
        .where(
          inArray(
            invoices.id,
            body.allocations.map((a) => a.invoiceId),
          ),
        )
        .all()
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  let allocated = 0;
  for (const a of body.allocations) {
    const invoice = byId.get(a.invoiceId);
    // Another customer's invoice, or one outside an Easy Pay link, looks exactly like no invoice.
    const inScope =
      invoice &&
      invoice.customerId === accountId &&
      (session.scopeInvoiceIds === null || session.scopeInvoiceIds.includes(invoice.id));
    if (!inScope) throw notFound(`No invoice ${a.invoiceId} on this account.`);
    if (seen.has(invoice.id)) throw refuse(`Invoice ${invoice.number} is listed twice.`);
    seen.add(invoice.id);
    if (invoice.currency !== customer.currency)
      throw refuse(`Invoice ${invoice.number} is in ${invoice.currency}, not ${customer.currency}.`);
    if (invoice.voidedAt) throw refuse(`Invoice ${invoice.number} is void.`);
    if (invoice.balance <= 0) throw refuse(`Invoice ${invoice.number} is already paid.`);
    if (a.amount > invoice.balance)
      throw refuse(`Invoice ${invoice.number} has only ${invoice.balance} left to pay; pay at most that.`);
    allocated += a.amount;
  }
  const credit = body.credit ?? 0;
  const overpayment = body.overpayment ?? 0;
  if (credit > allocated) throw refuse('The credit used cannot be more than the amounts paid.');
  if (credit > 0) {
    const available = unappliedCredit(db, [accountId]).get(accountId) ?? 0;
    if (credit > available) throw refuse(`Only ${available} of credit is available on this account.`);
  }
  if (overpayment > 0 && !settings.allowOverpayment)
    throw refuse('Paying more than is owed is not taken here; lower the amount.');
  if (overpayment > 0 && session.scopeInvoiceIds !== null)
    throw refuse('An Easy Pay link pays its invoices; sign in to the portal to pay more.');
  const amount = allocated - credit + overpayment;
  if (amount <= 0)
    throw refuse('There is nothing to charge: the credit covers it all. Use less credit, or ask us to apply it.');
  if (amount > MAX_PAYMENT) throw refuse('That amount is too large to take in one payment.');
  const provider = providers.forMethod(body.method, customer.currency);
  if (!provider)
    throw new AppError(422, 'method_unavailable', `Paying by ${body.method} is not offered for ${customer.currency}.`);
  const surcharge = cardSurcharge(
    body.method,
    amount,
    settings.surchargeRateBp > 0 ? { rateBp: settings.surchargeRateBp, cap: settings.surchargeCap } : null,
  );
  if (body.expectedTotal !== undefined && body.expectedTotal !== amount + surcharge) {
    throw new AppError(
      409,
      'amount_changed',
      `The total is now ${amount + surcharge}, not ${body.expectedTotal}. Check the amounts and pay again.`,
    );
  }
  return {
    customer,
    provider,
    amount,
    surcharge,
    allowOverpayment: settings.allowOverpayment,
  };
}

/** A stable hash of what was asked: the same key with a different body is a 409. */
function requestHash(body: PaymentRequestBody): string {
  const canonical = {
    account: body.account,
    allocations: body.allocations.map((a) => [a.invoiceId, a.amount]),
    credit: body.credit ?? 0,
    overpayment: body.overpayment ?? 0,
    method: body.method,
    paymentMethod: body.paymentMethod ?? null,
    expectedTotal: body.expectedTotal ?? null,
    applyRestToOldest: body.applyRestToOldest ?? false,
  };
  return sha256(JSON.stringify(canonical));
}

/**
 * Charges in flight in this process, by payment id: a request with the same key that arrives while
 * the provider is still answering waits for that answer instead of charging again. (One process per
 * database file is the supported deployment; across processes the unique key still allows one row.)
 */
const inFlight = new Map<string, Promise<void>>();

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
): Promise<PaymentResult> {
  const { db, clock } = deps;
  const hash = requestHash(body);
  const actor: Actor = { type: 'customer', id: session.email };
  const accountId = accountFor(session, body.account);

  // A new payment for invoices that a payment waiting on the payer holds replaces it: that one is
  // cancelled at the provider first, so it can never complete afterwards. (A replay of a key skips this.)
  const replay = db
    .select({ id: payments.id })
    .from(payments)
    .where(and(eq(payments.customerId, accountId), eq(payments.idempotencyKey, idempotencyKey)))
    .get();
  if (!replay) {
    // Refused requests replace nothing: the same checks run again inside the write transaction.
    checkRequest(db, deps.providers, session, body);
    await cancelWaiting(
      deps,
      accountId,
      body.allocations.map((a) => a.invoiceId),
      'cancelled',
      actor,
    );
  }

  const begun = db.transaction(
    (tx) => {
      const existing = tx
        .select()
        .from(payments)
        .where(and(eq(payments.customerId, accountId), eq(payments.idempotencyKey, idempotencyKey)))
        .get();
      if (existing) {
        if (existing.requestHash !== hash) {
          throw new AppError(
            409,
            'idempotency_conflict',
            'This Idempotency-Key was used for a different payment. Use a new key for a new payment.',
          );
        }
        return { payment: existing, created: false };
      }
      const checked = checkRequest(tx, deps.providers, session, body);
      const now = clock.now();
      // Counted only for new payments: a replayed key costs nothing. Refused ones roll their count back.
      hitLimits(
        tx,
        [{ bucket: `payments:account:${accountId}`, max: deps.config.PAYMENT_ATTEMPTS_PER_HOUR, windowMs: HOUR }],
        now,
      );
      const id = newId('pay');
      const payment = tx
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
        })
        .returning()
        .get();
      // Decided here, inside the write transaction: concurrent requests and other processes queue on it.
      reserve(tx, id, body.allocations, now);
      recordEvent(
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
          },
        },
        now,
      );
      return { payment, created: true };
    },
    { behavior: 'immediate' },
  );

  const { payment } = begun;
  const running = inFlight.get(payment.id);
  if (running) {
    await running;
  } else if (payment.status === 'pending' && payment.providerRef === null && payment.nextAction === null) {
    // A new payment, or one whose provider call failed before: charge (again, safely: the provider
    // sees the same idempotency key, our payment id).
    const charge = runCharge(deps, payment, body.paymentMethod ?? null, actor, requestId);
    inFlight.set(payment.id, charge);
    try {
      await charge;
    } finally {
      inFlight.delete(payment.id);
    }
  }
  return { view: paymentView(db, payment.id), created: begun.created };
}

function chargeInput(db: DbOrTx, payment: PaymentRow, paymentMethod: string | null): ChargeInput {
  const customer = db.select().from(customers).where(eq(customers.id, payment.customerId)).get()!;
  const numbers = (payment.requestedAllocations ?? []).map((a) => a.invoiceId);
  const rows = numbers.length
    ? db.select({ number: invoices.number }).from(invoices).where(inArray(invoices.id, numbers)).all()
    : [];
  const company = getSettings(db).companyName;
  return {
    paymentId: payment.id,
    amount: payment.amount + payment.surcharge,
    currency: payment.currency,
    method: payment.method as PaymentMethod,
    paymentMethod,
    customer: { id: customer.id, name: customer.name, email: payment.payerEmail },
    description: `${company} ${rows.map((r) => r.number).join(', ')}`.slice(0, 200),
  };
}

async function runCharge(
  deps: PaymentDeps,
  payment: PaymentRow,
  paymentMethod: string | null,
  actor: Actor,
  requestId: string | null,
): Promise<void> {
  const provider = deps.providers.byName(payment.provider);
  if (!provider) throw new AppError(422, 'method_unavailable', 'That payment method is no longer offered.');
  let outcome: ProviderOutcome;
  try {
    outcome = await provider.charge(chargeInput(deps.db, payment, paymentMethod));
  } catch (err) {
    if (!(err instanceof ProviderError)) throw err;
    deps.logger.error('payment provider failed', {
      paymentId: payment.id,
      provider: provider.name,
      error: err.message,
    });
    // Nothing is known to be charged. The payment stays pending with no provider reference, holding its
    // invoices, so the same Idempotency-Key can try again; it lapses like a payment waiting on the payer.
    deps.db.transaction(
      (tx) => {
        const now = deps.clock.now();
        tx.update(payments)
          .set({ expiresAt: new Date(now.getTime() + deps.config.PAYMENT_WAIT_MINUTES * MINUTE), updatedAt: now })
          .where(and(eq(payments.id, payment.id), eq(payments.status, 'pending')))
          .run();
        scheduleLapse(tx, deps.config, payment.id, now);
      },
      { behavior: 'immediate' },
    );
    throw new AppError(
      502,
      'provider_error',
      'We could not reach the payment processor. Nothing was charged; try again in a moment.',
    );
  }
  deps.db.transaction(
    (tx) => {
      applyOutcome(tx, deps.config, payment.id, outcome, actor, deps.clock.now(), requestId);
      if (outcome.status === 'processing' && provider.name === 'sandbox') {
        scheduleSandboxSettlement(tx, deps.config, payment.id, bankSettlement(paymentMethod), deps.clock.now());
      }
    },
    { behavior: 'immediate' },
  );
}

/** A payment cancelled before it completed: the payer replaced or abandoned it, or it lapsed. */
const CANCELLED_CODES = ['cancelled', 'lapsed'];

/**
 * Moves a payment to where its provider says it stands, in the caller's transaction. Only a payment
 * still open (pending or processing) moves; anything final stays final, so a late or repeated answer
 * cannot undo a success or a failure. The one exception is money: a success for a payment we had
 * cancelled (the payer completed at the provider while a new payment replaced it) is taken in and
 * refunded whole, never applied and never lost.
 */
export function applyOutcome(
  db: DbOrTx,
  config: Pick<Config, 'PAYMENT_WAIT_MINUTES'>,
  paymentId: string,
  outcome: ProviderOutcome,
  actor: Actor,
  now: Date,
  requestId: string | null = null,
): void {
  const open = inArray(payments.status, ['pending', 'processing']);
  const where = and(eq(payments.id, paymentId), open);
  const ref = outcome.ref ?? undefined;
  const current = db.select().from(payments).where(eq(payments.id, paymentId)).get();
  if (!current) return;
  const subject = { type: 'payment', id: paymentId };
  const base = { actor, subject, customerId: current.customerId, requestId };
  if (
    current.status === 'failed' &&
    outcome.status === 'succeeded' &&
    CANCELLED_CODES.includes(current.failureCode ?? '')
  ) {
    db.update(payments)
      .set({ status: 'processing', providerRef: ref ?? current.providerRef, updatedAt: now })
      .where(eq(payments.id, paymentId))
      .run();
    recordEvent(db, { ...base, type: 'payment.reopened', data: { after: current.failureCode } }, now);
    if (applySucceededPayment(db, paymentId, actor, now, { refundAll: true })) scheduleRefund(db, paymentId, now);
    return;
  }
  if (current.status !== 'pending' && current.status !== 'processing') return;
  switch (outcome.status) {
    case 'succeeded': {
      if (ref) db.update(payments).set({ providerRef: ref }).where(where).run();
      const applied = applySucceededPayment(db, paymentId, actor, now);
      if (applied && applied.refund > 0) scheduleRefund(db, paymentId, now);
      if (applied && applied.refund < current.amount) queueReceipt(db, paymentId, now);
      return;
    }
    case 'processing': {
      db.update(payments)
        .set({ status: 'processing', providerRef: ref, nextAction: null, expiresAt: null, updatedAt: now })
        .where(where)
        .run();
      if (current.status !== 'processing') {
        recordEvent(db, { ...base, type: 'payment.processing', data: { method: current.method } }, now);
      }
      return;
    }
    case 'requires_action': {
      const expiresAt = new Date(now.getTime() + config.PAYMENT_WAIT_MINUTES * MINUTE);
      db.update(payments)
        .set({
          providerRef: ref,
          nextAction: outcome.nextAction as unknown as Record<string, unknown>,
          expiresAt,
          updatedAt: now,
        })
        .where(and(eq(payments.id, paymentId), eq(payments.status, 'pending')))
        .run();
      scheduleLapse(db, config, paymentId, now);
      recordEvent(
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
      db.update(payments)
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
      release(db, paymentId);
      recordEvent(
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

function queueReceipt(db: DbOrTx, paymentId: string, now: Date): void {
  const view = paymentView(db, paymentId);
  const payment = db.select().from(payments).where(eq(payments.id, paymentId)).get()!;
  if (!payment.payerEmail) return;
  const company = getSettings(db);
  queueEmail(
    db,
    {
      ...paymentReceiptEmail({ company, to: payment.payerEmail, payment: view }),
      attachments: [{ type: 'receipt_pdf', paymentId }],
    },
    now,
  );
}

// ---- Waiting on the payer: replaced, lapsed ------------------------------------------------------

/** A payment waiting on the payer (3-D Secure, PayPal approval), or one whose charge never reached the provider. */
const waiting = and(eq(payments.status, 'pending'));

/**
 * Cancels, at the provider first, the customer's payments waiting on the payer that hold any of
 * `invoiceIds` (all of them when null), or only those past their `expiresAt` when `why` is `lapsed`.
 * A payment the provider reports as already paid is applied instead (its money is in). A payment
 * whose provider call is running in this process is left to finish.
 */
async function cancelWaiting(
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
  const candidates = deps.db
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
    .all();
  for (const payment of candidates) {
    if (inFlight.has(payment.id)) continue;
    let outcome: ProviderOutcome | null = null;
    if (payment.providerRef) {
      const provider = deps.providers.byName(payment.provider);
      if (!provider) continue;
      try {
        outcome = await provider.confirm(payment.providerRef, 'cancel', chargeInput(deps.db, payment, null));
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
    deps.db.transaction(
      (tx) => {
        const at = deps.clock.now();
        if (outcome && outcome.status === 'succeeded') {
          applyOutcome(tx, deps.config, payment.id, outcome, actor, at);
          return;
        }
        applyOutcome(
          tx,
          deps.config,
          payment.id,
          { status: 'failed', ref: outcome?.ref ?? payment.providerRef, code: why, message },
          actor,
          at,
        );
      },
      { behavior: 'immediate' },
    );
  }
}

export const LAPSE_PAYMENT = 'payments.lapse';

function scheduleLapse(db: DbOrTx, config: Pick<Config, 'PAYMENT_WAIT_MINUTES'>, paymentId: string, now: Date): void {
  enqueueJob(
    db,
    {
      type: LAPSE_PAYMENT,
      payload: { paymentId },
      runAt: new Date(now.getTime() + config.PAYMENT_WAIT_MINUTES * MINUTE + 1000),
    },
    now,
  );
}

/** A payment still waiting on the payer at its deadline is cancelled at the provider and fails as `lapsed`. */
export function lapseHandler(deps: PaymentDeps): JobHandler {
  return async (payload) => {
    await cancelWaiting(deps, null, null, 'lapsed', { type: 'system', id: 'payments' }, String(payload.paymentId));
  };
}

// ---- Refunds ------------------------------------------------------------------------------------

export const REFUND_PAYMENT = 'payments.refund';

function scheduleRefund(db: DbOrTx, paymentId: string, now: Date): void {
  enqueueJob(db, { type: REFUND_PAYMENT, payload: { paymentId }, runAt: now }, now);
}

/**
 * Gives back what a payment recorded as `refunded` through its provider, once: the provider call is
 * idempotent on the payment id, and only a `pending` refund is carried out. A provider that cannot be
 * reached throws, so the job retries with backoff; a refusal is recorded for staff to act on.
 */
export function refundHandler(deps: PaymentDeps): JobHandler {
  return async (payload, { finish }) => {
    const payment = deps.db
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
    deps.db.transaction(
      (tx) => {
        finish(tx);
        const now = deps.clock.now();
        const done = tx
          .update(payments)
          .set({
            refundStatus: result.status === 'failed' ? 'failed' : 'succeeded',
            refundRef: result.ref,
            updatedAt: now,
          })
          .where(and(eq(payments.id, payment.id), eq(payments.refundStatus, 'pending')))
          .run();
        if (done.changes === 0) return;
        const subject = { type: 'payment', id: payment.id };
        if (result.status === 'failed') {
          deps.logger.error('refund refused', { paymentId: payment.id, message: result.message });
          recordEvent(
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
        recordEvent(
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
          queueEmail(
            tx,
            paymentRefundedEmail({
              company: getSettings(tx, deps.config),
              to: payment.payerEmail,
              payment: paymentView(tx, payment.id),
            }),
            now,
          );
        }
      },
      { behavior: 'immediate' },
    );
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
  const payment = visiblePayment(deps.db, session, paymentId);
  const actor: Actor = { type: 'customer', id: session.email };
  if (payment.status === 'pending' && payment.expiresAt && payment.expiresAt <= deps.clock.now()) {
    // Too late: cancelled at the provider, never completed.
    try {
      await cancelWaiting(deps, payment.customerId, null, 'lapsed', actor, payment.id);
    } catch (err) {
      if (!(err instanceof ProviderError)) throw err;
      throw new AppError(502, 'provider_error', 'We could not reach the payment processor. Try again in a moment.');
    }
  }
  const now = visiblePayment(deps.db, session, paymentId);
  if (now.status === 'failed' && now.failureCode && CANCELLED_CODES.includes(now.failureCode)) {
    throw new AppError(
      409,
      'payment_lapsed',
      now.failureCode === 'lapsed'
        ? 'This payment waited too long and was cancelled. Nothing was charged; start the payment again.'
        : 'This payment was replaced by a newer one and cancelled. Nothing was charged.',
    );
  }
  if (now.status !== 'pending' || !now.nextAction || !now.providerRef) {
    // Already settled one way or the other (a double click, a webhook first): show where it stands.
    return paymentView(deps.db, paymentId);
  }
  const running = inFlight.get(paymentId);
  if (running) {
    await running;
    return paymentView(deps.db, paymentId);
  }
  const provider = deps.providers.byName(now.provider);
  if (!provider) throw new AppError(422, 'method_unavailable', 'That payment method is no longer offered.');
  const work = (async () => {
    let result: ProviderOutcome;
    try {
      result = await provider.confirm(now.providerRef!, outcome, chargeInput(deps.db, now, null));
    } catch (err) {
      if (!(err instanceof ProviderError)) throw err;
      throw new AppError(502, 'provider_error', 'We could not reach the payment processor. Try again in a moment.');
    }
    deps.db.transaction((tx) => applyOutcome(tx, deps.config, paymentId, result, actor, deps.clock.now(), requestId), {
      behavior: 'immediate',
    });
  })();
  inFlight.set(paymentId, work);
  try {
    await work;
  } finally {
    inFlight.delete(paymentId);
  }
  return paymentView(deps.db, paymentId);
}

/**
 * A verified provider webhook. Its event id is recorded in the same transaction as what it changes,
 * so a replayed event is refused and a failed one can be delivered again.
 */
export function handleProviderEvent(
  deps: PaymentDeps,
  providerName: PaymentProviderName,
  event: ProviderEvent,
): { handled: boolean; paymentId: string | null } {
  const actor: Actor = { type: 'system', id: `provider:${providerName}` };
  return deps.db.transaction(
    (tx) => {
      const now = deps.clock.now();
      const payment = tx
        .select()
        .from(payments)
        .where(and(eq(payments.provider, providerName), eq(payments.providerRef, event.ref)))
        .get();
      const inserted = tx
        .insert(providerEvents)
        .values({
          provider: providerName,
          eventId: event.id,
          type: event.outcome,
          paymentId: payment?.id ?? null,
          receivedAt: now,
        })
        .onConflictDoNothing()
        .run();
      if (inserted.changes === 0) {
        throw new AppError(409, 'conflict', 'This webhook event was already received.');
      }
      if (!payment || event.outcome === 'ignored') return { handled: false, paymentId: payment?.id ?? null };
      if (
        event.outcome === 'succeeded' &&
        payment.status === 'failed' &&
        !CANCELLED_CODES.includes(payment.failureCode ?? '')
      ) {
        // The processor took the money after all (a payer retried a declined card on the same intent):
        // money received is never left unapplied, so the payment reopens and is applied.
        tx.update(payments)
          .set({ status: 'processing', failureCode: null, failureMessage: null, updatedAt: now })
          .where(eq(payments.id, payment.id))
          .run();
        recordEvent(
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
          applyOutcome(tx, deps.config, payment.id, { status: 'succeeded', ref: event.ref }, actor, now);
          break;
        case 'processing':
          applyOutcome(tx, deps.config, payment.id, { status: 'processing', ref: event.ref }, actor, now);
          break;
        case 'failed':
          applyOutcome(
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
          returnPayment(tx, payment.id, event.code ?? 'returned', actor, now, event.message);
          break;
      }
      return { handled: true, paymentId: payment.id };
    },
    { behavior: 'immediate' },
  );
}

/** A settled payment sent back (an ACH return): allocations reversed, the payer told. */
export function returnPayment(
  db: DbOrTx,
  paymentId: string,
  reason: string,
  actor: Actor,
  now: Date,
  message = 'The payment was returned. The invoices it paid are open again.',
): boolean {
  if (!reversePayment(db, paymentId, reason, actor, now)) return false;
  const payment = db.select().from(payments).where(eq(payments.id, paymentId)).get()!;
  db.update(payments).set({ failureMessage: message }).where(eq(payments.id, paymentId)).run();
  if (payment.payerEmail) {
    queueEmail(
      db,
      paymentReturnedEmail({
        company: getSettings(db),
        to: payment.payerEmail,
        payment: paymentView(db, paymentId),
      }),
      now,
    );
  }
  return true;
}

// ---- The sandbox's bank settlement --------------------------------------------------------------

export const SANDBOX_SETTLE = 'payments.sandbox_settle';

function scheduleSandboxSettlement(
  db: DbOrTx,
  config: Config,
  paymentId: string,
  behaviour: BankBehaviour,
  now: Date,
  stage: 'settle' | 'return' = 'settle',
): void {
  enqueueJob(
    db,
    {
      type: SANDBOX_SETTLE,
      payload: { paymentId, behaviour, stage },
      runAt: new Date(now.getTime() + config.SANDBOX_SETTLE_SECONDS * 1000),
    },
    now,
  );
}

/** Settles (or fails) a sandbox bank debit on a later job tick; a "returns" account comes back later still. */
export function sandboxSettlementHandler(deps: Omit<PaymentDeps, 'logger' | 'providers'>): JobHandler {
  return async (payload, { now, finish }) => {
    const paymentId = String(payload.paymentId);
    const behaviour = payload.behaviour as BankBehaviour;
    const actor: Actor = { type: 'system', id: 'provider:sandbox' };
    deps.db.transaction(
      (tx) => {
        // The settlement and the job's completion commit together: a rerun after a crash schedules nothing twice.
        finish(tx);
        if (payload.stage === 'return') {
          returnPayment(tx, paymentId, 'account_closed', actor, now, bankReturnMessage);
          return;
        }
        if (behaviour === 'fails') {
          applyOutcome(
            tx,
            deps.config,
            paymentId,
            { status: 'failed', ref: null, code: 'account_closed', message: bankFailureMessage },
            actor,
            now,
          );
          return;
        }
        applyOutcome(tx, deps.config, paymentId, { status: 'succeeded', ref: null }, actor, now);
        if (behaviour === 'returns') scheduleSandboxSettlement(tx, deps.config, paymentId, behaviour, now, 'return');
      },
      { behavior: 'immediate' },
    );
  };
}

// ---- Reading ------------------------------------------------------------------------------------

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

export { receiptNumber };

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
