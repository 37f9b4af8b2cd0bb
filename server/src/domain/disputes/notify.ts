/**
 * Who hears of a dispute, and the emails they get: the customer at every step (with a link that opens
 * the dispute), the routing addresses of the lines' reasons and the account's collector when it is
 * opened, the assignee when the customer writes or withdraws. Every email goes through the outbox in
 * the transaction of the change it tells of.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Config } from '../../config';
import type { DbOrTx } from '../../db/client';
import { customers, disputeAttachments, disputeLines, invoiceLines, invoices, staffUsers } from '../../db/schema';
import {
  disputeCustomerEmail,
  disputeStaffNotice,
  type DisputeCustomerStep,
  type DisputeEmailLine,
} from '../../mail/dispute-templates';
import { issueEasyPayLink } from '../auth';
import { collectorRecipients, easyPayReturnTo, recipientsOf } from '../invoices';
import { queueEmail, readerLocale } from '../notifications';
import type { CompanySettings } from '../settings';
import type { DisputeRow } from './read';

export interface NotifyContext {
  tx: DbOrTx;
  config: Config;
  company: CompanySettings;
  now: Date;
}

/** The dispute's invoice and account, as emails name them. */
async function subjectOf(tx: DbOrTx, dispute: DisputeRow) {
  const invoice = (await tx
    .select({ number: invoices.number, currency: invoices.currency, balance: invoices.balance })
    .from(invoices)
    .where(eq(invoices.id, dispute.invoiceId))
    .get())!;
  const customer = (await tx
    .select({ name: customers.name })
    .from(customers)
    .where(eq(customers.id, dispute.customerId))
    .get())!;
  return { ...invoice, customerName: customer.name };
}

/** The disputed lines as emails list them. */
export async function emailLines(tx: DbOrTx, dispute: DisputeRow): Promise<DisputeEmailLine[]> {
  const rows = await tx
    .select({ line: disputeLines, description: invoiceLines.description })
    .from(disputeLines)
    .innerJoin(
      invoiceLines,
      and(eq(invoiceLines.invoiceId, dispute.invoiceId), eq(invoiceLines.lineNo, disputeLines.lineNo)),
    )
    .where(eq(disputeLines.disputeId, dispute.id))
    .orderBy(asc(disputeLines.lineNo))
    .all();
  return rows.map(({ line, description }) => ({
    description,
    reason: line.reason,
    quantity: line.quantityMilli === null ? null : line.quantityMilli / 1000,
    amount: line.amount,
    note: line.note,
  }));
}

/** The contact who opened it, while still a contact; else every contact of the account. */
async function customerRecipients(tx: DbOrTx, dispute: DisputeRow): Promise<string[]> {
  const all = await recipientsOf(tx, dispute.customerId);
  return dispute.openedBy && all.includes(dispute.openedBy) ? [dispute.openedBy] : all;
}

/** Emails the customer about a step, each recipient with their own link to the dispute. */
export async function tellCustomer(c: NotifyContext, dispute: DisputeRow, step: DisputeCustomerStep): Promise<void> {
  const about = await subjectOf(c.tx, dispute);
  const returnTo = easyPayReturnTo(c.company.portalUrl, c.config);
  for (const to of await customerRecipients(c.tx, dispute)) {
    // A link scoped to the disputed invoice, landing on the dispute: never a full sign-in by email.
    const disputeUrl = await issueEasyPayLink(
      c.tx,
      c.config,
      { email: to, returnTo, target: `disputes/${dispute.id}`, invoiceIds: [dispute.invoiceId] },
      c.now,
    );
    if (!disputeUrl) continue;
    const content = disputeCustomerEmail({
      company: c.company.companyName,
      to,
      customerName: about.customerName,
      currency: about.currency,
      supportEmail: c.company.supportEmail,
      footer: { address: c.company.companyAddress, portalUrl: c.company.portalUrl },
      locale: await readerLocale(c.tx, { email: to }, dispute.customerId, c.company),
      invoiceNumber: about.number,
      amount: dispute.amount,
      disputeUrl,
      ...step,
    });
    await queueEmail(c.tx, content, c.now);
  }
}

/** The addresses the company routes the lines' reasons to (settings `disputeRouting`). */
export function routedAddresses(company: CompanySettings, reasons: readonly string[]): string[] {
  const { teams, reasons: routes } = company.disputeRouting;
  return reasons
    .flatMap((r) => (routes[r as keyof typeof routes] ?? []).map((team) => teams[team] ?? ''))
    .filter(Boolean);
}

/** The assignee while active, else the account's collector (or every collector, else the admins). */
export async function assigneeRecipients(tx: DbOrTx, dispute: DisputeRow): Promise<string[]> {
  if (dispute.assigneeId) {
    const assignee = await tx
      .select({ email: staffUsers.email, active: staffUsers.active })
      .from(staffUsers)
      .where(eq(staffUsers.id, dispute.assigneeId))
      .get();
    if (assignee?.active) return [assignee.email];
  }
  return collectorRecipients(tx, dispute.customerId);
}

/** Tells staff of a new dispute, a customer's reply or a withdrawal, each address once. */
export async function tellStaff(
  c: NotifyContext,
  dispute: DisputeRow,
  event: 'opened' | 'message' | 'withdrawn',
  recipients: readonly string[],
  message: string | null,
): Promise<void> {
  const about = await subjectOf(c.tx, dispute);
  const lines = await emailLines(c.tx, dispute);
  const attachments = (
    await c.tx
      .select({ id: disputeAttachments.id })
      .from(disputeAttachments)
      .where(eq(disputeAttachments.disputeId, dispute.id))
      .all()
  ).length;
  for (const to of new Set(recipients.map((r) => r.toLowerCase()))) {
    const content = disputeStaffNotice({
      company: c.company.companyName,
      to,
      locale: c.company.locale,
      currency: about.currency,
      customerName: about.customerName,
      invoiceNumber: about.number,
      amount: dispute.amount,
      event,
      lines,
      message,
      openedBy: dispute.openedBy,
      attachments,
    });
    await queueEmail(c.tx, content, c.now);
  }
}

/** The invoice's balance now, for the steps that tell it (resolved, rejected, withdrawn). */
export async function balanceOf(tx: DbOrTx, dispute: DisputeRow): Promise<number> {
  return (await subjectOf(tx, dispute)).balance;
}
