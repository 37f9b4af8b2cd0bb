/**
 * Cash application: how a payment is spread over a customer's invoices, and the one transaction that
 * applies it when it succeeds (or takes it back when a bank returns it).
 *
 * The payer's chosen allocations come first; whatever is left goes to the oldest undisputed invoices
 * by due date; anything no invoice takes becomes the customer's unapplied credit. Invariants (tested
 * over random inputs): allocations plus new credit equal the payment, no balance goes below zero, and
 * a reversal puts every balance back exactly.
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { cardSurcharge as contractCardSurcharge, type SurchargePolicy } from '../../contract/money';
import type { DbOrTx } from '../../db/client';
import { allocations, creditNotes, invoices, payments } from '../../db/schema';
import { DomainError } from '../errors';
import { recordEvent, type Actor } from '../events';
import { allocate, unallocate } from './allocate';
import { underDispute } from './disputes';
import { release } from './reservations';

export interface Allocation {
  invoiceId: string;
  amount: number;
}

export interface OpenInvoice {
  id: string;
  balance: number;
  dueDate: string;
  disputed: boolean;
}

export interface AllocationPlan {
  allocations: Allocation[];
  /** What no invoice takes: the customer's new unapplied credit. */
  unapplied: number;
}

const isMinorUnits = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n > 0;

export interface SettlementPlan extends AllocationPlan {
  /** What goes back to the payer through the provider: no chosen invoice could take it and it may not stay as credit. */
  refund: number;
}

/**
 * How money that has arrived is applied. `open` gives what each invoice may still take (its balance
 * less what other payments in flight hold). The payer's chosen invoices come first, each up to what
 * it can take; the rest goes to the oldest undisputed invoices only when the payer asked
 * (`applyRestToOldest`); what is still left stays as credit where the company keeps credit
 * (`keepAsCredit`), else it is refunded. Never more to an invoice than it can take; allocations,
 * credit and refund add up to the payment exactly (property-tested).
 */
export function planSettlement(
  open: OpenInvoice[],
  requested: Allocation[],
  amount: number,
  options: { applyRestToOldest: boolean; keepAsCredit: boolean },
): SettlementPlan {
  if (!isMinorUnits(amount)) throw new Error(`a payment of ${amount} is not a positive whole number of minor units`);
  const room = new Map(open.map((i) => [i.id, Math.max(0, i.balance)]));
  const taken = new Map<string, number>();
  let left = amount;
  const take = (invoiceId: string, wanted: number) => {
    const amountTaken = Math.min(wanted, room.get(invoiceId) ?? 0, left);
    if (amountTaken <= 0) return;
    room.set(invoiceId, room.get(invoiceId)! - amountTaken);
    taken.set(invoiceId, (taken.get(invoiceId) ?? 0) + amountTaken);
    left -= amountTaken;
  };
  for (const r of requested) if (isMinorUnits(r.amount)) take(r.invoiceId, r.amount);
  if (options.applyRestToOldest) {
    // Oldest due date first; disputed invoices wait for their dispute.
    const oldestFirst = open
      .filter((i) => !i.disputed)
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id));
    for (const invoice of oldestFirst) take(invoice.id, left);
  }
  return {
    allocations: [...taken].map(([invoiceId, a]) => ({ invoiceId, amount: a })),
    unapplied: options.keepAsCredit ? left : 0,
    refund: options.keepAsCredit ? 0 : left,
  };
}

/** What other payments in flight hold of an invoice: its balance less this is what it can take now. */
const heldByOthers =
  sql<number>`coalesce((SELECT sum("r"."amount") FROM "reservations" "r" WHERE "r"."invoice_id" = "invoices"."id"), 0)`.mapWith(
    Number,
  );

/**
 * The customer's open invoices with what each can take now: its balance less what payments in flight
 * hold (the caller has released its own payment's hold first).
 */
export async function openInvoicesOf(db: DbOrTx, customerId: string, currency: string): Promise<OpenInvoice[]> {
  const rows = await db
    .select({
      id: invoices.id,
      balance: invoices.balance,
      held: heldByOthers,
      dueDate: invoices.dueDate,
      disputed: underDispute,
    })
    .from(invoices)
    .where(
      and(
        eq(invoices.customerId, customerId),
        eq(invoices.currency, currency),
        sql`${invoices.voidedAt} IS NULL AND ${invoices.balance} > 0`,
      ),
    )
    .orderBy(asc(invoices.dueDate), asc(invoices.id))
    .all();
  return rows.map(({ held, ...i }) => ({
    ...i,
    balance: Math.max(0, i.balance - held),
    disputed: Boolean(i.disputed),
  }));
}

/** Credit applied along with a payment: from an earlier payment's remainder or a loose credit note. */
export interface CreditApplied {
  invoiceId: string;
  amount: number;
  source: { type: 'payment' | 'credit_note'; id: string };
}

