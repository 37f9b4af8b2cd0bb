/** One of the session's invoices in full: lines, payments and credit applied, its history. */
import { and, asc, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { DisputeStatus, InvoiceDetail, InvoiceHistoryEntry } from '../../contract';
import type { DbOrTx } from '../../db/client';
import {
  allocations,
  creditNoteAllocations,
  creditNotes,
  disputes,
  events,
  invoiceLines,
  invoices,
  payments,
} from '../../db/schema';
import { notFound } from '../errors';
import type { AuthSession } from '../auth';
import { calendarDate } from '../dates';
import { formatMoney } from '../money';
import { inFlightFor, openPromiseColumns, receiptNumber } from '../ledger';
import { summary } from './invoices';

/** One of the session's invoices by id (`inv_…`) or number (`INV-1042`); 404 for anything else. */
export async function findInvoiceForSession(db: DbOrTx, session: AuthSession, idOrNumber: string) {
  const row = await db
    .select()
    .from(invoices)
    .where(or(eq(invoices.id, idOrNumber), eq(invoices.number, idOrNumber)))
    .get();
  const visible =
    row &&
    session.accounts.some((a) => a.id === row.customerId) &&
    (!session.scopeInvoiceIds || session.scopeInvoiceIds.includes(row.id));
  if (!visible) throw notFound(`No invoice ${idOrNumber} on your account.`);
  return row;
}

const HISTORY_LABELS: Record<string, string> = {
  'invoice.created': 'Invoice issued',
  'invoice.updated': 'Invoice updated',
  'invoice.voided': 'Invoice voided',
  'invoice.sent': 'Invoice emailed',
  'dispute.opened': 'Dispute opened',
  'dispute.under_review': 'Dispute under review',
  'dispute.resolved': 'Dispute resolved',
  'dispute.rejected': 'Dispute rejected',
  'dispute.withdrawn': 'Dispute withdrawn',
};

const DISPUTE_STEPS = [
  'dispute.opened',
  'dispute.under_review',
  'dispute.resolved',
  'dispute.rejected',
  'dispute.withdrawn',
];

/** The standing one of an invoice's disputes (at most one is open or under review), as summary columns. */
function standingDispute(all: readonly { id: string; status: DisputeStatus; amount: number }[]) {
  const open = all.find((d) => d.status === 'open' || d.status === 'under_review');
  return {
    disputeId: open?.id ?? null,
    disputeStatus: (open?.status ?? null) as 'open' | 'under_review' | null,
    disputeAmount: open?.amount ?? null,
  };
}

/** The whole invoice: lines, what was applied to it, and what happened to it, for the detail view. */
export async function invoiceDetail(
  db: DbOrTx,
  session: AuthSession,
  idOrNumber: string,
  today: string,
  timeZone: string,
): Promise<InvoiceDetail> {
  const invoice = await findInvoiceForSession(db, session, idOrNumber);
  const disputed = await db
    .select({ id: disputes.id, status: disputes.status, amount: disputes.amount })
    .from(disputes)
    .where(eq(disputes.invoiceId, invoice.id))
    .orderBy(desc(disputes.createdAt), desc(disputes.id))
    .all();
  const promised = await db.select(openPromiseColumns).from(invoices).where(eq(invoices.id, invoice.id)).get();
  const lines = await db
    .select()
    .from(invoiceLines)
    .where(eq(invoiceLines.invoiceId, invoice.id))
    .orderBy(asc(invoiceLines.lineNo))
    .all();
  const applied = await db
    .select({
      paymentId: payments.id,
      method: payments.method,
      reference: payments.providerRef,
      amount: allocations.amount,
      at: allocations.createdAt,
    })
    .from(allocations)
    .innerJoin(payments, eq(payments.id, allocations.paymentId))
    .where(and(eq(allocations.invoiceId, invoice.id), isNull(allocations.reversedAt)))
    .orderBy(asc(allocations.createdAt), asc(allocations.id))
    .all();
  const issuedHere = (
    await db
      .select()
      .from(creditNotes)
      .where(eq(creditNotes.invoiceId, invoice.id))
      .orderBy(asc(creditNotes.issueDate), asc(creditNotes.id))
      .all()
  ).map((c) => ({ ...c, date: c.issueDate }));
  // Loose credit notes the payer used on this invoice along with a payment.
  const usedHere = (
    await db
      .select({ note: creditNotes, amount: creditNoteAllocations.amount, at: creditNoteAllocations.createdAt })
      .from(creditNoteAllocations)
      .innerJoin(creditNotes, eq(creditNotes.id, creditNoteAllocations.creditNoteId))
      .where(and(eq(creditNoteAllocations.invoiceId, invoice.id), isNull(creditNoteAllocations.reversedAt)))
      .orderBy(asc(creditNoteAllocations.createdAt), asc(creditNoteAllocations.id))
      .all()
  ).map((u) => ({ ...u.note, amount: u.amount, createdAt: u.at, date: calendarDate(u.at, timeZone) }));
  const credits = [...issuedHere, ...usedHere];
  const recorded = await db
    .select({ type: events.type, at: events.createdAt })
    .from(events)
    .where(
      or(
        and(eq(events.subjectType, 'invoice'), eq(events.subjectId, invoice.id)),
        disputed.length
          ? and(
              eq(events.subjectType, 'dispute'),
              inArray(
                events.subjectId,
                disputed.map((d) => d.id),
              ),
              // The dispute's steps only: its thread (staff's internal notes too) is not the invoice's history.
              inArray(events.type, DISPUTE_STEPS),
            )
          : undefined,
      ),
    )
    .orderBy(asc(events.id))
    .all();

  const history: InvoiceHistoryEntry[] = [
    ...recorded.map((e) => ({ at: e.at.toISOString(), type: e.type, label: HISTORY_LABELS[e.type] ?? e.type })),
    ...applied.map((a) => ({
      at: a.at.toISOString(),
      type: 'payment.applied',
      label: `Payment of ${formatMoney(a.amount, invoice.currency)} applied`,
    })),
    ...credits.map((c) => ({
      at: c.createdAt.toISOString(),
      type: 'credit.applied',
      label: `Credit note ${c.number} for ${formatMoney(c.amount, invoice.currency)} applied`,
    })),
  ].sort((a, b) => a.at.localeCompare(b.at));

  const account = session.accounts.find((a) => a.id === invoice.customerId)!;
  return {
    ...summary(
      {
        ...invoice,
        accountId: invoice.customerId,
        ...standingDispute(disputed),
        promiseId: promised?.promiseId ?? null,
        promisedDate: promised?.promisedDate ?? null,
      },
      today,
      (await inFlightFor(db, [invoice.id])).get(invoice.id),
    ),
    accountName: account.name,
    subtotal: invoice.subtotal,
    taxTotal: invoice.taxTotal,
    amountPaid: invoice.amountPaid,
    amountCredited: invoice.amountCredited,
    lines: lines.map((l) => ({
      lineNo: l.lineNo,
      description: l.description,
      sku: l.sku,
      quantity: l.quantityMilli / 1000,
      unitPrice: l.unitPrice,
      amount: l.amount,
      tax: l.tax,
    })),
    payments: applied.map((a) => ({
      paymentId: a.paymentId,
      receiptNumber: receiptNumber(a.paymentId),
      date: calendarDate(a.at, timeZone),
      method: a.method,
      reference: a.reference,
      amount: a.amount,
    })),
    credits: credits.map((c) => ({
      creditNoteId: c.id,
      number: c.number,
      date: c.date,
      amount: c.amount,
      reason: c.reason,
    })),
    history,
    disputes: disputed,
  };
}
