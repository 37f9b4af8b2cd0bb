/**
 * Sending an invoice by email: to every contact of its customer, with the invoice PDF attached and a
 * personal Easy Pay link (a long-lived magic link scoped to just this invoice, landing on
 * `pay/<number>`). The request only checks and queues; the `invoice.send` job makes the links (each
 * costs a code hash) and writes every link row, email and the `invoice.sent` event in one
 * transaction, so a link never exists without its email nor an email without its link.
 */
import { asc, eq } from 'drizzle-orm';
import type { ErpInvoiceSendResult } from '../../contract/erp';
import type { Config } from '../../config';
import type { Db, DbOrTx } from '../../db/client';
import { contacts, customers, invoices, staffUsers } from '../../db/schema';
import { DomainError, notFound } from '../errors';
import { invoiceEmail } from '../../mail/templates';
import { calendarDate } from '../dates';
import { recordEvent, type Actor } from '../events';
import { enqueueJob, type JobHandler } from '../jobs';
import { issueEasyPayLink, validateReturnTo } from '../auth';
import { queueEmail, readerLocale } from '../notifications';
import { getSettings } from '../settings';

export const SEND_INVOICE = 'invoice.send';

interface SendInvoiceJob {
  invoiceId: string;
  actor: Actor;
  requestId: string | null;
}

type InvoiceRow = typeof invoices.$inferSelect;

/** Why an invoice is not sent: a void one is not owed, a paid one has nothing to pay. */
function unsendable(invoice: { voidedAt: Date | null; balance: number }): 'void' | 'paid' | null {
  if (invoice.voidedAt) return 'void';
  if (invoice.balance <= 0) return 'paid';
  return null;
}

/** The emails of a customer's contacts, in a stable order. */
export async function recipientsOf(db: DbOrTx, customerId: string): Promise<string[]> {
  const rows = await db
    .select({ email: contacts.email })
    .from(contacts)
    .where(eq(contacts.customerId, customerId))
    .orderBy(asc(contacts.email), asc(contacts.id))
    .all();
  return rows.map((c) => c.email);
}

/** The account's collector if it has an active one, else every active collector, else every active admin. */
export async function collectorRecipients(tx: DbOrTx, customerId: string): Promise<string[]> {
  const customer = await tx
    .select({ collectorId: customers.collectorId })
    .from(customers)
    .where(eq(customers.id, customerId))
    .get();
  const active = await tx
    .select({ id: staffUsers.id, email: staffUsers.email, role: staffUsers.role })
    .from(staffUsers)
    .where(eq(staffUsers.active, true))
    .orderBy(asc(staffUsers.email), asc(staffUsers.id))
    .all();
  const assigned = active.filter((s) => s.id === customer?.collectorId);
  if (assigned.length) return assigned.map((s) => s.email);
  const collectors = active.filter((s) => s.role === 'collector');
  return (collectors.length ? collectors : active.filter((s) => s.role === 'admin')).map((s) => s.email);
}

/** An invoice as the ERP names it: by its external id, else by Portico's id (`inv_…`). */
export async function findErpInvoice(db: DbOrTx, ref: string): Promise<InvoiceRow | undefined> {
  return (
    (await db.select().from(invoices).where(eq(invoices.externalId, ref)).get()) ??
    (await db.select().from(invoices).where(eq(invoices.id, ref)).get())
  );
}

/**
 * Queues the sending of an invoice in the caller's transaction; the number of contacts it will go to.
 * 0 (nobody to send to) queues nothing. Whether it is still owed is checked again when it is sent.
 */
export async function queueInvoiceSend(
  db: DbOrTx,
  invoice: { id: string; customerId: string },
  actor: Actor,
  now: Date,
  requestId: string | null = null,
): Promise<number> {
  const recipients = (await recipientsOf(db, invoice.customerId)).length;
  if (recipients === 0) return 0;
  const job: SendInvoiceJob = { invoiceId: invoice.id, actor, requestId };
  await enqueueJob(db, { type: SEND_INVOICE, payload: { ...job }, maxAttempts: 5 }, now);
  return recipients;
}

