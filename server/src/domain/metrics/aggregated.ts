/**
 * The overview's heavy figures from the maintained aggregates (`domain/ar-aggregates.ts`), with the same
 * meaning as the queries over the base tables in balances.ts and activity.ts (which the tests compare
 * them with):
 *
 * - open balances by age at the end of any day: `ar_balance_days` summed over the days up to it, by due
 *   date (a few rows per due date), bucketed here; every day the overview needs in one read;
 * - credit sales by month: `ar_sales_days`;
 * - what standing disputes put in question, and disputes by age: from the disputes (few), each invoice's
 *   balance then its stored one today, else its moves up to the day (`computeMoves`, its own rows).
 */
import { and, eq, gte, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { AgingBuckets, OverviewDisputes } from '../../contract';
import type { DbOrTx } from '../../db/client';
import { arBalanceDays, arSalesDays, disputes, invoices } from '../../db/schema';
import { computeMoves } from '../ar-aggregates';
import { addDays, startOfDay } from '../dates';
import type { Scope } from './balances';

const emptyBuckets = (): AgingBuckets => ({ current: 0, days1to30: 0, days31to60: 0, days61to90: 0, over90: 0 });

/** The bucket a due date falls in on `date`: not yet due, 1–30 days past due, … over 90. */
function bucketOf(dueDate: string, date: string): keyof AgingBuckets {
  if (dueDate >= date) return 'current';
  if (dueDate >= addDays(date, -30)) return 'days1to30';
  if (dueDate >= addDays(date, -60)) return 'days31to60';
  if (dueDate >= addDays(date, -90)) return 'days61to90';
  return 'over90';
}

/** Open balances of `currency` by age at the end of each of `dates`, in their order: one read. */
export async function agingOn(db: DbOrTx, currency: string, dates: string[]): Promise<AgingBuckets[]> {
  const last = dates.reduce((a, b) => (a > b ? a : b));
  const sums = Object.fromEntries(
    dates.map((d, i) => [
      `d${i}`,
      sql<number>`coalesce(sum(CASE WHEN ${arBalanceDays.day} <= ${d} THEN ${arBalanceDays.amount} ELSE 0 END), 0)`.mapWith(
        Number,
      ),
    ]),
  );
  const rows = (await db
    .select({ dueDate: arBalanceDays.dueDate, ...sums })
    .from(arBalanceDays)
    .where(and(eq(arBalanceDays.currency, currency), lte(arBalanceDays.day, last)))
    .groupBy(arBalanceDays.dueDate)
    .all()) as unknown as ({ dueDate: string } & Record<string, number>)[];
  return dates.map((date, i) => {
    const buckets = emptyBuckets();
    for (const r of rows) buckets[bucketOf(r.dueDate, date)] += r[`d${i}`]!;
    return buckets;
  });
}

/** Credit sales of the scope's currency by issue month (`YYYY-MM`), from `from` through the scope's day. */
export async function salesByMonthOn(db: DbOrTx, scope: Scope, from: string): Promise<Map<string, number>> {
  const month = sql<string>`substr(${arSalesDays.day}, 1, 7)`;
  const rows = await db
    .select({ month, sales: sql<number>`sum(${arSalesDays.amount})`.mapWith(Number) })
    .from(arSalesDays)
    .where(and(eq(arSalesDays.currency, scope.currency), gte(arSalesDays.day, from), lte(arSalesDays.day, scope.date)))
    .groupBy(month)
    .all();
  return new Map(rows.map((r) => [r.month, r.sales]));
}

interface StandingDispute {
  id: string;
  invoiceId: string;
  amount: number;
  createdAt: Date;
  dueDate: string;
  issueDate: string;
  balance: number;
}

/**
 * The disputes standing at the end of the scope's day on live invoices of its currency, each with its
 * invoice's balance then: the stored balance today, else the invoice's moves up to the day.
 */
async function standingDisputes(db: DbOrTx, scope: Scope, timeZone: string): Promise<StandingDispute[]> {
  const standing = scope.today
    ? inArray(disputes.status, ['open', 'under_review'])
    : and(lt(disputes.createdAt, scope.end), or(isNull(disputes.closedAt), gte(disputes.closedAt, scope.end)));
  const rows = await db
    .select({
      id: disputes.id,
      invoiceId: disputes.invoiceId,
      amount: disputes.amount,
      createdAt: disputes.createdAt,
      dueDate: invoices.dueDate,
      issueDate: invoices.issueDate,
      balance: invoices.balance,
    })
    .from(disputes)
    .innerJoin(invoices, eq(invoices.id, disputes.invoiceId))
    .where(
      and(
        eq(invoices.currency, scope.currency),
        isNull(invoices.voidedAt),
        standing,
        lt(disputes.createdAt, scope.end),
      ),
    )
    .all();
  if (scope.today || rows.length === 0) return rows;
  const ids = [...new Set(rows.map((r) => r.invoiceId))];
  const then = new Map<string, number>();
  for (const m of await computeMoves(db, ids, timeZone)) {
    if (m.kind === 'b' && m.day <= scope.date) then.set(m.invoiceId, (then.get(m.invoiceId) ?? 0) + m.amount);
  }
  return rows.map((r) => ({ ...r, balance: then.get(r.invoiceId) ?? 0 }));
}

/** What standing disputes put in question of the open balances by age: per invoice, at most its balance. */
export async function disputedOn(db: DbOrTx, scope: Scope, timeZone: string): Promise<AgingBuckets> {
  const perInvoice = new Map<string, { dueDate: string; balance: number; disputed: number }>();
  for (const d of await standingDisputes(db, scope, timeZone)) {
    if (d.issueDate > scope.date) continue;
    const entry = perInvoice.get(d.invoiceId) ?? { dueDate: d.dueDate, balance: d.balance, disputed: 0 };
    entry.disputed += d.amount;
    perInvoice.set(d.invoiceId, entry);
  }
  const buckets = emptyBuckets();
  for (const e of perInvoice.values()) {
    if (e.balance > 0) buckets[bucketOf(e.dueDate, scope.date)] += Math.min(e.disputed, e.balance);
  }
  return buckets;
}

/** Disputes standing at the end of the scope's day by days open (0–7, 8–30, more), each at most its invoice's balance. */
export async function disputesByAgeOn(db: DbOrTx, scope: Scope, timeZone: string): Promise<OverviewDisputes> {
  const week = startOfDay(addDays(scope.date, -7), timeZone).getTime();
  const month = startOfDay(addDays(scope.date, -30), timeZone).getTime();
  const result: OverviewDisputes = {
    days0to7: { count: 0, amount: 0 },
    days8to30: { count: 0, amount: 0 },
    over30: { count: 0, amount: 0 },
  };
  for (const d of await standingDisputes(db, scope, timeZone)) {
    const opened = d.createdAt.getTime();
    const age = opened >= week ? result.days0to7 : opened >= month ? result.days8to30 : result.over30;
    age.count++;
    age.amount += d.balance <= 0 ? 0 : Math.min(d.amount, d.balance);
  }
  return result;
}
