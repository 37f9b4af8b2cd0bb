/**
 * Making and cancelling a promise to pay. Every check is made inside the write transaction that
 * writes it (writers take turns on both engines), so two promises can never both take one invoice;
 * the unique index on open promise invoices would refuse the second anyway.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { PaymentMethod, PromiseConfig, PromiseRequestBody, PromiseView } from '../../contract';
import { newId } from '../../crypto';
import type { DbOrTx } from '../../db/client';
import { customers, invoices, promiseInvoices, promises } from '../../db/schema';
import { promiseConfirmationEmail } from '../../mail/promise-templates';
import type { AuthSession } from '../auth';
import { addDays, calendarDate, daysBetween, dayAt, SEND_HOUR, startOfDay } from '../dates';
import { DomainError, notFound } from '../errors';
import { recordEvent, type Actor } from '../events';
import { accountFor } from '../invoices';
import { enqueueJob } from '../jobs';
import { disputedAmount, PROMISE_VERDICT } from '../ledger';
import { queueEmail, readerLocale } from '../notifications';
import type { CompanySettings } from '../settings';
import type { PromiseDeps } from './deps';
import { promiseInvoiceRows, promiseView, visiblePromise } from './read';

/** The job that reminds the customer of a promise (the day before, and on the date). */
export const PROMISE_REMIND = 'promise.remind';

/** The job that pays a promise automatically on its date, before that day's reminder. */
export const PROMISE_AUTOPAY = 'promise.autopay';

/**
 * Methods that can charge a saved card or bank account later, with the customer away: the sandbox's,
 * and Stripe's cards (charged `off_session`; a Stripe bank debit needs a mandate taken beforehand,
 * which the portal does not take yet). PayPal never: its approval needs the payer.
 */
export function autopayMethods(deps: Pick<PromiseDeps, 'providers'>, currency: string): PaymentMethod[] {
  return deps.providers
    .methodsFor(currency)
    .filter(
      (m) => m.provider === 'sandbox' || (m.provider === 'stripe' && (m.method === 'card' || m.method === 'debit')),
    )
    .filter((m) => m.method !== 'paypal')
    .map((m) => m.method);
}

/** What the form may offer: dates from tomorrow to the horizon, and the grace days. */
export async function promiseConfig(
  deps: PromiseDeps,
  session: AuthSession,
  account: string | undefined,
): Promise<PromiseConfig> {
  const accountId = accountFor(session, account);
  const customer = (await deps.db.select().from(customers).where(eq(customers.id, accountId)).get())!;
  const company = await deps.settings.get(deps.db);
  const today = calendarDate(deps.clock.now(), company.timeZone);
  return {
    accountId,
    currency: customer.currency,
    today,
    minDate: addDays(today, 1),
    maxDate: addDays(today, company.promiseHorizonDays),
    toleranceDays: company.promiseToleranceDays,
    timeZone: company.timeZone,
    autopayMethods: autopayMethods(deps, customer.currency),
  };
}

const notPromisable = (message: string) => new DomainError('invoice_not_promisable', message);

/** The invoices asked for, checked one by one; what each owes beyond its disputes. */
async function promisableInvoices(
  tx: DbOrTx,
  session: AuthSession,
  accountId: string,
  currency: string,
  ids: string[],
) {
  if (new Set(ids).size !== ids.length) throw new DomainError('invalid_request', 'An invoice is listed twice.');
  const rows = await tx
    .select({
      id: invoices.id,
      number: invoices.number,
      customerId: invoices.customerId,
      currency: invoices.currency,
      balance: invoices.balance,
      voidedAt: invoices.voidedAt,
      disputed: disputedAmount,
    })
    .from(invoices)
    .where(inArray(invoices.id, ids))
    .all();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const promised = new Set(
    (
      await tx
        .select({ id: promiseInvoices.invoiceId })
        .from(promiseInvoices)
        .where(and(inArray(promiseInvoices.invoiceId, ids), eq(promiseInvoices.open, true)))
        .all()
    ).map((r) => r.id),
  );
  return ids.map((id) => {
    const invoice = byId.get(id);
    // Another customer's invoice, or one outside an Easy Pay link, looks exactly like no invoice.
    const inScope =
      invoice &&
      invoice.customerId === accountId &&
      (session.scopeInvoiceIds === null || session.scopeInvoiceIds.includes(invoice.id));
    if (!inScope) throw notFound(`No invoice ${id} on this account.`);
    if (invoice.voidedAt) throw notPromisable(`Invoice ${invoice.number} is void.`);
    if (invoice.balance <= 0) throw notPromisable(`Invoice ${invoice.number} is paid.`);
    if (invoice.currency !== currency)
      throw new DomainError('invalid_request', `Invoice ${invoice.number} is in ${invoice.currency}, not ${currency}.`);
    const owed = invoice.balance - Math.min(invoice.balance, invoice.disputed);
    if (owed <= 0) throw notPromisable(`Invoice ${invoice.number} is disputed in full; nothing is asked of it now.`);
    if (promised.has(invoice.id)) {
      throw new DomainError('invoice_promised', `Invoice ${invoice.number} is already under an open promise to pay.`);
    }
    return { ...invoice, owed };
  });
}