/**
 * Uses up to `wanted` of the customer's credit on the chosen invoices, in the caller's transaction:
 * earlier payments' remainders first (oldest first), then loose credit notes (oldest first). Each
 * piece is an allocation of its source, so the statement and a later reversal of that source see it.
 * Credit used elsewhere since the payer chose simply is not there: less is applied, never more.
 */
async function applyCredit(
  db: DbOrTx,
  payment: { id: string; customerId: string; currency: string },
  targets: Allocation[],
  wanted: number,
  now: Date,
): Promise<CreditApplied[]> {
  if (wanted <= 0 || targets.length === 0) return [];
  const fromPayments = (
    await db
      .select({ id: payments.id, left: payments.unapplied })
      .from(payments)
      .where(
        and(
          eq(payments.customerId, payment.customerId),
          eq(payments.currency, payment.currency),
          eq(payments.status, 'succeeded'),
          sql`${payments.unapplied} > 0 AND ${payments.id} <> ${payment.id}`,
        ),
      )
      .orderBy(asc(payments.succeededAt), asc(payments.id))
      .all()
  ).map((p) => ({ type: 'payment' as const, ...p }));
  const fromNotes = (
    await db
      .select({ id: creditNotes.id, left: creditNotes.unapplied })
      .from(creditNotes)
      .where(
        and(
          eq(creditNotes.customerId, payment.customerId),
          eq(creditNotes.currency, payment.currency),
          sql`${creditNotes.invoiceId} IS NULL AND ${creditNotes.unapplied} > 0`,
        ),
      )
      .orderBy(asc(creditNotes.issueDate), asc(creditNotes.id))
      .all()
  ).map((n) => ({ type: 'credit_note' as const, ...n }));
  const sources = [...fromPayments, ...fromNotes];

  const applied: CreditApplied[] = [];
  let left = wanted;
  for (const target of targets) {
    const balance = await db
      .select({ balance: invoices.balance, held: heldByOthers })
      .from(invoices)
      .where(eq(invoices.id, target.invoiceId))
      .get();
    let room = Math.max(0, Math.min(target.amount, (balance?.balance ?? 0) - (balance?.held ?? 0)));
    for (const source of sources) {
      if (left === 0 || room === 0) break;
      const take = Math.min(source.left, room, left);
      if (take <= 0) continue;
      source.left -= take;
      room -= take;
      left -= take;
      if (source.type === 'payment') {
        await db
          .update(payments)
          .set({ unapplied: sql`${payments.unapplied} - ${take}`, updatedAt: now })
          .where(eq(payments.id, source.id))
          .run();
      } else {
        await db
          .update(creditNotes)
          .set({ unapplied: sql`${creditNotes.unapplied} - ${take}` })
          .where(eq(creditNotes.id, source.id))
          .run();
      }
      const write = { invoiceId: target.invoiceId, amount: take, source, viaPaymentId: payment.id };
      if (!(await allocate(db, write, now))) throw new Error(`credit for ${target.invoiceId} no longer fits`);
      const same = applied.find((a) => a.invoiceId === target.invoiceId && a.source.id === source.id);
      if (same) same.amount += take;
      else applied.push({ invoiceId: target.invoiceId, amount: take, source: { type: source.type, id: source.id } });
    }
  }
  return applied;
}

export interface AppliedPayment extends SettlementPlan {
  credit: CreditApplied[];
}

/**
 * Marks a pending or processing payment succeeded and applies it, all in the caller's transaction:
 * its hold on the invoices is released, then the credit the payer chose to use is applied, then the
 * money by `planSettlement` (chosen invoices, the oldest only if the payer asked, then credit or
 * refund). Balances may have moved since the payer chose (the ERP recorded a payment, a credit
 * note), so the plan is made now from what each invoice can take. A refund is recorded here
 * (`refunded`, `refundStatus: 'pending'`) and carried out by the caller's job. `refundAll` is for
 * money that arrived for a payment cancelled or lapsed before: none of it is applied. Applying a
 * payment that is already applied does nothing and returns null, so a repeated webhook is harmless.
 */
