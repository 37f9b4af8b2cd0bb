/**
 * Emailing a customer's statement of account. The outbox has no statement PDF attachment, so the email
 * carries the period's totals and balance and asks the reader to sign in to the portal for the rest.
 */
import { asc, eq } from 'drizzle-orm';
import type { EmailsQueued } from '../../contract';
import { contacts } from '../../db/schema';
import { statementEmail } from '../../mail/staff-action-templates';
import { addDays, calendarDate, daysBetween } from '../dates';
import { DomainError } from '../errors';
import { buildStatement } from '../invoices';
import { queueEmail, readerLocale } from '../notifications';
import { getSettings } from '../settings';
import { customerEvent, contactOf, customerOf, limitStaffEmails, type ActionDeps, type StaffActing } from './core';

export interface StatementRequest {
  contactId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** To one contact, or every contact; for `from`..`to`, by default the 90 days up to today. */
export async function sendStatement(
  { db, config, clock }: ActionDeps,
  customerId: string,
  request: StatementRequest,
  by: StaffActing,
): Promise<EmailsQueued> {
  const now = clock.now();
  await limitStaffEmails(db, request.contactId ? `contact:${request.contactId}` : `customer:${customerId}`, by, now);
  return db.transaction(async (tx) => {
    const customer = await customerOf(tx, customerId);
    const recipients = request.contactId
      ? [await contactOf(tx, customerId, request.contactId, 'body')]
      : await tx
          .select()
          .from(contacts)
          .where(eq(contacts.customerId, customerId))
          .orderBy(asc(contacts.email), asc(contacts.id))
          .all();
    if (recipients.length === 0)
      throw new DomainError('invalid_request', 'This customer has no contact to send it to.');
    const company = await getSettings(tx, config);
    const to = request.to ?? calendarDate(now, company.timeZone);
    const from = request.from ?? addDays(to, -90);
    if (from > to) throw new DomainError('invalid_request', '`from` must be on or before `to`.');
    if (daysBetween(from, to) > 3660) throw new DomainError('invalid_request', 'A statement covers ten years at most.');
    const s = await buildStatement(tx, company, { accountId: customerId, from, to });
    const totals = { opening: s.openingBalance, ...s.totals, closing: s.closingBalance };
    for (const contact of recipients) {
      const content = statementEmail({
        company: company.companyName,
        to: contact.email,
        customerName: customer.name,
        currency: s.currency,
        period: { from, to },
        totals,
        supportEmail: company.supportEmail,
        footer: { address: company.companyAddress, portalUrl: company.portalUrl },
        locale: await readerLocale(tx, { email: contact.email }, customerId, company),
      });
      await queueEmail(tx, { ...content, attachments: [{ type: 'statement_pdf', customerId, from, to }] }, now);
    }
    await customerEvent(
      tx,
      by,
      customerId,
      {
        type: 'statement.sent',
        data: { recipients: recipients.map((c) => c.email), from, to, closingBalance: s.closingBalance },
      },
      now,
    );
    return { sent: recipients.length };
  });
}
