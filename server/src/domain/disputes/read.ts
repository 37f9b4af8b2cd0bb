/**
 * Reading disputes: the one a session may see (its account's, and for an Easy Pay session only its
 * link's invoices'), the view the API answers with, and the lists for customers and staff.
 */
import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type {
  DisputeAttachmentType,
  DisputeLineView,
  DisputeStatus,
  DisputeSummary,
  DisputeView,
} from '../../contract';
import type { DbOrTx } from '../../db/client';
import {
  creditNotes,
  customers,
  disputeAttachments,
  disputeLines,
  disputeMessages,
  disputes,
  invoiceLines,
  invoices,
  staffUsers,
} from '../../db/schema';
import type { AuthSession } from '../auth';
import { notFound } from '../errors';
import { accountFor } from '../invoices';

export type DisputeRow = typeof disputes.$inferSelect;

/** Open or under review: the invoice is disputed, and the thread takes replies. */
export const STANDING: readonly DisputeStatus[] = ['open', 'under_review'];
export const isStanding = (status: DisputeStatus) => STANDING.includes(status);

/** The dispute, if this customer session may see it; another account's looks exactly like none. */
export async function visibleDispute(db: DbOrTx, session: AuthSession, id: string): Promise<DisputeRow> {
  const row = await db.select().from(disputes).where(eq(disputes.id, id)).get();
  const visible =
    row &&
    (session.audience === 'staff' ||
      (session.accounts.some((a) => a.id === row.customerId) &&
        (session.scopeInvoiceIds === null || session.scopeInvoiceIds.includes(row.invoiceId))));
  if (!visible) throw notFound('No such dispute.');
  return row;
}

/** The dispute's lines beside the invoice lines they question, in line order. */
async function lineViews(db: DbOrTx, dispute: DisputeRow): Promise<DisputeLineView[]> {
  const rows = await db
    .select({ line: disputeLines, invoiceLine: invoiceLines })
    .from(disputeLines)
    .innerJoin(
      invoiceLines,
      and(eq(invoiceLines.invoiceId, dispute.invoiceId), eq(invoiceLines.lineNo, disputeLines.lineNo)),
    )
    .where(eq(disputeLines.disputeId, dispute.id))
    .orderBy(asc(disputeLines.lineNo))
    .all();
  return rows.map(({ line, invoiceLine }) => ({
    line: line.lineNo,
    description: invoiceLine.description,
    lineQuantity: invoiceLine.quantityMilli / 1000,
    lineAmount: invoiceLine.amount + invoiceLine.tax,
    reason: line.reason,
    quantity: line.quantityMilli === null ? null : line.quantityMilli / 1000,
    amount: line.amount,
    note: line.note,
  }));
}

/** What may be paid without waiting: the balance less what a standing dispute questions. */
export function undisputedOf(status: DisputeStatus, amount: number, balance: number): number {
  return isStanding(status) ? Math.max(0, balance - amount) : Math.max(0, balance);
}

