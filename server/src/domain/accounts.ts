import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { AccountSummary } from '../api/contract';
import type { DbOrTx } from '../db/client';
import { creditNotes, customers, invoices, payments } from '../db/schema';
import { underDispute } from './invoices';

/**
 * Each account's totals for the portal's header and the list's tabs: balance, past-due and disputed
 * amounts, counts per status filter (the same conditions the list filters with), and unapplied
 * credit. Three grouped queries, whatever the number of accounts or invoices.
 */
export function accountSummaries(
  db: DbOrTx,
  accountIds: string[],
  today: string,
  /** An Easy Pay session's invoices: its totals and counts cover only these. */
  scopeInvoiceIds: string[] | null = null,
): AccountSummary[] {
  if (accountIds.length === 0) return [];
  // Each invoice's dispute check runs once, in the inner query, not once per CASE below.
  const flagged = db
    .select({
      customerId: invoices.customerId,
      balance: invoices.balance,
      unpaid: sql<number>`(${invoices.voidedAt} IS NULL AND ${invoices.balance} > 0)`.as('unpaid'),
      paid: sql<number>`(${invoices.voidedAt} IS NULL AND ${invoices.balance} <= 0)`.as('paid'),
      late: sql<number>`(${invoices.dueDate} < ${today})`.as('late'),
      disputed: sql<number>`${underDispute}`.as('disputed'),
    })
    .from(invoices)
    .where(
      and(
        inArray(invoices.customerId, accountIds),
        scopeInvoiceIds ? inArray(invoices.id, scopeInvoiceIds) : undefined,
      ),
    )
    .as('flagged');
  const sumIf = (condition: SQL, value: SQL | number) =>
    sql<number>`coalesce(sum(CASE WHEN ${condition} THEN ${value} ELSE 0 END), 0)`;
  const isOpen = sql`${flagged.unpaid}`;
  const isDisputed = sql`${flagged.unpaid} AND ${flagged.disputed}`;
  const isPastDue = sql`${flagged.unpaid} AND ${flagged.late} AND NOT ${flagged.disputed}`;
  const totals = db
    .select({
      id: flagged.customerId,
      balance: sumIf(isOpen, sql`${flagged.balance}`),
      pastDue: sumIf(isPastDue, sql`${flagged.balance}`),
      disputed: sumIf(isDisputed, sql`${flagged.balance}`),
      open: sumIf(isOpen, 1),
      pastDueCount: sumIf(isPastDue, 1),
      disputedCount: sumIf(isDisputed, 1),
      paid: sumIf(sql`${flagged.paid}`, 1),
      all: sql<number>`count(*)`,
    })
    .from(flagged)
    .groupBy(flagged.customerId)
    .all();
  const totalsOf = new Map(totals.map((t) => [t.id, t]));
  const credit = unappliedCredit(db, accountIds);

  return db
    .select({ id: customers.id, name: customers.name, currency: customers.currency })
    .from(customers)
    .where(inArray(customers.id, accountIds))
    .orderBy(customers.name)
    .all()
    .map((c) => {
      const t = totalsOf.get(c.id);
      return {
        ...c,
        balance: t?.balance ?? 0,
        pastDue: t?.pastDue ?? 0,
        disputed: t?.disputed ?? 0,
        credit: credit.get(c.id) ?? 0,
        openCount: t?.open ?? 0,
        pastDueCount: t?.pastDueCount ?? 0,
        counts: {
          open: t?.open ?? 0,
          past_due: t?.pastDueCount ?? 0,
          disputed: t?.disputedCount ?? 0,
          paid: t?.paid ?? 0,
          all: t?.all ?? 0,
        },
      };
    });
}

/** Succeeded payments' unallocated remainders plus credit notes issued to no invoice, per account. */
export function unappliedCredit(db: DbOrTx, accountIds: string[]): Map<string, number> {
  // Qualified by hand: see `underDispute` for why Drizzle's column references can't be used here.
  const unallocated = sql<number>`"payments"."amount" - coalesce((SELECT sum("a"."amount") FROM "allocations" "a" WHERE "a"."payment_id" = "payments"."id" AND "a"."reversed_at" IS NULL), 0)`;
  const fromPayments = db
    .select({ id: payments.customerId, credit: sql<number>`coalesce(sum(${unallocated}), 0)` })
    .from(payments)
    .where(and(inArray(payments.customerId, accountIds), eq(payments.status, 'succeeded')))
    .groupBy(payments.customerId)
    .all();
  const fromCreditNotes = db
    .select({ id: creditNotes.customerId, credit: sql<number>`coalesce(sum(${creditNotes.amount}), 0)` })
    .from(creditNotes)
    .where(and(inArray(creditNotes.customerId, accountIds), isNull(creditNotes.invoiceId)))
    .groupBy(creditNotes.customerId)
    .all();
  const credit = new Map<string, number>();
  for (const row of [...fromPayments, ...fromCreditNotes]) credit.set(row.id, (credit.get(row.id) ?? 0) + row.credit);
  return credit;
}
