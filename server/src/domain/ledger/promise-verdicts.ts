/**
 * How money meeting an invoice moves the promises to pay that cover it, in the transaction that moves
 * the money: a promise is `kept` the moment what is left of it reaches nothing, and a payment taken
 * back (a bank return) reopens a verdict it had earned. The verdict at the deadline itself is the
 * promises slice's job (`promise.verdict`), which decides through `decidePromise` here too.
 *
 * The rule, one pure function (`promiseOutcome`, property-tested): `paid` is the cash applied to the
 * promise's invoices from when it was made to its deadline (payments' allocations, earlier credit used
 * with a payment included; taken-back allocations not; what came after the deadline not, so a verdict
 * job that runs late judges the same); what is left is the amount less what was paid, but never more
 * than the invoices still owe (a credit note or a void can leave nothing to pay). Nothing left →
 * `kept`; something paid → `partially_kept`; nothing paid → `broken`.
 */
import { and, eq, gte, inArray, isNull, lte, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { allocations, invoices, promiseInvoices, promises } from '../../db/schema';
import { recordEvent, systemActor, type Actor } from '../events';
import { enqueueJob } from '../jobs';

export type PromiseVerdict = 'kept' | 'partially_kept' | 'broken';

/** The job that judges a promise at its deadline (handled in the promises slice). */
export const PROMISE_VERDICT = 'promise.verdict';

export interface PromiseStanding {
  /** Cash applied to the promise's invoices since it was made. */
  paid: number;
  /** What the promise's invoices still owe (void ones owe nothing). */
  owed: number;
}

/** What is left of a promise of `amount` and the verdict it would get now. */
export function promiseOutcome(
  amount: number,
  { paid, owed }: PromiseStanding,
): {
  remaining: number;
  verdict: PromiseVerdict;
} {
  const remaining = Math.max(0, Math.min(amount - paid, owed));
  return { remaining, verdict: remaining === 0 ? 'kept' : paid > 0 ? 'partially_kept' : 'broken' };
}

type PromiseRow = typeof promises.$inferSelect;

/** The cash applied to a promise's invoices from when it was made to its deadline, and what they still owe. */
export async function promiseStanding(
  db: DbOrTx,
  promise: Pick<PromiseRow, 'id' | 'createdAt' | 'deadline'>,
): Promise<PromiseStanding> {
  const ids = (
    await db
      .select({ id: promiseInvoices.invoiceId })
      .from(promiseInvoices)
      .where(eq(promiseInvoices.promiseId, promise.id))
      .all()
  ).map((r) => r.id);
  if (ids.length === 0) return { paid: 0, owed: 0 };
  const paid = await db
    .select({ sum: sql<number>`coalesce(sum(${allocations.amount}), 0)`.mapWith(Number) })
    .from(allocations)
    .where(
      and(
        inArray(allocations.invoiceId, ids),
        isNull(allocations.reversedAt),
        gte(allocations.createdAt, promise.createdAt),
        // Cash after the deadline is not what was promised: the verdict is the same whenever its job runs.
        lte(allocations.createdAt, promise.deadline),
      ),
    )
    .get();
  const owed = await db
    .select({ sum: sql<number>`coalesce(sum(${invoices.balance}), 0)`.mapWith(Number) })
    .from(invoices)
    .where(and(inArray(invoices.id, ids), isNull(invoices.voidedAt), sql`${invoices.balance} > 0`))
    .get();
  return { paid: paid?.sum ?? 0, owed: owed?.sum ?? 0 };
}

/**
 * Gives an open promise its verdict in the caller's transaction: its status, its invoices freed for a
 * new promise, a broken promise counted on each invoice, and the `promise.<verdict>` event. False
 * (nothing written) when it was no longer open.
 */
export async function decidePromise(
  tx: DbOrTx,
  promise: PromiseRow,
  verdict: PromiseVerdict,
  standing: PromiseStanding,
  actor: Actor,
  now: Date,
): Promise<boolean> {
  const decided = await tx
    .update(promises)
    .set({ status: verdict, decidedAt: now, updatedAt: now })
    .where(and(eq(promises.id, promise.id), eq(promises.status, 'open')))
    .returning({ id: promises.id })
    .all();
  if (decided.length === 0) return false;
  await tx.update(promiseInvoices).set({ open: false }).where(eq(promiseInvoices.promiseId, promise.id)).run();
  if (verdict === 'broken') {
    const ids = tx
      .select({ id: promiseInvoices.invoiceId })
      .from(promiseInvoices)
      .where(eq(promiseInvoices.promiseId, promise.id));
    await tx
      .update(invoices)
      .set({ promisesBroken: sql`${invoices.promisesBroken} + 1` })
      .where(inArray(invoices.id, ids))
      .run();
  }
  const { remaining } = promiseOutcome(promise.amount, standing);
  await recordEvent(
    tx,
    {
      type: `promise.${verdict}`,
      actor,
      subject: { type: 'promise', id: promise.id },
      customerId: promise.customerId,
      data: {
        amount: promise.amount,
        currency: promise.currency,
        promisedDate: promise.promisedDate,
        paid: standing.paid,
        remaining,
      },
    },
    now,
  );
  return true;
}

/**
 * After money met `invoiceId` (or was taken back from it, `reversal`), in the same transaction: each
 * open promise covering it is kept if nothing is left of it; on a reversal, each promise whose verdict
 * was kept or partly kept and no longer holds is open again, to be judged anew at its deadline (at
 * once when that has passed) — unless a newer promise covers one of its invoices meanwhile.
 */
export async function reassessPromises(tx: DbOrTx, invoiceId: string, now: Date, reversal: boolean): Promise<void> {
  const statuses: PromiseRow['status'][] = reversal ? ['open', 'kept', 'partially_kept'] : ['open'];
  const covering = await tx
    .select({ promise: promises })
    .from(promises)
    .innerJoin(promiseInvoices, eq(promiseInvoices.promiseId, promises.id))
    .where(and(eq(promiseInvoices.invoiceId, invoiceId), inArray(promises.status, statuses)))
    .all();
  for (const { promise } of covering) {
    const standing = await promiseStanding(tx, promise);
    const { verdict } = promiseOutcome(promise.amount, standing);
    if (promise.status === 'open') {
      if (verdict === 'kept') await decidePromise(tx, promise, 'kept', standing, systemActor, now);
      continue;
    }
    if (verdict === promise.status) continue;
    const mine = tx
      .select({ id: promiseInvoices.invoiceId })
      .from(promiseInvoices)
      .where(eq(promiseInvoices.promiseId, promise.id));
    const newer = await tx
      .select({ id: promiseInvoices.promiseId })
      .from(promiseInvoices)
      .where(
        and(
          inArray(promiseInvoices.invoiceId, mine),
          eq(promiseInvoices.open, true),
          ne(promiseInvoices.promiseId, promise.id),
        ),
      )
      .get();
    if (newer) continue;
    await tx
      .update(promises)
      .set({ status: 'open', decidedAt: null, updatedAt: now })
      .where(eq(promises.id, promise.id))
      .run();
    await tx.update(promiseInvoices).set({ open: true }).where(eq(promiseInvoices.promiseId, promise.id)).run();
    await recordEvent(
      tx,
      {
        type: 'promise.reopened',
        actor: systemActor,
        subject: { type: 'promise', id: promise.id },
        customerId: promise.customerId,
        data: { was: promise.status, paid: standing.paid, promisedDate: promise.promisedDate },
      },
      now,
    );
    const runAt = new Date(Math.max(now.getTime(), promise.deadline.getTime()));
    await enqueueJob(tx, { type: PROMISE_VERDICT, payload: { promiseId: promise.id }, runAt }, now);
  }
}

/**
 * The open promise covering the invoice, as two columns of a select over `invoices` (at most one: a
 * unique index keeps it so): its id and its promised date, null when none.
 */
export const openPromiseColumns = {
  promiseId: sql<
    string | null
  >`(SELECT "pi"."promise_id" FROM "promise_invoices" "pi" WHERE "pi"."invoice_id" = "invoices"."id" AND "pi"."open" = 1)`,
  promisedDate: sql<
    string | null
  >`(SELECT "p"."promised_date" FROM "promise_invoices" "pi" INNER JOIN "promises" "p" ON "p"."id" = "pi"."promise_id" WHERE "pi"."invoice_id" = "invoices"."id" AND "pi"."open" = 1)`,
};