/** The dispute as the API shows it; `staff` adds the internal notes. */
export async function disputeView(db: DbOrTx, dispute: DisputeRow, staff = false): Promise<DisputeView> {
  const invoice = (await db
    .select({
      id: invoices.id,
      number: invoices.number,
      currency: invoices.currency,
      total: invoices.total,
      balance: invoices.balance,
      dueDate: invoices.dueDate,
    })
    .from(invoices)
    .where(eq(invoices.id, dispute.invoiceId))
    .get())!;
  const messages = await db
    .select()
    .from(disputeMessages)
    .where(and(eq(disputeMessages.disputeId, dispute.id), staff ? undefined : eq(disputeMessages.internal, false)))
    .orderBy(asc(disputeMessages.createdAt), asc(disputeMessages.id))
    .all();
  const attachments = await db
    .select({
      id: disputeAttachments.id,
      name: disputeAttachments.name,
      type: disputeAttachments.type,
      size: disputeAttachments.size,
      messageId: disputeAttachments.messageId,
      uploadedBy: disputeAttachments.uploadedBy,
      createdAt: disputeAttachments.createdAt,
    })
    .from(disputeAttachments)
    .where(eq(disputeAttachments.disputeId, dispute.id))
    .orderBy(asc(disputeAttachments.createdAt), asc(disputeAttachments.id))
    .all();
  const assignee = dispute.assigneeId
    ? await db
        .select({ id: staffUsers.id, name: staffUsers.name })
        .from(staffUsers)
        .where(eq(staffUsers.id, dispute.assigneeId))
        .get()
    : undefined;
  const credits = dispute.creditNoteId
    ? await db
        .select({
          id: creditNotes.id,
          number: creditNotes.number,
          amount: creditNotes.amount,
          invoiceId: creditNotes.invoiceId,
        })
        .from(creditNotes)
        .where(eq(creditNotes.disputeId, dispute.id))
        .all()
    : [];
  const main = credits.find((c) => c.id === dispute.creditNoteId);
  const account = await db
    .select({ name: customers.name })
    .from(customers)
    .where(eq(customers.id, dispute.customerId))
    .get();
  return {
    id: dispute.id,
    accountId: dispute.customerId,
    accountName: account?.name ?? '',
    invoice,
    status: dispute.status,
    amount: dispute.amount,
    currency: invoice.currency,
    undisputed: undisputedOf(dispute.status, dispute.amount, invoice.balance),
    lines: await lineViews(db, dispute),
    messages: messages.map((m) => ({
      id: m.id,
      author: { type: m.authorType, name: m.authorName },
      body: m.body,
      internal: m.internal,
      createdAt: m.createdAt.toISOString(),
    })),
    attachments: attachments.map((a) => ({
      ...a,
      type: a.type as DisputeAttachmentType,
      createdAt: a.createdAt.toISOString(),
    })),
    assignee: assignee ?? null,
    resolution: main
      ? {
          creditNoteId: main.id,
          creditNoteNumber: main.number,
          creditAmount: credits.reduce((sum, c) => sum + c.amount, 0),
          accountCredit: credits.reduce((sum, c) => sum + (c.invoiceId ? 0 : c.amount), 0),
          note: dispute.resolutionNote ?? '',
        }
      : null,
    rejectionReason: dispute.rejectionReason,
    openedBy: dispute.openedBy,
    createdAt: dispute.createdAt.toISOString(),
    updatedAt: dispute.updatedAt.toISOString(),
    closedAt: dispute.closedAt?.toISOString() ?? null,
  };
}

/** A list's rows: each dispute's view without its thread (lists hold at most `LIST_LIMIT`). */
async function summaries(db: DbOrTx, rows: DisputeRow[], staff: boolean): Promise<DisputeSummary[]> {
  const items: DisputeSummary[] = [];
  for (const row of rows) {
    const { messages, attachments, ...view } = await disputeView(db, row, staff);
    items.push({ ...view, messageCount: messages.length, attachmentCount: attachments.length });
  }
  return items;
}

/** The most a list answers with: the newest. */
export const LIST_LIMIT = 200;

async function newest(db: DbOrTx, where: (SQL | undefined)[]): Promise<DisputeRow[]> {
  return db
    .select()
    .from(disputes)
    .where(and(...where))
    .orderBy(desc(disputes.createdAt), desc(disputes.id))
    .limit(LIST_LIMIT)
    .all();
}

/** `GET /disputes`: an account's disputes, newest first. */
export async function listDisputes(
  db: DbOrTx,
  session: AuthSession,
  query: { account?: string | undefined; status?: DisputeStatus | undefined; invoice?: string | undefined },
): Promise<DisputeSummary[]> {
  const accountId = accountFor(session, query.account);
  const rows = await newest(db, [
    eq(disputes.customerId, accountId),
    query.status ? eq(disputes.status, query.status) : undefined,
    query.invoice ? eq(disputes.invoiceId, query.invoice) : undefined,
    session.scopeInvoiceIds ? inArray(disputes.invoiceId, session.scopeInvoiceIds) : undefined,
  ]);
  return summaries(db, rows, false);
}

/** `GET /admin/disputes`: every account's, newest first; `assignee: 'me'` is the reader's own. */
export async function listStaffDisputes(
  db: DbOrTx,
  session: AuthSession,
  query: { status?: DisputeStatus | undefined; assignee?: string | undefined; account?: string | undefined },
): Promise<DisputeSummary[]> {
  const assignee = query.assignee === 'me' ? (session.staffUserId ?? '') : query.assignee;
  const rows = await newest(db, [
    query.status ? eq(disputes.status, query.status) : undefined,
    assignee ? eq(disputes.assigneeId, assignee) : undefined,
    query.account ? eq(disputes.customerId, query.account) : undefined,
  ]);
  return summaries(db, rows, true);
}

/** A staff member may see every dispute. */
export async function staffDispute(db: DbOrTx, id: string): Promise<DisputeRow> {
  const row = await db.select().from(disputes).where(eq(disputes.id, id)).get();
  if (!row) throw notFound('No such dispute.');
  return row;
}
