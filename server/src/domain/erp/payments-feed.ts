/**
 * The payments feed for the ERP: payments as the ERP sees them (with their cash application), and the
 * pull feed of those whose state changed, paged by the events table's id. That id is assigned in
 * commit order (writers are serialised, on SQLite and on PostgreSQL alike: see db/async.ts), so a
 * reader that resumes after the last id it saw can miss nothing, even when many changes share a
 * millisecond or a slow transaction commits late. Webhook deliveries show the payment through the same
 * function, so feed and webhooks never disagree.
 */
import { and, asc, eq, gt, inArray, or, sql } from 'drizzle-orm';
import type { ErpPayment, ErpPaymentAllocation, ErpPaymentFeed } from '../../contract/erp';
import type { Db, DbOrTx } from '../../db/client';
import { allocations, creditNoteAllocations, customers, events, invoices, payments } from '../../db/schema';
import { malformedInput } from '../errors';

/** The payments with these ids, as the feed shows them, in the order given; unknown ids are left out. */
export async function erpPayments(db: DbOrTx, ids: readonly string[]): Promise<ErpPayment[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ payment: payments, customerExternalId: customers.externalId })
    .from(payments)
    .innerJoin(customers, eq(customers.id, payments.customerId))
    .where(inArray(payments.id, [...ids]))
    .all();
  const applied = await allocationsOf(db, ids);
  const byId = new Map(
    rows.map(({ payment: p, customerExternalId }): [string, ErpPayment] => [
      p.id,
      {
        id: p.id,
        customerId: p.customerId,
        customerExternalId,
        amount: p.amount,
        surcharge: p.surcharge,
        currency: p.currency,
        method: p.method,
        provider: p.provider,
        providerRef: p.providerRef,
        status: p.status,
        createdAt: p.createdAt.toISOString(),
        succeededAt: p.succeededAt?.toISOString() ?? null,
        unapplied: p.unapplied,
        allocations: applied.get(p.id) ?? [],
        failure: p.failureCode ? { code: p.failureCode, message: p.failureMessage } : null,
      },
    ]),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * Each payment's allocations: all of its own money wherever it went (also as credit used with a later
 * payment), so standing `payment` rows plus `unapplied` add up to the amount; and, as `credit`, what
 * earlier payments' remainders and loose credit notes paid along with it.
 */
async function allocationsOf(db: DbOrTx, ids: readonly string[]): Promise<Map<string, ErpPaymentAllocation[]>> {
  const list = [...ids];
  const invoiceOf = { invoiceExternalId: invoices.externalId, invoiceNumber: invoices.number };
  const fromPayments = await db
    .select({
      id: allocations.id,
      paymentId: allocations.paymentId,
      viaPaymentId: allocations.viaPaymentId,
      invoiceId: allocations.invoiceId,
      ...invoiceOf,
      amount: allocations.amount,
      createdAt: allocations.createdAt,
      reversedAt: allocations.reversedAt,
    })
    .from(allocations)
    .innerJoin(invoices, eq(invoices.id, allocations.invoiceId))
    .where(or(inArray(allocations.paymentId, list), inArray(allocations.viaPaymentId, list)))
    .all();
  const fromCreditNotes = await db
    .select({
      id: creditNoteAllocations.id,
      creditNoteId: creditNoteAllocations.creditNoteId,
      viaPaymentId: creditNoteAllocations.viaPaymentId,
      invoiceId: creditNoteAllocations.invoiceId,
      ...invoiceOf,
      amount: creditNoteAllocations.amount,
      createdAt: creditNoteAllocations.createdAt,
      reversedAt: creditNoteAllocations.reversedAt,
    })
    .from(creditNoteAllocations)
    .innerJoin(invoices, eq(invoices.id, creditNoteAllocations.invoiceId))
    .where(inArray(creditNoteAllocations.viaPaymentId, list))
    .all();

  type Keyed = ErpPaymentAllocation & { at: number; key: string };
  const result = new Map<string, Keyed[]>();
  const add = (
    paymentId: string,
    row: (typeof fromPayments)[number] | (typeof fromCreditNotes)[number],
    more: Pick<ErpPaymentAllocation, 'source' | 'creditFrom'>,
  ) => {
    const entry: Keyed = {
      invoiceId: row.invoiceId,
      invoiceExternalId: row.invoiceExternalId,
      invoiceNumber: row.invoiceNumber,
      amount: row.amount,
      reversed: row.reversedAt !== null,
      ...more,
      at: row.createdAt.getTime(),
      key: row.id,
    };
    result.set(paymentId, [...(result.get(paymentId) ?? []), entry]);
  };
  const wanted = new Set(ids);
  for (const row of fromPayments) {
    if (wanted.has(row.paymentId)) add(row.paymentId, row, { source: 'payment', creditFrom: null });
    if (row.viaPaymentId && row.viaPaymentId !== row.paymentId && wanted.has(row.viaPaymentId)) {
      add(row.viaPaymentId, row, { source: 'credit', creditFrom: row.paymentId });
    }
  }
  for (const row of fromCreditNotes) {
    if (row.viaPaymentId) add(row.viaPaymentId, row, { source: 'credit', creditFrom: row.creditNoteId });
  }
  return new Map(
    [...result].map(([paymentId, rows]) => [
      paymentId,
      rows
        // Oldest first; at one instant credit first, as it is applied before the money.
        .sort((a, b) => a.at - b.at || a.source.localeCompare(b.source) || a.key.localeCompare(b.key))
        .map(({ at: _at, key: _key, ...allocation }) => allocation),
    ]),
  );
}

