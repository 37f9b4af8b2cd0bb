/**
 * A dispute's life after it is opened: the thread (the customer's and staff's messages, staff's
 * internal notes), and its steps: under review, assigned, resolved with a credit note, rejected,
 * withdrawn. Each step is one transaction: the state changes only from the states it may change from
 * (decided in the UPDATE itself, so two staff deciding at once cannot both win), with a line in the
 * thread, its event and its emails.
 */
import { and, count, eq, inArray } from 'drizzle-orm';
import type {
  DisputeMessageView,
  DisputeResolveBody,
  DisputeStatus,
  DisputeView,
  StaffDisputeMessageBody,
} from '../../contract';
import { newId } from '../../crypto';
import type { DbOrTx } from '../../db/client';
import { creditNotes, disputeMessages, disputes, invoices, staffUsers } from '../../db/schema';
import type { AuthSession } from '../auth';
import { calendarDate } from '../dates';
import { DomainError } from '../errors';
import { refreshCustomerAggregates } from '../ar-aggregates';
import { recordEvent, type Actor } from '../events';
import { issueCreditNote } from '../ledger';
import type { CompanySettings } from '../settings';
import type { DisputeDeps } from './deps';
import { assigneeRecipients, balanceOf, tellCustomer, tellStaff, type NotifyContext } from './notify';
import { disputeView, isStanding, staffDispute, STANDING, visibleDispute, type DisputeRow } from './read';

const notOpen = (dispute: DisputeRow, doing: string) =>
  new DomainError(
    'dispute_not_open',
    `This dispute is ${dispute.status.replace('_', ' ')}; it can no longer be ${doing}.`,
  );

function actorOf(session: AuthSession): Actor {
  return session.audience === 'staff'
    ? { type: 'staff', id: session.staffUserId }
    : { type: 'customer', id: session.email };
}

interface Step {
  to: DisputeStatus;
  from: readonly DisputeStatus[];
  /** The words for the refusal: "it can no longer be …". */
  doing: string;
  set?: Partial<typeof disputes.$inferInsert>;
}

/**
 * Moves the dispute to `step.to` if it is still in one of `step.from` (else `409 dispute_not_open`),
 * tells it in the thread, and records `dispute.<to>`.
 */
async function move(
  tx: DbOrTx,
  session: AuthSession,
  dispute: DisputeRow,
  step: Step,
  data: Record<string, unknown>,
  requestId: string | null,
  now: Date,
): Promise<DisputeRow> {
  const closing = step.to === 'resolved' || step.to === 'rejected' || step.to === 'withdrawn';
  const moved = await tx
    .update(disputes)
    .set({ ...step.set, status: step.to, updatedAt: now, ...(closing ? { closedAt: now } : {}) })
    .where(and(eq(disputes.id, dispute.id), inArray(disputes.status, [...step.from])))
    .returning()
    .get();
  if (!moved) throw notOpen(dispute, step.doing);
  // What it puts in question leaves or joins the worklist's figures.
  await refreshCustomerAggregates(tx, moved.customerId);
  await tx
    .insert(disputeMessages)
    .values({
      id: newId('dmsg'),
      disputeId: dispute.id,
      authorType: 'system',
      authorEmail: null,
      authorName: null,
      body: step.to,
      internal: false,
      createdAt: now,
    })
    .run();
  await recordEvent(
    tx,
    {
      type: `dispute.${step.to}`,
      actor: actorOf(session),
      subject: { type: 'dispute', id: dispute.id },
      customerId: dispute.customerId,
      requestId,
      data: { invoiceId: dispute.invoiceId, amount: dispute.amount, ...data },
    },
    now,
  );
  return moved;
}

async function inTransaction<T>(
  deps: DisputeDeps,
  work: (tx: DbOrTx, notify: NotifyContext, company: CompanySettings) => Promise<T>,
): Promise<T> {
  const now = deps.clock.now();
  const company = await deps.settings.get(deps.db);
  return deps.db.transaction((tx) => work(tx, { tx, config: deps.config, company, now }, company));
}

