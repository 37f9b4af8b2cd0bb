/**
 * Emailing a contact a way in: a sign-in link to the portal (the sign-in email, as if they had asked), or
 * Easy Pay links for open invoices (each invoice's own email, as sending the invoice writes it, with its PDF).
 */
import { and, asc, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { EmailsQueued } from '../../contract';
import { invoices } from '../../db/schema';
import { invoiceEmail } from '../../mail/templates';
import { issueEasyPayLink, issueMagicLink, newLinkSecrets } from '../auth';
import { calendarDate } from '../dates';
import type { DbOrTx } from '../../db/client';
import { DomainError } from '../errors';
import { easyPayReturnTo, targetSegment } from '../invoices';
import { queueEmail, readerLocale } from '../notifications';
import { getSettings } from '../settings';
import { customerEvent, contactOf, customerOf, limitStaffEmails, type ActionDeps, type StaffActing } from './core';

export interface LinkRequest {
  contactId: string;
  kind: 'sign_in' | 'easy_pay';
  invoices?: string[] | undefined;
}

/** The customer's open invoices (all, or those named: each must be this customer's and still owed). */
async function owingInvoices(db: DbOrTx, customerId: string, ids: string[] | undefined) {
  const rows = await db
    .select()
    .from(invoices)
    .where(
      and(
        eq(invoices.customerId, customerId),
        isNull(invoices.voidedAt),
        gt(invoices.balance, 0),
        ids ? inArray(invoices.id, ids) : undefined,
      ),
    )
    .orderBy(asc(invoices.dueDate), asc(invoices.id))
    .all();
  if (ids && rows.length !== new Set(ids).size) {
    throw new DomainError('invalid_request', 'Every invoice must be an open invoice of this customer.');
  }
  if (rows.length === 0) throw new DomainError('invalid_request', 'This customer has no open invoice to pay.');
  return rows;
}

export async function sendCustomerLink(
  { db, config, clock }: ActionDeps,
  customerId: string,
  request: LinkRequest,
  by: StaffActing,
): Promise<EmailsQueued> {
  // Hashing a sign-in code is slow: done before the transaction, as the sign-in job does.
  const now = clock.now();
  await limitStaffEmails(db, `contact:${request.contactId}`, by, now);
  const secrets = request.kind === 'sign_in' ? await newLinkSecrets() : null;
  return db.transaction(async (tx) => {
    const customer = await customerOf(tx, customerId);
    const contact = await contactOf(tx, customerId, request.contactId, 'body');
    const company = await getSettings(tx, config);
    const returnTo = easyPayReturnTo(company.portalUrl, config);
    const numbers: string[] = [];
    if (secrets) {
      const link = { email: contact.email, audience: 'customer' as const, returnTo, target: null, nonceHash: null };
      await issueMagicLink(tx, config, link, secrets, now);
    } else {
      const locale = await readerLocale(tx, { email: contact.email }, customerId, company);
      const today = calendarDate(now, company.timeZone);
      for (const invoice of await owingInvoices(tx, customerId, request.invoices)) {
        const target = `pay/${targetSegment(invoice.number)}`;
        const link = { email: contact.email, returnTo, target, invoiceIds: [invoice.id] };
        const payUrl = (await issueEasyPayLink(tx, config, link, now))!;
        const content = invoiceEmail({
          company: company.companyName,
          to: contact.email,
          number: invoice.number,
          customerName: customer.name,
          amountDue: invoice.balance,
          currency: invoice.currency,
          dueDate: invoice.dueDate,
          pastDue: invoice.dueDate < today,
          payUrl,
          payLinkDays: config.EASY_PAY_TTL_DAYS,
          supportEmail: company.supportEmail,
          footer: { address: company.companyAddress, portalUrl: company.portalUrl },
          locale,
        });
        await queueEmail(tx, { ...content, attachments: [{ type: 'invoice_pdf', invoiceId: invoice.id }] }, now);
        numbers.push(invoice.number);
      }
    }
    await customerEvent(
      tx,
      by,
      customerId,
      {
        type: 'customer.link_sent',
        subject: { type: 'contact', id: contact.id },
        data: { contact: contact.email, kind: request.kind, ...(secrets ? {} : { invoices: numbers }) },
      },
      now,
    );
    return { sent: secrets ? 1 : numbers.length };
  });
}
