/**
 * The promise's own jobs: `promise.remind` (the day before and on the promised date: what is left,
 * with one Easy Pay link for it) and `promise.verdict` (at the deadline: kept, partially kept or
 * broken; a missed promise resumes dunning at once with a "promise missed" email to the customer and
 * a notice to the account's collector). Each handler's work and its job's completion commit together.
 */
import { and, eq } from 'drizzle-orm';
import type { Config } from '../../config';
import type { Db, DbOrTx } from '../../db/client';
import { customers, promises } from '../../db/schema';
import { promiseBrokenNoticeEmail, promiseMissedEmail, promiseReminderEmail } from '../../mail/promise-templates';
import { refreshCustomerAggregates } from '../ar-aggregates';
import { issueEasyPayLink } from '../auth';
import { calendarDate } from '../dates';
import { passOverSteps, takeDaySlot } from '../dunning';
import { systemActor } from '../events';
import { collectorRecipients, easyPayReturnTo, recipientsOf, targetSegment } from '../invoices';
import type { JobHandler } from '../jobs';
import { decidePromise, promiseOutcome, promiseStanding } from '../ledger';
import { queueEmail, readerLocale } from '../notifications';
import { getSettings, type CompanySettings } from '../settings';
import { promiseInvoiceRows, type PromiseRow } from './read';

/** Who hears about a customer's promise: the contact who made it, else (no longer a contact) every contact. */
async function customerRecipients(tx: DbOrTx, promise: PromiseRow): Promise<string[]> {
  const all = await recipientsOf(tx, promise.customerId);
  return promise.createdBy && all.includes(promise.createdBy) ? [promise.createdBy] : all;
}

/** The pay route of a set of invoices: one invoice's own, or the list of them. */
function payTarget(numbers: string[]): string {
  const segments = numbers.map(targetSegment);
  return segments.length === 1 ? `pay/${segments[0]}` : `pay?invoices=${segments.join(',')}`;
}

interface Context {
  tx: DbOrTx;
  config: Config;
  company: CompanySettings;
  promise: PromiseRow;
  customerName: string;
  now: Date;
}

function emailBase(c: Context, to: string, locale: string) {
  return {
    company: c.company.companyName,
    to,
    customerName: c.customerName,
    currency: c.promise.currency,
    supportEmail: c.company.supportEmail,
    footer: { address: c.company.companyAddress, portalUrl: c.company.portalUrl },
    locale,
  };
}

async function remind(c: Context, onTheDay: boolean): Promise<void> {
  const standing = await promiseStanding(c.tx, c.promise);
  const { remaining } = promiseOutcome(c.promise.amount, standing);
  if (remaining === 0) return;
  const owing = (await promiseInvoiceRows(c.tx, c.promise.id)).filter((i) => i.balance > 0 && !i.voidedAt);
  if (owing.length === 0) return;
  const returnTo = easyPayReturnTo(c.company.portalUrl, c.config);
  for (const to of await customerRecipients(c.tx, c.promise)) {
    const payUrl = await issueEasyPayLink(
      c.tx,
      c.config,
      { email: to, returnTo, target: payTarget(owing.map((i) => i.number)), invoiceIds: owing.map((i) => i.id) },
      c.now,
    );
    if (!payUrl) continue;
    const locale = await readerLocale(c.tx, { email: to }, c.promise.customerId, c.company);
    const content = promiseReminderEmail({
      ...emailBase(c, to, locale),
      amount: c.promise.amount,
      paid: standing.paid,
      remaining,
      promisedDate: c.promise.promisedDate,
      onTheDay,
      invoices: owing.map((i) => ({ number: i.number, balance: i.balance })),
      payUrl,
    });
    await queueEmail(c.tx, content, c.now);
  }
}

/** The verdict at the deadline; a missed promise tells the customer and the collector, and resumes dunning. */
async function judge(c: Context): Promise<void> {
  if (c.now < c.promise.deadline) return;
  const standing = await promiseStanding(c.tx, c.promise);
  const { verdict } = promiseOutcome(c.promise.amount, standing);
  if (!(await decidePromise(c.tx, c.promise, verdict, standing, systemActor, c.now))) return;
  // A broken promise counts on the worklist.
  await refreshCustomerAggregates(c.tx, c.promise.customerId);
  if (verdict === 'kept') return;
  const today = calendarDate(c.now, c.company.timeZone);
  const owing = (await promiseInvoiceRows(c.tx, c.promise.id)).filter((i) => i.balance > 0 && !i.voidedAt);
  const returnTo = easyPayReturnTo(c.company.portalUrl, c.config);
  for (const to of await customerRecipients(c.tx, c.promise)) {
    const invoices = [];
    for (const i of owing) {
      const payUrl = await issueEasyPayLink(
        c.tx,
        c.config,
        { email: to, returnTo, target: payTarget([i.number]), invoiceIds: [i.id] },
        c.now,
      );
      if (payUrl) invoices.push({ number: i.number, balance: i.balance, payUrl });
    }
    if (owing.length && invoices.length === 0) continue;
    const pastDueUrl = await issueEasyPayLink(
      c.tx,
      c.config,
      { email: to, returnTo, target: 'invoices?status=past_due', invoiceIds: owing.map((i) => i.id) },
      c.now,
    );
    const locale = await readerLocale(c.tx, { email: to }, c.promise.customerId, c.company);
    const content = promiseMissedEmail({
      ...emailBase(c, to, locale),
      amount: c.promise.amount,
      paid: standing.paid,
      promisedDate: c.promise.promisedDate,
      invoices,
      pastDueUrl: pastDueUrl ?? returnTo,
    });
    await queueEmail(c.tx, content, c.now);
    // This email is the day's reminder for this contact.
    await takeDaySlot(c.tx, to, today, 'promise_missed');
  }
  // Dunning resumes from the step each invoice is at today, which this email stands for.
  await passOverSteps(
    c.tx,
    c.company,
    owing.map((i) => ({ invoiceId: i.id, dueDate: i.dueDate })),
    today,
  );
  for (const to of await collectorRecipients(c.tx, c.promise.customerId)) {
    const content = promiseBrokenNoticeEmail({
      company: c.company.companyName,
      to,
      customerName: c.customerName,
      currency: c.promise.currency,
      locale: c.company.locale,
      amount: c.promise.amount,
      paid: standing.paid,
      promisedDate: c.promise.promisedDate,
      madeBy: c.promise.createdBy,
      invoices: owing.map((i) => ({ number: i.number, balance: i.balance })),
    });
    await queueEmail(c.tx, content, c.now);
  }
}

function promiseJob(
  db: Db,
  config: Config,
  work: (c: Context, payload: Record<string, unknown>) => Promise<void>,
): JobHandler {
  return async (payload, { now, finish }) => {
    await db.transaction(async (tx) => {
      await finish(tx);
      const promise = await tx
        .select()
        .from(promises)
        .where(and(eq(promises.id, String(payload.promiseId)), eq(promises.status, 'open')))
        .get();
      if (!promise) return;
      const customer = (await tx
        .select({ name: customers.name })
        .from(customers)
        .where(eq(customers.id, promise.customerId))
        .get())!;
      const company = await getSettings(tx, config);
      await work({ tx, config, company, promise, customerName: customer.name, now }, payload);
    });
  };
}

export function promiseRemindHandler(db: Db, config: Config): JobHandler {
  return promiseJob(db, config, (c, payload) => remind(c, payload.onTheDay === true));
}

export function promiseVerdictHandler(db: Db, config: Config): JobHandler {
  return promiseJob(db, config, (c) => judge(c));
}