/** When a promise's verdict falls: the end of its last day of grace, in the company's time zone. */
export function promiseDeadline(promisedDate: string, company: CompanySettings): { date: string; at: Date } {
  const date = addDays(promisedDate, company.promiseToleranceDays);
  return { date, at: startOfDay(addDays(date, 1), company.timeZone) };
}

/**
 * `POST /promises`: the promise, its invoices, its `promise.created` event, its verdict and reminder
 * jobs and the confirmation email, in one transaction.
 */
export async function createPromise(
  deps: PromiseDeps,
  session: AuthSession,
  body: PromiseRequestBody,
  requestId: string | null,
): Promise<PromiseView> {
  const { db, clock } = deps;
  const accountId = accountFor(session, body.account);
  const company = await deps.settings.get(db);
  const now = clock.now();
  const today = calendarDate(now, company.timeZone);
  const ahead = daysBetween(today, body.promisedDate);
  if (ahead < 1 || ahead > company.promiseHorizonDays) {
    throw new DomainError(
      'promise_date_out_of_range',
      `Choose a date from ${addDays(today, 1)} to ${addDays(today, company.promiseHorizonDays)}.`,
    );
  }
  return db.transaction(async (tx) => {
    const customer = await tx.select().from(customers).where(eq(customers.id, accountId)).get();
    if (!customer) throw notFound('No such account.');
    const chosen = await promisableInvoices(tx, session, accountId, customer.currency, body.invoices);
    const owed = chosen.reduce((sum, i) => sum + i.owed, 0);
    if (body.amount > owed) {
      throw new DomainError(
        'promise_amount_too_large',
        `These invoices owe ${owed} (disputed parts aside); promise at most that.`,
      );
    }
    if (body.autopay && !autopayMethods(deps, customer.currency).includes(body.autopay.method)) {
      throw new DomainError(
        'method_unavailable',
        `Paying automatically by ${body.autopay.method} is not offered for ${customer.currency}.`,
      );
    }
    const deadline = promiseDeadline(body.promisedDate, company);
    const id = newId('ptp');
    const actor: Actor = { type: 'customer', id: session.email };
    const note = body.note?.trim() ? body.note.trim() : null;
    const row = {
      id,
      customerId: accountId,
      createdBy: session.email,
      amount: body.amount,
      currency: customer.currency,
      promisedDate: body.promisedDate,
      deadlineDate: deadline.date,
      deadline: deadline.at,
      note,
      status: 'open' as const,
      autopayMethod: body.autopay?.method ?? null,
      autopayToken: body.autopay?.paymentMethod ?? null,
      autopayStatus: body.autopay ? ('scheduled' as const) : null,
      autopayPaymentId: null,
      takenBy: null,
      decidedAt: null,
      cancelledAt: null,
      createdAt: now,
      updatedAt: now,
    };
    await tx.insert(promises).values(row).run();
    await tx
      .insert(promiseInvoices)
      .values(chosen.map((i) => ({ promiseId: id, invoiceId: i.id, open: true, balanceAtPromise: i.balance })))
      .run();
    await recordEvent(
      tx,
      {
        type: 'promise.created',
        actor,
        subject: { type: 'promise', id },
        customerId: accountId,
        requestId,
        data: {
          amount: body.amount,
          currency: customer.currency,
          promisedDate: body.promisedDate,
          deadlineDate: deadline.date,
          invoices: chosen.map((i) => ({ id: i.id, number: i.number })),
        },
      },
      now,
    );
    await enqueueJob(tx, { type: PROMISE_VERDICT, payload: { promiseId: id }, runAt: deadline.at }, now);
    if (body.autopay) {
      // An hour before the day's reminders, so a successful charge keeps the promise before they go.
      const runAt = dayAt(body.promisedDate, company.timeZone, SEND_HOUR - 1);
      await enqueueJob(tx, { type: PROMISE_AUTOPAY, payload: { promiseId: id }, runAt, maxAttempts: 5 }, now);
    }
    for (const onTheDay of [false, true]) {
      const runAt = dayAt(addDays(body.promisedDate, onTheDay ? 0 : -1), company.timeZone, SEND_HOUR);
      if (runAt > now) await enqueueJob(tx, { type: PROMISE_REMIND, payload: { promiseId: id, onTheDay }, runAt }, now);
    }
    await queueEmail(
      tx,
      promiseConfirmationEmail({
        company: company.companyName,
        to: session.email,
        customerName: customer.name,
        currency: customer.currency,
        supportEmail: company.supportEmail,
        footer: { address: company.companyAddress, portalUrl: company.portalUrl },
        locale: await readerLocale(tx, { email: session.email }, accountId, company),
        amount: body.amount,
        promisedDate: body.promisedDate,
        deadlineDate: deadline.date,
        reminderDate: addDays(body.promisedDate, -1),
        invoices: chosen.map((i) => ({ number: i.number })),
      }),
      now,
    );
    return promiseView(tx, row);
  });
}

