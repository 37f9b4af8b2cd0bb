/**
 * A promise to pay taken by phone: the customer's own promise's rules (a date from tomorrow to the
 * horizon, invoices open and not disputed in full, one open promise per invoice, at most what they owe
 * beyond their disputes), without automatic payment; recorded as taken by the staff member
 * (`promises.taken_by`), with the same verdict and reminder jobs and the same confirmation email, to the
 * contact who promised or else to every contact of the account.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { PhonePromiseBody, PromiseView } from '../../contract';
import { newId } from '../../crypto';
import type { DbOrTx } from '../../db/client';
import { contacts, invoices, promiseInvoices, promises } from '../../db/schema';
import { promiseConfirmationEmail } from '../../mail/promise-templates';
import { addDays, dayAt, daysBetween, SEND_HOUR } from '../dates';
import { DomainError, notFound } from '../errors';
import { recipientsOf } from '../invoices';
import { enqueueJob } from '../jobs';
import { disputedAmount } from '../ledger';
import { queueEmail, readerLocale } from '../notifications';
import { PROMISE_REMIND, PROMISE_VERDICT, promiseDeadline, promiseView } from '../promises';
import { companyToday, customerOf, type MoneyActing, type MoneyDeps, staffEvent } from './core';

const notPromisable = (message: string) => new DomainError('invoice_not_promisable', message);

/** Each invoice as the customer's promise checks it; what is promised of it (default: all it owes). */
async function promisedInvoices(tx: DbOrTx, customerId: string, currency: string, asks: PhonePromiseBody['invoices']) {
  const ids = asks.map((a) => a.invoiceId);
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
  return asks.map((ask) => {
    const invoice = byId.get(ask.invoiceId);
    if (!invoice || invoice.customerId !== customerId) throw notFound(`No invoice ${ask.invoiceId} on this account.`);
    if (invoice.voidedAt) throw notPromisable(`Invoice ${invoice.number} is void.`);
    if (invoice.balance <= 0) throw notPromisable(`Invoice ${invoice.number} is paid.`);
    if (invoice.currency !== currency)
      throw new DomainError('invalid_request', `Invoice ${invoice.number} is in ${invoice.currency}, not ${currency}.`);
    const owed = invoice.balance - Math.min(invoice.balance, invoice.disputed);
    if (owed <= 0) throw notPromisable(`Invoice ${invoice.number} is disputed in full; nothing is asked of it now.`);
    if (promised.has(invoice.id)) {
      throw new DomainError('invoice_promised', `Invoice ${invoice.number} is already under an open promise to pay.`);
    }
    if (ask.amount !== undefined && ask.amount > owed) {
      throw new DomainError(
        'promise_amount_too_large',
        `Invoice ${invoice.number} owes ${owed} (disputed parts aside); promise at most that.`,
      );
    }
    return { ...invoice, amount: ask.amount ?? owed };
  });
}

/** `POST /admin/customers/:id/promises`. */
export async function recordPhonePromise(
  deps: MoneyDeps,
  customerId: string,
  body: PhonePromiseBody,
  by: MoneyActing,
): Promise<PromiseView> {
  return deps.db.transaction(async (tx) => {
    const customer = await customerOf(tx, customerId);
    const now = deps.clock.now();
    const { company, today } = await companyToday(deps, tx);
    const ahead = daysBetween(today, body.promisedDate);
    if (ahead < 1 || ahead > company.promiseHorizonDays) {
      throw new DomainError(
        'promise_date_out_of_range',
        `Choose a date from ${addDays(today, 1)} to ${addDays(today, company.promiseHorizonDays)}.`,
      );
    }
    const contact = body.contactId
      ? await tx
          .select()
          .from(contacts)
          .where(and(eq(contacts.id, body.contactId), eq(contacts.customerId, customer.id)))
          .get()
      : null;
    if (body.contactId && !contact) {
      throw new DomainError('invalid_request', 'That contact is not one of this customer’s contacts.');
    }
    const chosen = await promisedInvoices(tx, customer.id, customer.currency, body.invoices);
    const amount = chosen.reduce((sum, i) => sum + i.amount, 0);
    const deadline = promiseDeadline(body.promisedDate, company);
    const id = newId('ptp');
    const note = body.note?.trim() ? body.note.trim() : null;
    const row = {
      id,
      customerId: customer.id,
      // Who promised: the contact named (reminders go to them), else the staff member (they go to every contact).
      createdBy: contact?.email ?? by.email,
      amount,
      currency: customer.currency,
      promisedDate: body.promisedDate,
      deadlineDate: deadline.date,
      deadline: deadline.at,
      note,
      status: 'open' as const,
      autopayMethod: null,
      autopayToken: null,
      autopayStatus: null,
      autopayPaymentId: null,
      takenBy: by.staffUserId,
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
    await staffEvent(
      tx,
      by,
      customer.id,
      {
        type: 'promise.created',
        subject: { type: 'promise', id },
        data: {
          amount,
          currency: customer.currency,
          promisedDate: body.promisedDate,
          deadlineDate: deadline.date,
          invoices: chosen.map((i) => ({ id: i.id, number: i.number, amount: i.amount })),
          source: 'staff',
          contactId: contact?.id ?? null,
        },
      },
      now,
    );
    await enqueueJob(tx, { type: PROMISE_VERDICT, payload: { promiseId: id }, runAt: deadline.at }, now);
    for (const onTheDay of [false, true]) {
      const runAt = dayAt(addDays(body.promisedDate, onTheDay ? 0 : -1), company.timeZone, SEND_HOUR);
      if (runAt > now) await enqueueJob(tx, { type: PROMISE_REMIND, payload: { promiseId: id, onTheDay }, runAt }, now);
    }
    const recipients = contact ? [contact.email] : await recipientsOf(tx, customer.id);
    for (const to of recipients) {
      await queueEmail(
        tx,
        promiseConfirmationEmail({
          company: company.companyName,
          to,
          customerName: customer.name,
          currency: customer.currency,
          supportEmail: company.supportEmail,
          footer: { address: company.companyAddress, portalUrl: company.portalUrl },
          locale: await readerLocale(tx, { email: to }, customer.id, company),
          amount,
          promisedDate: body.promisedDate,
          deadlineDate: deadline.date,
          reminderDate: addDays(body.promisedDate, -1),
          invoices: chosen.map((i) => ({ number: i.number })),
        }),
        now,
      );
    }
    return promiseView(tx, row);
  });
}
