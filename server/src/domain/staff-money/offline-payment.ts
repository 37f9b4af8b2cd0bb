/**
 * A payment received outside the portal (a cheque, a wire, cash), recorded by staff: one payment row
 * like the portal's (`provider: 'offline'`), succeeded at once and applied by the ledger's cash
 * application in the same transaction, with its events and the receipt to the account's contacts.
 * Recorded once per `Idempotency-Key`, as a portal payment is.
 */
import { and, eq } from 'drizzle-orm';
import type { AdminPaymentRow, OfflinePaymentBody } from '../../contract';
import { newId, sha256 } from '../../crypto';
import type { DbOrTx } from '../../db/client';
import { payments } from '../../db/schema';
import { paymentReceiptEmail } from '../../mail/payment-templates';
import { daysBetween, startOfDay } from '../dates';
import { DomainError } from '../errors';
import { recipientsOf } from '../invoices';
import { applySucceededPayment, checkStaffAllocations } from '../ledger';
import { queueEmail, readerLocale } from '../notifications';
import { paymentView } from '../payments';
import type { CompanySettings } from '../settings';
import {
  companyToday,
  customerOf,
  type MoneyActing,
  type MoneyDeps,
  STORED_METHOD,
  staffActor,
  staffEvent,
} from './core';
import { adminPaymentRow } from './payment-queue';

/** A stable hash of what was asked: the same key with another body is a 409. */
function requestHash(customerId: string, body: OfflinePaymentBody): string {
  return sha256(
    JSON.stringify([
      customerId,
      body.method,
      body.amount,
      body.currency,
      body.receivedOn,
      body.reference?.trim() || null,
      (body.allocations ?? []).map((a) => [a.invoiceId, a.amount]),
      body.note?.trim() || null,
    ]),
  );
}

export interface OfflinePaymentResult {
  row: AdminPaymentRow;
  /** False when the key was seen before and this is the first request's payment. */
  created: boolean;
}

/**
 * `POST /admin/customers/:id/payments`. The money is applied as a portal payment's is: the chosen
 * invoices first (each at most its balance less what payments in flight hold, else `422
 * allocation_exceeds_balance`); with none chosen, the oldest undisputed invoices; the rest is the
 * customer's unapplied credit (never refunded: it did not come through a provider). `succeeded_at` is
 * the start of `receivedOn` in the company's time zone, so the cash counts on the day it arrived.
 */
export async function recordOfflinePayment(
  deps: MoneyDeps,
  customerId: string,
  body: OfflinePaymentBody,
  idempotencyKey: string,
  by: MoneyActing,
): Promise<OfflinePaymentResult> {
  const hash = requestHash(customerId, body);
  const result = await deps.db.transaction(async (tx) => {
    const customer = await customerOf(tx, customerId);
    const existing = await tx
      .select({ id: payments.id, requestHash: payments.requestHash })
      .from(payments)
      .where(and(eq(payments.customerId, customer.id), eq(payments.idempotencyKey, idempotencyKey)))
      .get();
    if (existing) {
      if (existing.requestHash !== hash) {
        throw new DomainError(
          'idempotency_conflict',
          'This Idempotency-Key was used for a different payment. Use a new key for a new payment.',
        );
      }
      return { id: existing.id, created: false };
    }
    const now = deps.clock.now();
    const { company, today } = await companyToday(deps, tx);
    if (body.currency !== customer.currency) {
      throw new DomainError('invalid_request', `This customer pays in ${customer.currency}, not ${body.currency}.`);
    }
    if (daysBetween(today, body.receivedOn) > 0) {
      throw new DomainError('invalid_request', `The money cannot have arrived after today (${today}).`);
    }
    const chosen = body.allocations ?? [];
    await checkStaffAllocations(tx, customer.id, customer.currency, chosen);
    const allocated = chosen.reduce((sum, a) => sum + a.amount, 0);
    if (allocated > body.amount) {
      throw new DomainError('invalid_request', `The allocations add up to ${allocated}, more than the payment.`);
    }
    const id = newId('pay');
    const reference = body.reference?.trim() || null;
    await tx
      .insert(payments)
      .values({
        id,
        customerId: customer.id,
        amount: body.amount,
        currency: customer.currency,
        method: STORED_METHOD[body.method],
        provider: 'offline',
        // The ERP feed and statements show a cheque's or wire's own reference from here.
        providerRef: reference,
        reference,
        recordedBy: by.staffUserId,
        receivedOn: body.receivedOn,
        status: 'pending',
        requestedAllocations: chosen.map((a) => ({ invoiceId: a.invoiceId, amount: a.amount })),
        allowOverpayment: true,
        applyRestToOldest: chosen.length === 0,
        idempotencyKey,
        requestHash: hash,
        createdAt: now,
        updatedAt: now,
      })
      .run();
    await staffEvent(
      tx,
      by,
      customer.id,
      {
        type: 'payment.recorded',
        subject: { type: 'payment', id },
        data: {
          amount: body.amount,
          currency: customer.currency,
          method: STORED_METHOD[body.method],
          reference,
          receivedOn: body.receivedOn,
          allocations: chosen,
          note: body.note?.trim() || null,
        },
      },
      now,
    );
    await applySucceededPayment(tx, id, staffActor(by), now);
    const received = startOfDay(body.receivedOn, company.timeZone);
    await tx
      .update(payments)
      .set({ succeededAt: received < now ? received : now })
      .where(eq(payments.id, id))
      .run();
    await queueReceipts(tx, company, customer.id, id, now);
    return { id, created: true };
  });
  return { row: await adminPaymentRow(deps, deps.db, result.id), created: result.created };
}

/** The portal's receipt email, with its PDF, to each of the account's contacts in their own locale. */
async function queueReceipts(
  tx: DbOrTx,
  company: CompanySettings,
  customerId: string,
  paymentId: string,
  now: Date,
): Promise<void> {
  const payment = await paymentView(tx, paymentId);
  for (const to of await recipientsOf(tx, customerId)) {
    const locale = await readerLocale(tx, { email: to }, customerId, company);
    const content = paymentReceiptEmail({ company, to, payment, locale });
    await queueEmail(tx, { ...content, attachments: [{ type: 'receipt_pdf', paymentId }] }, now);
  }
}