/** `POST /erp/invoices/:id/send`: 404 for no such invoice, 409 for one that is void, paid or has no contact. */
export async function requestInvoiceSend(
  db: Db,
  ref: string,
  actor: Actor,
  now: Date,
  requestId: string | null,
): Promise<ErpInvoiceSendResult> {
  return db.transaction(async (tx) => {
    const invoice = await findErpInvoice(tx, ref);
    if (!invoice) throw notFound(`No invoice has external id or id ${ref}.`);
    const why = unsendable(invoice);
    if (why === 'void') throw new DomainError('conflict', `Invoice ${invoice.number} is void; it is not sent.`);
    if (why === 'paid') {
      throw new DomainError('conflict', `Invoice ${invoice.number} is paid in full; there is nothing to pay.`);
    }
    const sent = await queueInvoiceSend(tx, invoice, actor, now, requestId);
    if (sent === 0) {
      throw new DomainError('conflict', `The customer of invoice ${invoice.number} has no contact to send it to.`);
    }
    return { sent };
  });
}

/**
 * Where Easy Pay links land: the company's portal page when its origin is allowed (links are only
 * ever built for allowed origins), else this server's own page.
 */
export function easyPayReturnTo(portalUrl: string, config: Config): string {
  if (portalUrl) {
    try {
      return validateReturnTo(portalUrl, config.ALLOWED_ORIGINS);
    } catch {
      // Not on the allow-list: the server's own page instead.
    }
  }
  return `${config.PUBLIC_URL}/`;
}

/** An invoice number as one target path segment (`2024/001` → `2024%2F001`). */
export function targetSegment(number: string): string {
  return encodeURIComponent(number).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

async function sendInvoiceEmails(
  tx: DbOrTx,
  config: Config,
  job: SendInvoiceJob,
  recipients: string[],
  now: Date,
): Promise<void> {
  const invoice = await tx.select().from(invoices).where(eq(invoices.id, job.invoiceId)).get();
  if (!invoice) return;
  const subject = { type: 'invoice', id: invoice.id };
  const base = { actor: job.actor, subject, customerId: invoice.customerId, requestId: job.requestId };
  // Paid or voided between the request and now: nothing is sent, and the event says why.
  const why = unsendable(invoice);
  if (why) {
    await recordEvent(
      tx,
      { ...base, type: 'invoice.send_skipped', data: { number: invoice.number, reason: why } },
      now,
    );
    return;
  }
  const customer = (await tx
    .select({ name: customers.name })
    .from(customers)
    .where(eq(customers.id, invoice.customerId))
    .get())!;
  const company = await getSettings(tx, config);
  const returnTo = easyPayReturnTo(company.portalUrl, config);
  const pastDue = invoice.dueDate < calendarDate(now, company.timeZone);
  const sentTo: string[] = [];
  for (const email of recipients) {
    const payUrl = await issueEasyPayLink(
      tx,
      config,
      { email, returnTo, target: `pay/${targetSegment(invoice.number)}`, invoiceIds: [invoice.id] },
      now,
    );
    // No longer a contact of anyone (removed since the request): no link, no email.
    if (!payUrl) continue;
    const content = invoiceEmail({
      company: company.companyName,
      to: email,
      number: invoice.number,
      customerName: customer.name,
      amountDue: invoice.balance,
      currency: invoice.currency,
      dueDate: invoice.dueDate,
      pastDue,
      payUrl,
      payLinkDays: config.EASY_PAY_TTL_DAYS,
      supportEmail: company.supportEmail,
      footer: { address: company.companyAddress, portalUrl: company.portalUrl },
      locale: await readerLocale(tx, { email }, invoice.customerId, company),
    });
    await queueEmail(tx, { ...content, attachments: [{ type: 'invoice_pdf', invoiceId: invoice.id }] }, now);
    sentTo.push(email);
  }
  await recordEvent(
    tx,
    {
      ...base,
      type: 'invoice.sent',
      data: { number: invoice.number, to: sentTo, amountDue: invoice.balance, currency: invoice.currency },
    },
    now,
  );
}

/** `invoice.send`: one invoice to each current contact of its customer. */
export function sendInvoiceHandler(db: Db, config: Config): JobHandler {
  return async (payload, { now, finish }) => {
    const job = payload as unknown as SendInvoiceJob;
    const invoice = await db
      .select({ customerId: invoices.customerId })
      .from(invoices)
      .where(eq(invoices.id, job.invoiceId))
      .get();
    if (!invoice) return;
    // The emails, their links and the job's completion commit together: a rerun after a crash sends nothing twice.
    await db.transaction(async (tx) => {
      await finish(tx);
      await sendInvoiceEmails(tx, config, job, await recipientsOf(tx, invoice.customerId), now);
    });
  };
}
