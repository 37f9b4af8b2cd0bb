import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { AccountSummary } from '../api/contract';
import type { DbOrTx } from '../db/client';
import { allocations, customers, invoices, payments } from '../db/schema';

/**
 * Each account's balance, past-due amount and counts, and unapplied credit (succeeded payments not
 * yet allocated to an invoice). Two grouped queries, whatever the number of accounts.
 */
export function accountSummaries(db: DbOrTx, accountIds: string[], today: string): AccountSummary[] {
  if (accountIds.length === 0) return [];
  const pastDue = sql`${invoices.dueDate} < ${today}`;
  const totals = db
    .select({
      id: customers.id,
      name: customers.name,
      currency: customers.currency,
      balance: sql<number>`coalesce(sum(${invoices.balance}), 0)`,
      pastDue: sql<number>`coalesce(sum(CASE WHEN ${pastDue} THEN ${invoices.balance} ELSE 0 END), 0)`,
      openCount: sql<number>`count(${invoices.id})`,
      pastDueCount: sql<number>`coalesce(sum(CASE WHEN ${pastDue} THEN 1 ELSE 0 END), 0)`,
    })
    .from(customers)
    .leftJoin(invoices, and(eq(invoices.customerId, customers.id), isNull(invoices.voidedAt), gt(invoices.balance, 0)))
    .where(inArray(customers.id, accountIds))
    .groupBy(customers.id)
    .orderBy(customers.name)
    .all();

  const unallocated = sql<number>`${payments.amount} - coalesce((SELECT sum(${allocations.amount}) FROM ${allocations} WHERE ${allocations.paymentId} = ${payments.id} AND ${allocations.reversedAt} IS NULL), 0)`;
  const credits = db
    .select({ id: payments.customerId, credit: sql<number>`coalesce(sum(${unallocated}), 0)` })
    .from(payments)
    .where(and(inArray(payments.customerId, accountIds), eq(payments.status, 'succeeded')))
    .groupBy(payments.customerId)
    .all();
  const creditOf = new Map(credits.map((c) => [c.id, c.credit]));

  return totals.map((t) => ({ ...t, credit: creditOf.get(t.id) ?? 0 }));
}