/** `POST /promises/:id/cancel`: an open promise only; reminders for its invoices resume. */
export async function cancelPromise(
  deps: PromiseDeps,
  session: AuthSession,
  id: string,
  requestId: string | null,
): Promise<PromiseView> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const promise = await visiblePromise(tx, session, id);
    const cancelled = await tx
      .update(promises)
      .set({
        status: 'cancelled',
        cancelledAt: now,
        updatedAt: now,
        // An automatic payment waiting for the date goes with the promise, and its saved token with it.
        autopayStatus: sql`CASE WHEN ${promises.autopayStatus} = 'scheduled' THEN 'cancelled' ELSE ${promises.autopayStatus} END`,
        autopayToken: null,
      })
      .where(and(eq(promises.id, promise.id), eq(promises.status, 'open')))
      .returning()
      .get();
    if (!cancelled) {
      throw new DomainError(
        'promise_not_open',
        `This promise is ${promise.status.replace('_', ' ')}; only an open one can be cancelled.`,
      );
    }
    await tx.update(promiseInvoices).set({ open: false }).where(eq(promiseInvoices.promiseId, id)).run();
    await recordEvent(
      tx,
      {
        type: 'promise.cancelled',
        actor: { type: 'customer', id: session.email },
        subject: { type: 'promise', id },
        customerId: promise.customerId,
        requestId,
        data: {
          amount: promise.amount,
          currency: promise.currency,
          promisedDate: promise.promisedDate,
          invoices: (await promiseInvoiceRows(tx, id)).map((i) => ({ id: i.id, number: i.number })),
        },
      },
      now,
    );
    return promiseView(tx, cancelled);
  });
}

/** `POST /promises/:id/autopay/cancel`: the promise stays; it is no longer paid automatically. */
export async function cancelAutopay(
  deps: PromiseDeps,
  session: AuthSession,
  id: string,
  requestId: string | null,
): Promise<PromiseView> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const promise = await visiblePromise(tx, session, id);
    const changed = await tx
      .update(promises)
      .set({ autopayStatus: 'cancelled', autopayToken: null, updatedAt: now })
      .where(and(eq(promises.id, promise.id), eq(promises.status, 'open'), eq(promises.autopayStatus, 'scheduled')))
      .returning()
      .get();
    if (!changed) {
      throw new DomainError('promise_not_open', 'This promise has no automatic payment waiting to be made.');
    }
    await recordEvent(
      tx,
      {
        type: 'promise.autopay_cancelled',
        actor: { type: 'customer', id: session.email },
        subject: { type: 'promise', id },
        customerId: promise.customerId,
        requestId,
        data: { promisedDate: promise.promisedDate },
      },
      now,
    );
    return promiseView(tx, changed);
  });
}