async function addMessage(
  tx: DbOrTx,
  session: AuthSession,
  dispute: DisputeRow,
  body: string,
  internal: boolean,
  requestId: string | null,
  now: Date,
): Promise<DisputeMessageView> {
  const row = {
    id: newId('dmsg'),
    disputeId: dispute.id,
    authorType: session.audience === 'staff' ? ('staff' as const) : ('customer' as const),
    authorEmail: session.email,
    authorName: session.name || null,
    body,
    internal,
    createdAt: now,
  };
  await tx.insert(disputeMessages).values(row).run();
  await tx.update(disputes).set({ updatedAt: now }).where(eq(disputes.id, dispute.id)).run();
  await recordEvent(
    tx,
    {
      type: 'dispute.message',
      actor: actorOf(session),
      subject: { type: 'dispute', id: dispute.id },
      customerId: dispute.customerId,
      requestId,
      data: { messageId: row.id, internal },
    },
    now,
  );
  return {
    id: row.id,
    author: { type: row.authorType, name: row.authorName },
    body,
    internal,
    createdAt: now.toISOString(),
  };
}

/** `POST /disputes/:id/messages`: the customer writes while the dispute stands; its assignee hears. */
export function customerMessage(
  deps: DisputeDeps,
  session: AuthSession,
  id: string,
  body: string,
  requestId: string | null,
): Promise<DisputeMessageView> {
  return inTransaction(deps, async (tx, notify) => {
    const dispute = await visibleDispute(tx, session, id);
    if (!isStanding(dispute.status)) throw notOpen(dispute, 'replied to');
    const message = await addMessage(tx, session, dispute, body, false, requestId, notify.now);
    await tellStaff(notify, dispute, 'message', await assigneeRecipients(tx, dispute), body);
    return message;
  });
}

/** `POST /admin/disputes/:id/messages`: a reply the customer is emailed, or an internal note (any time). */
export function staffMessage(
  deps: DisputeDeps,
  session: AuthSession,
  id: string,
  input: StaffDisputeMessageBody,
  requestId: string | null,
): Promise<DisputeMessageView> {
  return inTransaction(deps, async (tx, notify) => {
    const dispute = await staffDispute(tx, id);
    const internal = input.internal ?? false;
    if (!internal && !isStanding(dispute.status)) throw notOpen(dispute, 'replied to');
    const message = await addMessage(tx, session, dispute, input.body, internal, requestId, notify.now);
    if (!internal)
      await tellCustomer(notify, dispute, { step: 'message', staffName: session.name || null, body: input.body });
    return message;
  });
}

/** `POST /disputes/:id/withdraw`: the customer takes it back; reminders ask for the whole balance again. */
export function withdrawDispute(
  deps: DisputeDeps,
  session: AuthSession,
  id: string,
  requestId: string | null,
): Promise<DisputeView> {
  return inTransaction(deps, async (tx, notify) => {
    const dispute = await visibleDispute(tx, session, id);
    const step = { to: 'withdrawn', from: STANDING, doing: 'withdrawn' } as const;
    const moved = await move(tx, session, dispute, step, {}, requestId, notify.now);
    await tellCustomer(notify, moved, { step: 'withdrawn', balance: await balanceOf(tx, moved) });
    await tellStaff(notify, moved, 'withdrawn', await assigneeRecipients(tx, moved), null);
    return disputeView(tx, moved);
  });
}

/** `POST /admin/disputes/:id/review`: staff take it up; it is assigned to them if nobody has it. */
export function reviewDispute(
  deps: DisputeDeps,
  session: AuthSession,
  id: string,
  requestId: string | null,
): Promise<DisputeView> {
  return inTransaction(deps, async (tx, notify) => {
    const dispute = await staffDispute(tx, id);
    const step = {
      to: 'under_review',
      from: ['open'],
      doing: 'taken up for review',
      set: { assigneeId: dispute.assigneeId ?? session.staffUserId },
    } as const;
    const moved = await move(tx, session, dispute, step, {}, requestId, notify.now);
    await tellCustomer(notify, moved, { step: 'under_review', staffName: session.name || null });
    return disputeView(tx, moved, true);
  });
}

/** `POST /admin/disputes/:id/assign`: an active admin or collector, or nobody; while the dispute stands. */
export function assignDispute(
  deps: DisputeDeps,
  session: AuthSession,
  id: string,
  staffUserId: string | null,
  requestId: string | null,
): Promise<DisputeView> {
  return inTransaction(deps, async (tx, notify) => {
    const dispute = await staffDispute(tx, id);
    if (staffUserId !== null) {
      const user = await tx.select().from(staffUsers).where(eq(staffUsers.id, staffUserId)).get();
      if (!user || !user.active || user.role === 'viewer') {
        throw new DomainError('assignee_invalid', 'Assign the dispute to an active admin or collector.');
      }
    }
    const moved = await tx
      .update(disputes)
      .set({ assigneeId: staffUserId, updatedAt: notify.now })
      .where(and(eq(disputes.id, id), inArray(disputes.status, [...STANDING])))
      .returning()
      .get();
    if (!moved) throw notOpen(dispute, 'assigned');
    await recordEvent(
      tx,
      {
        type: 'dispute.assigned',
        actor: actorOf(session),
        subject: { type: 'dispute', id },
        customerId: dispute.customerId,
        requestId,
        data: { from: dispute.assigneeId, to: staffUserId },
      },
      notify.now,
    );
    return disputeView(tx, moved, true);
  });
}