export interface ErpPaymentFeedInput {
  /** The cursor to resume after (an event id); absent to start from the beginning. */
  since?: string;
  limit: number;
}

/** Events read per step of the scan. */
export const SCAN_CHUNK = 500;

export function decodeSince(since: string | undefined): number {
  if (since === undefined) return 0;
  if (!/^\d{1,15}$/.test(since)) {
    throw malformedInput('since must be a cursor this feed returned (nextCursor).');
  }
  return Number(since);
}

/**
 * The payments an event changed: its subject, and the earlier payments whose remainder it used as
 * credit (their `unapplied` went down; the event is recorded on the payment that used it).
 */
function paymentsChangedBy(event: { subjectId: string | null; data: Record<string, unknown> }): string[] {
  const changed = event.subjectId ? [event.subjectId] : [];
  const credit = event.data.credit;
  if (Array.isArray(credit)) {
    for (const c of credit as { source?: { type?: unknown; id?: unknown } }[]) {
      if (c.source?.type === 'payment' && typeof c.source.id === 'string') changed.push(c.source.id);
    }
  }
  return changed;
}

/**
 * Payments changed after the cursor, in the order of their changes, shown as they are now. A page
 * ends after whole events only, so its cursor never splits one; a payment changed again later is in
 * a later page again (upsert by id: a repeat carries the same or newer state).
 */
export async function listErpPayments(db: Db, input: ErpPaymentFeedInput): Promise<ErpPaymentFeed> {
  const since = decodeSince(input.since);
  // Outside a transaction (one would wait for the writers' lock): each read sees what is committed. A
  // change committed meanwhile has a later id than the scan saw, so it is in a later page; the payments
  // shown may already carry it, which the feed allows (a repeat carries the same or newer state).
  const page = new Set<string>();
  let cursor = since;
  let hasMore = false;
  scan: for (;;) {
    const chunk = await db
      .select({ id: events.id, subjectId: events.subjectId, data: events.data })
      .from(events)
      // Expressions rather than bare columns keep SQLite walking the primary key in order rather than a type or
      // subject index (SQLite's unary `+` did that, but PostgreSQL has no `+` for text).
      .where(
        and(
          gt(events.id, cursor),
          sql`(${events.subjectType} || '') = 'payment' AND substr(${events.type}, 1, 8) = 'payment.'`,
        ),
      )
      .orderBy(asc(events.id))
      .limit(SCAN_CHUNK)
      .all();
    for (const event of chunk) {
      const changed = paymentsChangedBy(event);
      const added = changed.filter((id) => !page.has(id));
      // A page holds at least one event, however many payments it changed, so paging always moves on.
      if (page.size > 0 && page.size + new Set(added).size > input.limit) {
        hasMore = true;
        break scan;
      }
      // Re-inserted: a payment sits at its latest change within the page.
      for (const id of changed) {
        page.delete(id);
        page.add(id);
      }
      cursor = event.id;
    }
    if (chunk.length < SCAN_CHUNK) break;
  }
  return { items: await erpPayments(db, [...page]), nextCursor: String(cursor), hasMore };
}
