import { and, count, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { AccountSummary } from '../../contract';
import type { DbOrTx } from '../../db/client';
import { creditNotes, customers, disputes, invoices, payments } from '../../db/schema';
import { disputedAmount, inFlightByAccount } from '../ledger';

/**
 * Each account's totals for the portal's header and the list's tabs: balance, past-due and disputed
 * amounts, counts per status filter (the same groups the list shows), and unapplied credit.
 *
 * Every query here is answered from an index alone (the partial unpaid and paid invoice indexes, the
 * stored `unapplied` on payments), so a 10,000-invoice account costs a few milliseconds rather than
 * ten thousand row lookups scattered over the invoice table.
 */
export async function accountSummaries(
  db: DbOrTx,
  accountIds: string[],
  today: string,
  /** An Easy Pay session's invoices: its totals and counts cover only these. */
  scopeInvoiceIds: string[] | null = null,
): Promise<AccountSummary[]> {
  if (accountIds.length === 0) return [];
  const inScope = (...conditions: (SQL | undefined)[]) =>
    and(
      inArray(invoices.customerId, accountIds),
      scopeInvoiceIds ? inArray(invoices.id, scopeInvoiceIds) : undefined,
      ...conditions,
    );
  // Written out, not bound, so SQLite sees the partial indexes' own conditions (see db/schema/invoices.ts).
  const unpaidCondition = sql`${invoices.voidedAt} IS NULL AND ${invoices.balance} > 0`;
  const late = sql`${invoices.dueDate} < ${today}`;

  const totals = {
    id: invoices.customerId,
    count: count(),
    balance: sql<number>`coalesce(sum(${invoices.balance}), 0)`.mapWith(Number),
    // A comparison is 0/1 on SQLite but a boolean on PostgreSQL, which does not sum booleans: CASE it.
    lateCount: sql<number>`coalesce(sum(CASE WHEN ${late} THEN 1 ELSE 0 END), 0)`.mapWith(Number),
    lateBalance: sql<number>`coalesce(sum(CASE WHEN ${late} THEN ${invoices.balance} ELSE 0 END), 0)`.mapWith(Number),
  };
  const unpaid = await db
    .select(totals)
    .from(invoices)
    .where(inScope(unpaidCondition))
    .groupBy(invoices.customerId)
    .all();
  // Disputes are few: the disputed unpaid invoices are found through them, then taken out of past due.
  const disputed = await db
    .select({
      ...totals,
      // What the disputes put in question, each at most its invoice's balance.
      inQuestion:
        sql<number>`coalesce(sum(CASE WHEN ${disputedAmount} < ${invoices.balance} THEN ${disputedAmount} ELSE ${invoices.balance} END), 0)`.mapWith(
          Number,
        ),
    })
    .from(invoices)
    .where(
      and(
        inScope(unpaidCondition),
        sql`${invoices.id} IN (SELECT ${disputes.invoiceId} FROM ${disputes} WHERE ${disputes.status} IN ('open', 'under_review'))`,
      ),
    )
    .groupBy(invoices.customerId)
    .all();
  const paid = await db
    .select({ id: invoices.customerId, count: count() })
    .from(invoices)
    .where(inScope(sql`${invoices.voidedAt} IS NULL AND ${invoices.balance} <= 0`))
    .groupBy(invoices.customerId)
    .all();
  const all = await db
    .select({ id: invoices.customerId, count: count() })
    .from(invoices)
    .where(inScope())
    .groupBy(invoices.customerId)
    .all();

  const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
  const [unpaidOf, disputedOf, paidOf, allOf] = [byId(unpaid), byId(disputed), byId(paid), byId(all)];
  const credit = await unappliedCredit(db, accountIds);
  const held = await inFlightByAccount(db, accountIds, scopeInvoiceIds);

  const rows = await db
    .select({ id: customers.id, name: customers.name, currency: customers.currency })
    .from(customers)
    .where(inArray(customers.id, accountIds))
    .orderBy(customers.name, customers.id)
    .all();
  return rows.map((c) => {
    const u = unpaidOf.get(c.id);
    const d = disputedOf.get(c.id);
    const pastDueCount = (u?.lateCount ?? 0) - (d?.lateCount ?? 0);
    return {
      ...c,
      balance: u?.balance ?? 0,
      pastDue: (u?.lateBalance ?? 0) - (d?.lateBalance ?? 0),
      disputed: d?.inQuestion ?? 0,
      credit: credit.get(c.id) ?? 0,
      inFlight: held.get(c.id) ?? 0,
      openCount: u?.count ?? 0,
      pastDueCount,
      counts: {
        open: u?.count ?? 0,
        past_due: pastDueCount,
        disputed: d?.count ?? 0,
        paid: paidOf.get(c.id)?.count ?? 0,
        all: allOf.get(c.id)?.count ?? 0,
      },
    };
  });
}

/** Succeeded payments' unapplied remainders plus credit notes issued to no invoice, per account. */
export async function unappliedCredit(db: DbOrTx, accountIds: string[]): Promise<Map<string, number>> {
  const fromPayments = await db
    .select({ id: payments.customerId, credit: sql<number>`coalesce(sum(${payments.unapplied}), 0)`.mapWith(Number) })
    .from(payments)
    .where(
      and(
        inArray(payments.customerId, accountIds),
        sql`${payments.status} = 'succeeded' AND ${payments.unapplied} > 0`,
      ),
    )
    .groupBy(payments.customerId)
    .all();
  const fromCreditNotes = await db
    .select({
      id: creditNotes.customerId,
      credit: sql<number>`coalesce(sum(${creditNotes.unapplied}), 0)`.mapWith(Number),
    })
    .from(creditNotes)
    .where(and(inArray(creditNotes.customerId, accountIds), isNull(creditNotes.invoiceId)))
    .groupBy(creditNotes.customerId)
    .all();
  const credit = new Map<string, number>();
  for (const row of [...fromPayments, ...fromCreditNotes]) credit.set(row.id, (credit.get(row.id) ?? 0) + row.credit);
  return credit;
}