export async function applySucceededPayment(
  db: DbOrTx,
  paymentId: string,
  actor: Actor,
  now: Date,
  options: { refundAll?: boolean } = {},
): Promise<AppliedPayment | null> {
  const payment = await db
    .update(payments)
    .set({ status: 'succeeded', succeededAt: now, updatedAt: now, nextAction: null, expiresAt: null })
    .where(and(eq(payments.id, paymentId), inArray(payments.status, ['pending', 'processing'])))
    .returning()
    .get();
  if (!payment) return null;
  await release(db, paymentId);
  const requested = options.refundAll ? [] : (payment.requestedAllocations ?? []);
  const credit = options.refundAll ? [] : await applyCredit(db, payment, requested, payment.creditRequested, now);
  // What the money still has to cover of each chosen invoice, once credit took its part.
  const byCredit = new Map<string, number>();
  for (const c of credit) byCredit.set(c.invoiceId, (byCredit.get(c.invoiceId) ?? 0) + c.amount);
  const rest = requested
    .map((r) => ({ invoiceId: r.invoiceId, amount: r.amount - (byCredit.get(r.invoiceId) ?? 0) }))
    .filter((r) => r.amount > 0);
  const plan = options.refundAll
    ? { allocations: [], unapplied: 0, refund: payment.amount }
    : planSettlement(await openInvoicesOf(db, payment.customerId, payment.currency), rest, payment.amount, {
        applyRestToOldest: payment.applyRestToOldest,
        keepAsCredit: payment.allowOverpayment,
      });
  for (const a of plan.allocations) {
    // The plan was made from these balances inside this transaction; anything else is a bug.
    if (!(await allocate(db, { ...a, source: { type: 'payment', id: paymentId } }, now)))
      throw new Error(`allocation to ${a.invoiceId} no longer fits`);
  }
  // A refund gives back the surcharge on what is refunded too: the payer keeps paying it only on what was applied.
  const refunded =
    plan.refund > 0 ? plan.refund + surchargeOnRefund(payment.surcharge, payment.amount, plan.refund) : 0;
  await db
    .update(payments)
    .set({
      unapplied: plan.unapplied,
      ...(refunded > 0
        ? {
            refunded,
            refundStatus: 'pending' as const,
            status: plan.refund === payment.amount ? 'refunded' : 'succeeded',
          }
        : {}),
    })
    .where(eq(payments.id, paymentId))
    .run();
  const subject = { type: 'payment', id: paymentId };
  const data = { amount: payment.amount, currency: payment.currency, method: payment.method };
  await recordEvent(db, { type: 'payment.succeeded', actor, subject, customerId: payment.customerId, data }, now);
  await recordEvent(
    db,
    {
      type: 'payment.applied',
      actor,
      subject,
      customerId: payment.customerId,
      data: { ...data, allocations: plan.allocations, unapplied: plan.unapplied, credit, refund: refunded },
    },
    now,
  );
  if (refunded > 0) {
    await recordEvent(
      db,
      {
        type: 'payment.refund_started',
        actor,
        subject,
        customerId: payment.customerId,
        data: {
          amount: refunded,
          currency: payment.currency,
          reason: options.refundAll ? 'cancelled' : 'not_applicable',
        },
      },
      now,
    );
  }
  return { ...plan, credit };
}

/** The part of a surcharge that goes back with `refund` of `amount`: proportional, rounded in the payer's favour. */
export function surchargeOnRefund(surcharge: number, amount: number, refund: number): number {
  if (surcharge <= 0 || refund <= 0) return 0;
  if (refund >= amount) return surcharge;
  // Exact in BigInt: surcharge × kept can pass 2^53.
  const kept = (BigInt(surcharge) * BigInt(amount - refund)) / BigInt(amount);
  return surcharge - Number(kept);
}

/**
 * A bank payment that settled and was then returned: its allocations are reversed and every invoice
 * it paid owes again, in the caller's transaction. Returning a payment twice does nothing.
 */
export async function reversePayment(
  db: DbOrTx,
  paymentId: string,
  reason: string,
  actor: Actor,
  now: Date,
): Promise<boolean> {
  const payment = await db
    .update(payments)
    .set({ status: 'returned', failureCode: reason, unapplied: 0, updatedAt: now })
    .where(and(eq(payments.id, paymentId), inArray(payments.status, ['succeeded', 'refunded'])))
    .returning()
    .get();
  if (!payment) return false;
  const standing = await db
    .select()
    .from(allocations)
    .where(and(eq(allocations.paymentId, paymentId), isNull(allocations.reversedAt)))
    .all();
  for (const a of standing) await unallocate(db, a, now);
  await recordEvent(
    db,
    {
      type: 'payment.reversed',
      actor,
      subject: { type: 'payment', id: paymentId },
      customerId: payment.customerId,
      data: {
        amount: payment.amount,
        currency: payment.currency,
        reason,
        allocations: standing.map((a) => ({ invoiceId: a.invoiceId, amount: a.amount })),
      },
    },
    now,
  );
  return true;
}

export type { SurchargePolicy } from '../../contract/money';

/** The contract's card surcharge (one rule for server and widget), refused as a 422 when too large. */
export function cardSurcharge(method: string, base: number, policy: SurchargePolicy | null): number {
  try {
    return contractCardSurcharge(method, base, policy);
  } catch (err) {
    if (err instanceof RangeError) throw new DomainError('invalid_request', 'The amount is too large.');
    throw err;
  }
}
