/**
 * Disputes and credit notes for the ERP: as the ERP sees them, and the pull feeds of those that changed
 * (subject-feed.ts). Webhook deliveries of `dispute.*` and `credit_note.created` show them through the
 * same functions.
 */
import { eq, inArray } from 'drizzle-orm';
import type { ErpCreditNote, ErpCreditNoteFeed, ErpDispute, ErpDisputeFeed } from '../../contract/erp';
import type { Db, DbOrTx } from '../../db/client';
import { creditNotes, customers, disputes, invoices } from '../../db/schema';
import { disputeView } from '../disputes';
import { changedSubjects } from './subject-feed';

/** The disputes with these ids, in the order given; unknown ids are left out. */
export async function erpDisputes(db: DbOrTx, ids: readonly string[]): Promise<ErpDispute[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ dispute: disputes, customerExternalId: customers.externalId, invoiceExternalId: invoices.externalId })
    .from(disputes)
    .innerJoin(customers, eq(customers.id, disputes.customerId))
    .innerJoin(invoices, eq(invoices.id, disputes.invoiceId))
    .where(inArray(disputes.id, [...ids]))
    .all();
  const byId = new Map<string, ErpDispute>();
  for (const { dispute, customerExternalId, invoiceExternalId } of rows) {
    const { accountId, invoice, messages: _messages, attachments, ...view } = await disputeView(db, dispute);
    byId.set(dispute.id, {
      ...view,
      customerId: accountId,
      customerExternalId,
      invoice: { ...invoice, externalId: invoiceExternalId },
      attachmentCount: attachments.length,
    });
  }
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function listErpDisputes(db: Db, input: { since?: string; limit: number }): Promise<ErpDisputeFeed> {
  const { ids, ...page } = await changedSubjects(db, 'dispute', 'dispute.', input);
  return { items: await erpDisputes(db, ids), ...page };
}

/** The credit notes with these ids, in the order given. */
export async function erpCreditNotes(db: DbOrTx, ids: readonly string[]): Promise<ErpCreditNote[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      note: creditNotes,
      customerExternalId: customers.externalId,
      invoiceNumber: invoices.number,
      invoiceExternalId: invoices.externalId,
    })
    .from(creditNotes)
    .innerJoin(customers, eq(customers.id, creditNotes.customerId))
    .leftJoin(invoices, eq(invoices.id, creditNotes.invoiceId))
    .where(inArray(creditNotes.id, [...ids]))
    .all();
  const byId = new Map<string, ErpCreditNote>(
    rows.map(({ note, customerExternalId, invoiceNumber, invoiceExternalId }) => [
      note.id,
      {
        id: note.id,
        number: note.number,
        customerId: note.customerId,
        customerExternalId,
        invoice:
          note.invoiceId && invoiceNumber
            ? { id: note.invoiceId, number: invoiceNumber, externalId: invoiceExternalId }
            : null,
        amount: note.amount,
        currency: note.currency,
        issueDate: note.issueDate,
        reason: note.reason,
        externalId: note.externalId,
        disputeId: note.disputeId,
        createdAt: note.createdAt.toISOString(),
      },
    ]),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function listErpCreditNotes(db: Db, input: { since?: string; limit: number }): Promise<ErpCreditNoteFeed> {
  const { ids, ...page } = await changedSubjects(db, 'credit_note', 'credit_note.', input);
  return { items: await erpCreditNotes(db, ids), ...page };
}