/** The next free credit note number for the invoice: `CN-<invoice>-<n>`. */
async function creditNoteNumber(tx: DbOrTx, invoiceNumber: string): Promise<string> {
  const prefix = `CN-${invoiceNumber}-`;
  for (let n = 1; ; n++) {
    const taken = (
      await tx
        .select({ n: count() })
        .from(creditNotes)
        .where(eq(creditNotes.number, `${prefix}${n}`))
        .get()
    )?.n;
    if (!taken) return `${prefix}${n}`;
  }
}

/**
 * `POST /admin/disputes/:id/resolve`: a credit note of all or part of the disputed amount (never more
 * than the invoice still owes) reduces its balance through the ledger; the dispute is resolved.
 */
export function resolveDispute(
  deps: DisputeDeps,
  session: AuthSession,
  id: string,
  input: DisputeResolveBody,
  requestId: string | null,
): Promise<DisputeView> {
  return inTransaction(deps, async (tx, notify, company) => {
    const dispute = await staffDispute(tx, id);
    if (!isStanding(dispute.status)) throw notOpen(dispute, 'resolved');
    const invoice = (await tx.select().from(invoices).where(eq(invoices.id, dispute.invoiceId)).get())!;
    if (input.creditAmount > dispute.amount) {
      throw new DomainError('dispute_amount_too_large', `Credit at most the disputed amount, ${dispute.amount}.`);
    }
    // What the invoice still owes takes the credit; what it no longer owes (the customer paid into the
    // disputed part meanwhile) is the customer's credit on the account, to use on a later payment.
    const onInvoice = Math.min(input.creditAmount, Math.max(0, invoice.balance));
    const issue = async (amount: number, invoiceId: string | null, number: string) =>
      issueCreditNote(
        tx,
        {
          customerId: dispute.customerId,
          invoiceId,
          number,
          amount,
          currency: invoice.currency,
          issueDate: calendarDate(notify.now, company.timeZone),
          reason: input.note,
          disputeId: dispute.id,
        },
        actorOf(session),
        notify.now,
      );
    let number = await creditNoteNumber(tx, invoice.number);
    let creditNoteId = onInvoice > 0 ? await issue(onInvoice, invoice.id, number) : null;
    if (input.creditAmount > onInvoice) {
      if (creditNoteId) number = await creditNoteNumber(tx, invoice.number);
      const loose = await issue(input.creditAmount - onInvoice, null, number);
      creditNoteId ??= loose;
    }
    const step = {
      to: 'resolved',
      from: STANDING,
      doing: 'resolved',
      set: { creditNoteId, resolutionNote: input.note, assigneeId: dispute.assigneeId ?? session.staffUserId },
    } as const;
    const data = { creditNoteId, creditAmount: input.creditAmount, accountCredit: input.creditAmount - onInvoice };
    const moved = await move(tx, session, dispute, step, data, requestId, notify.now);
    await tellCustomer(notify, moved, {
      step: 'resolved',
      creditAmount: input.creditAmount,
      creditNoteNumber: (await tx
        .select({ number: creditNotes.number })
        .from(creditNotes)
        .where(eq(creditNotes.id, creditNoteId!))
        .get())!.number,
      note: input.note,
      balance: await balanceOf(tx, moved),
    });
    return disputeView(tx, moved, true);
  });
}

/** `POST /admin/disputes/:id/reject`: the company stands by the invoice; the customer is told why. */
export function rejectDispute(
  deps: DisputeDeps,
  session: AuthSession,
  id: string,
  reason: string,
  requestId: string | null,
): Promise<DisputeView> {
  return inTransaction(deps, async (tx, notify) => {
    const dispute = await staffDispute(tx, id);
    const step = {
      to: 'rejected',
      from: STANDING,
      doing: 'rejected',
      set: { rejectionReason: reason, assigneeId: dispute.assigneeId ?? session.staffUserId },
    } as const;
    const moved = await move(tx, session, dispute, step, { reason }, requestId, notify.now);
    await tellCustomer(notify, moved, { step: 'rejected', reason, balance: await balanceOf(tx, moved) });
    return disputeView(tx, moved, true);
  });
}
