/**
 * Credit by staff: applying a customer's unapplied credit to invoices (the credit-only payment the
 * portal refuses, "ask us to apply it") and issuing a credit note from the staff series `CN-S-0001`.
 * Each is one transaction with its event.
 */
import { desc, eq, like, sql } from 'drizzle-orm';
import type { AdminCreditNoteBody, ApplyCreditBody, ApplyCreditResult, CreditNoteView } from '../../contract';
import type { DbOrTx } from '../../db/client';
import { creditNotes, invoices } from '../../db/schema';
import { DomainError, notFound } from '../errors';
import { applyStaffCredit, checkStaffAllocations, type CreditUse, issueCreditNote } from '../ledger';
import { companyToday, customerOf, type MoneyActing, type MoneyDeps, staffActor, staffEvent } from './core';

/**
 * `POST /admin/customers/:id/credit/apply`: the portal's rules for what an invoice may take (the
 * customer's, in the currency, not void, at most its balance less what is in flight) and for credit (at
 * most what there is: `409 credit_insufficient`), then the ledger's `allocate` for each piece, oldest
 * credit first; a `credit.applied` event on the customer lists what went where, and each source has
 * its own (`payment.credit_applied`, `credit_note.applied`), which the ERP's payment and credit note
 * feeds follow.
 */
export async function applyCredit(
  deps: MoneyDeps,
  customerId: string,
  body: ApplyCreditBody,
  by: MoneyActing,
): Promise<ApplyCreditResult> {
  return deps.db.transaction(async (tx) => {
    const customer = await customerOf(tx, customerId);
    const now = deps.clock.now();
    const allocations = body.allocations.map((a) => ({ invoiceId: a.invoiceId, amount: a.amount }));
    const { used, creditLeft } = await applyStaffCredit(
      tx,
      { customerId: customer.id, currency: body.currency, allocations },
      now,
    );
    // Each source changed too: the ERP's payment and credit note feeds follow events on their subjects.
    const bySource = new Map<string, CreditUse[]>();
    for (const u of used) bySource.set(u.source.id, [...(bySource.get(u.source.id) ?? []), u]);
    for (const [id, pieces] of bySource) {
      const type = pieces[0]!.source.type === 'payment' ? 'payment.credit_applied' : 'credit_note.applied';
      const subject = { type: pieces[0]!.source.type, id };
      const applied = pieces.map((p) => ({ invoiceId: p.invoiceId, amount: p.amount }));
      await staffEvent(
        tx,
        by,
        customer.id,
        { type, subject, data: { currency: body.currency, allocations: applied } },
        now,
      );
    }
    await staffEvent(
      tx,
      by,
      customer.id,
      {
        type: 'credit.applied',
        subject: { type: 'customer', id: customer.id },
        data: { currency: body.currency, allocations, sources: used, creditLeft },
      },
      now,
    );
    return { applied: allocations, creditLeft, currency: body.currency };
  });
}

const STAFF_SERIES = 'CN-S-';

/** The next free number of the staff series: one more than the highest, four digits at least. */
async function nextStaffNumber(tx: DbOrTx): Promise<string> {
  const last = await tx
    .select({ number: creditNotes.number })
    .from(creditNotes)
    .where(like(creditNotes.number, `${STAFF_SERIES}%`))
    .orderBy(desc(sql`length(${creditNotes.number})`), desc(creditNotes.number), desc(creditNotes.id))
    .limit(1)
    .get();
  let n = Number(/^CN-S-(\d+)$/.exec(last?.number ?? '')?.[1] ?? 0);
  for (;;) {
    n += 1;
    const number = `${STAFF_SERIES}${String(n).padStart(4, '0')}`;
    const taken = await tx.select({ id: creditNotes.id }).from(creditNotes).where(eq(creditNotes.number, number)).get();
    if (!taken) return number;
  }
}

/** A credit note as the API shows it. */
export async function creditNoteView(db: DbOrTx, id: string): Promise<CreditNoteView> {
  const row = await db
    .select({ note: creditNotes, invoiceNumber: invoices.number })
    .from(creditNotes)
    .leftJoin(invoices, eq(invoices.id, creditNotes.invoiceId))
    .where(eq(creditNotes.id, id))
    .get();
  if (!row) throw notFound('No such credit note.');
  const n = row.note;
  return {
    id: n.id,
    number: n.number,
    customerId: n.customerId,
    invoiceId: n.invoiceId,
    invoiceNumber: row.invoiceNumber ?? null,
    amount: n.amount,
    currency: n.currency,
    reason: n.reason,
    issueDate: n.issueDate,
    unapplied: n.unapplied,
    disputeId: n.disputeId,
    createdAt: n.createdAt.toISOString(),
  };
}

/**
 * `POST /admin/customers/:id/credit-notes`, through the ledger's `issueCreditNote` (its
 * `credit_note.created` event carries it to the ERP feed and webhooks). On an invoice: the customer's
 * (else 404), in its currency, at most what it owes less what payments in flight hold (`422
 * allocation_exceeds_balance`). Without one: new unapplied credit in the customer's currency.
 */
export async function issueStaffCreditNote(
  deps: MoneyDeps,
  customerId: string,
  body: AdminCreditNoteBody,
  by: MoneyActing,
): Promise<CreditNoteView> {
  return deps.db.transaction(async (tx) => {
    const customer = await customerOf(tx, customerId);
    const now = deps.clock.now();
    const { today } = await companyToday(deps, tx);
    if (body.invoiceId) {
      await checkStaffAllocations(tx, customer.id, body.currency, [{ invoiceId: body.invoiceId, amount: body.amount }]);
    } else if (body.currency !== customer.currency) {
      throw new DomainError(
        'invalid_request',
        `This customer's credit is in ${customer.currency}, not ${body.currency}.`,
      );
    }
    const id = await issueCreditNote(
      tx,
      {
        customerId: customer.id,
        invoiceId: body.invoiceId,
        number: await nextStaffNumber(tx),
        amount: body.amount,
        currency: body.currency,
        issueDate: today,
        reason: body.reason,
      },
      staffActor(by),
      now,
    );
    return creditNoteView(tx, id);
  });
}
