/** Reading promises: one as the API shows it, an account's list, and who may see which. */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { PaymentMethod, PromiseStatus, PromiseView } from '../../contract';
import type { DbOrTx } from '../../db/client';
import { invoices, promiseInvoices, promises } from '../../db/schema';
import type { AuthSession } from '../auth';
import { addDays } from '../dates';
import { notFound } from '../errors';
import { accountFor } from '../invoices';
import { promiseOutcome, promiseStanding } from '../ledger';

export type PromiseRow = typeof promises.$inferSelect;

/** The promise's invoices, by due date. */
export async function promiseInvoiceRows(db: DbOrTx, promiseId: string) {
  return db
    .select({
      id: invoices.id,
      number: invoices.number,
      dueDate: invoices.dueDate,
      balance: invoices.balance,
      voidedAt: invoices.voidedAt,
    })
    .from(promiseInvoices)
    .innerJoin(invoices, eq(invoices.id, promiseInvoices.invoiceId))
    .where(eq(promiseInvoices.promiseId, promiseId))
    .orderBy(asc(invoices.dueDate), asc(invoices.id))
    .all();
}

export async function promiseView(db: DbOrTx, promise: PromiseRow): Promise<PromiseView> {
  const rows = await promiseInvoiceRows(db, promise.id);
  const standing = await promiseStanding(db, promise);
  const { remaining } = promiseOutcome(promise.amount, standing);
  return {
    id: promise.id,
    accountId: promise.customerId,
    status: promise.status,
    amount: promise.amount,
    currency: promise.currency,
    promisedDate: promise.promisedDate,
    deadlineDate: promise.deadlineDate,
    deadline: promise.deadline.toISOString(),
    reminderDate: addDays(promise.promisedDate, -1),
    note: promise.note,
    invoices: rows.map((r) => ({ id: r.id, number: r.number, dueDate: r.dueDate, balance: r.balance })),
    paid: standing.paid,
    remaining: promise.status === 'cancelled' ? 0 : remaining,
    createdBy: promise.createdBy,
    createdAt: promise.createdAt.toISOString(),
    decidedAt: promise.decidedAt?.toISOString() ?? null,
    cancelledAt: promise.cancelledAt?.toISOString() ?? null,
    autopay:
      promise.autopayMethod && promise.autopayStatus
        ? {
            method: promise.autopayMethod as PaymentMethod,
            status: promise.autopayStatus,
            paymentId: promise.autopayPaymentId,
          }
        : null,
  };
}

/**
 * The promise, when the session may see it: one of its accounts' promises, and for an Easy Pay
 * session only one whose invoices are all in its link. Anything else is `not_found`, like no promise.
 */
export async function visiblePromise(db: DbOrTx, session: AuthSession, id: string): Promise<PromiseRow> {
  const promise = await db.select().from(promises).where(eq(promises.id, id)).get();
  if (!promise || !session.accounts.some((a) => a.id === promise.customerId)) throw notFound('No such promise.');
  if (session.scopeInvoiceIds !== null) {
    const scope = session.scopeInvoiceIds;
    const rows = await promiseInvoiceRows(db, promise.id);
    if (!rows.every((r) => scope.includes(r.id))) throw notFound('No such promise.');
  }
  return promise;
}

/** An account's promises, newest first (the last 200), optionally of one status. */
export async function listPromises(
  db: DbOrTx,
  session: AuthSession,
  query: { account?: string | undefined; status?: PromiseStatus | undefined },
): Promise<PromiseView[]> {
  const accountId = accountFor(session, query.account);
  const rows = await db
    .select()
    .from(promises)
    .where(and(eq(promises.customerId, accountId), query.status ? eq(promises.status, query.status) : undefined))
    .orderBy(desc(promises.createdAt), desc(promises.id))
    .limit(200)
    .all();
  let visible = rows;
  if (session.scopeInvoiceIds !== null && rows.length) {
    const scope = new Set(session.scopeInvoiceIds);
    const links = await db
      .select({ promiseId: promiseInvoices.promiseId, invoiceId: promiseInvoices.invoiceId })
      .from(promiseInvoices)
      .where(
        inArray(
          promiseInvoices.promiseId,
          rows.map((r) => r.id),
        ),
      )
      .all();
    visible = rows.filter((r) => links.every((l) => l.promiseId !== r.id || scope.has(l.invoiceId)));
  }
  const views: PromiseView[] = [];
  for (const row of visible) views.push(await promiseView(db, row));
  return views;
}
