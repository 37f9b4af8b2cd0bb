/**
 * Opening a dispute: the invoice lines in question, checked against the invoice inside the write
 * transaction that records them (one standing dispute per invoice: the check here, and the partial
 * unique index behind it), with its first message, its `dispute.opened` event and its emails.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { DisputeRequestBody, DisputeView } from '../../contract';
import { newId } from '../../crypto';
import type { DbOrTx } from '../../db/client';
import {
  customers,
  disputeLines,
  disputeMessages,
  disputes,
  invoiceLines,
  invoices,
  staffUsers,
} from '../../db/schema';
import type { AuthSession } from '../auth';
import { DomainError, notFound } from '../errors';
import { refreshCustomerAggregates } from '../ar-aggregates';
import { recordEvent, type Actor } from '../events';
import type { DisputeDeps } from './deps';
import { assigneeRecipients, emailLines, routedAddresses, tellCustomer, tellStaff } from './notify';
import { disputeView, STANDING, undisputedOf } from './read';

/** The invoice, if this session may dispute it: its account's, and inside an Easy Pay link's scope. */
async function disputableInvoice(tx: DbOrTx, session: AuthSession, invoiceId: string) {
  const invoice = await tx.select().from(invoices).where(eq(invoices.id, invoiceId)).get();
  const inScope =
    invoice &&
    session.accounts.some((a) => a.id === invoice.customerId) &&
    (session.scopeInvoiceIds === null || session.scopeInvoiceIds.includes(invoice.id));
  if (!inScope) throw notFound(`No invoice ${invoiceId} on this account.`);
  if (invoice.voidedAt) throw new DomainError('invoice_not_disputable', `Invoice ${invoice.number} is void.`);
  if (invoice.balance <= 0) {
    throw new DomainError('invoice_not_disputable', `Invoice ${invoice.number} is paid; there is nothing to dispute.`);
  }
  const standing = await tx
    .select({ id: disputes.id })
    .from(disputes)
    .where(and(eq(disputes.invoiceId, invoice.id), inArray(disputes.status, [...STANDING])))
    .get();
  if (standing) {
    throw new DomainError('invoice_disputed', `Invoice ${invoice.number} is already under an open dispute.`);
  }
  return invoice;
}

/** Each line asked for, checked against the invoice's own: it exists, once, and no more is disputed than it holds. */
async function checkedLines(tx: DbOrTx, invoiceId: string, number: string, lines: DisputeRequestBody['lines']) {
  const own = new Map(
    (await tx.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoiceId)).all()).map((l) => [l.lineNo, l]),
  );
  const seen = new Set<number>();
  return lines.map((asked) => {
    const line = own.get(asked.line);
    if (!line) throw new DomainError('dispute_line_invalid', `Invoice ${number} has no line ${asked.line}.`);
    if (seen.has(asked.line)) throw new DomainError('dispute_line_invalid', `Line ${asked.line} is listed twice.`);
    seen.add(asked.line);
    const most = line.amount + line.tax;
    if (asked.amount > most) {
      throw new DomainError(
        'dispute_amount_too_large',
        `Line ${asked.line} is ${most} with its tax; dispute at most that.`,
      );
    }
    const quantityMilli = asked.quantity === undefined ? null : Math.round(asked.quantity * 1000);
    if (quantityMilli !== null && quantityMilli > line.quantityMilli) {
      throw new DomainError(
        'dispute_amount_too_large',
        `Line ${asked.line} has a quantity of ${line.quantityMilli / 1000}; dispute at most that.`,
      );
    }
    const note = asked.note?.trim() ? asked.note.trim() : null;
    return { lineNo: asked.line, reason: asked.reason, quantityMilli, amount: asked.amount, note };
  });
}

/** The account's collector, when one is set and active: the dispute's first assignee. */
async function collectorOf(tx: DbOrTx, customerId: string): Promise<string | null> {
  const row = await tx
    .select({ id: staffUsers.id, active: staffUsers.active })
    .from(customers)
    .innerJoin(staffUsers, eq(staffUsers.id, customers.collectorId))
    .where(eq(customers.id, customerId))
    .get();
  return row?.active ? row.id : null;
}

/** `POST /disputes`. */
export async function openDispute(
  deps: DisputeDeps,
  session: AuthSession,
  body: DisputeRequestBody,
  requestId: string | null,
): Promise<DisputeView> {
  const now = deps.clock.now();
  const company = await deps.settings.get(deps.db);
  return deps.db.transaction(async (tx) => {
    const invoice = await disputableInvoice(tx, session, body.invoice);
    const lines = await checkedLines(tx, invoice.id, invoice.number, body.lines);
    const amount = lines.reduce((sum, l) => sum + l.amount, 0);
    if (amount > invoice.balance) {
      throw new DomainError(
        'dispute_amount_too_large',
        `The lines dispute ${amount} in all, more than the ${invoice.balance} invoice ${invoice.number} still owes.`,
      );
    }
    const id = newId('dsp');
    const row = {
      id,
      invoiceId: invoice.id,
      customerId: invoice.customerId,
      status: 'open' as const,
      amount,
      openedBy: session.email,
      assigneeId: await collectorOf(tx, invoice.customerId),
      creditNoteId: null,
      resolutionNote: null,
      rejectionReason: null,
      closedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    await tx.insert(disputes).values(row).run();
    await refreshCustomerAggregates(tx, row.customerId);
    await tx
      .insert(disputeLines)
      .values(lines.map((l) => ({ disputeId: id, ...l })))
      .run();
    await tx
      .insert(disputeMessages)
      .values({
        id: newId('dmsg'),
        disputeId: id,
        authorType: 'customer',
        authorEmail: session.email,
        authorName: session.name || null,
        body: body.message,
        internal: false,
        createdAt: now,
      })
      .run();
    const actor: Actor = { type: 'customer', id: session.email };
    await recordEvent(
      tx,
      {
        type: 'dispute.opened',
        actor,
        subject: { type: 'dispute', id },
        customerId: invoice.customerId,
        requestId,
        data: {
          invoiceId: invoice.id,
          invoiceNumber: invoice.number,
          amount,
          currency: invoice.currency,
          lines: lines.map((l) => ({ line: l.lineNo, reason: l.reason, amount: l.amount })),
        },
      },
      now,
    );
    const notify = { tx, config: deps.config, company, now };
    await tellCustomer(notify, row, {
      step: 'opened',
      lines: await emailLines(tx, row),
      message: body.message,
      undisputed: undisputedOf('open', amount, invoice.balance),
    });
    const routed = routedAddresses(company, [...new Set(lines.map((l) => l.reason))]);
    await tellStaff(notify, row, 'opened', [...routed, ...(await assigneeRecipients(tx, row))], body.message);
    return disputeView(tx, row);
  });
}
