/**
 * The overview's figures over a period: credit sales by month, cash collected, promises and disputes.
 * One aggregate query each; comparisons selected as values stand inside CASE, as both engines need.
 */
import { and, eq, gte, isNull, lt, lte, not, or, sql, type SQL } from 'drizzle-orm';
import type { OverviewCash, OverviewDisputes, OverviewPromises } from '../../contract';
import type { DbOrTx } from '../../db/client';
import { disputes, invoices, payments, promises } from '../../db/schema';
import { addDays, startOfDay } from '../dates';
import { monthOf } from './arithmetic';
import { balancesAt, disputeStandingAt, type Scope } from './balances';

/** Invoice totals by issue month (`YYYY-MM`) from `from` through the scope's day, void invoices left out. */
export async function salesByMonth(db: DbOrTx, scope: Scope, from: string): Promise<Map<string, number>> {
  const month = sql<string>`substr(${invoices.issueDate}, 1, 7)`;
  const rows = await db
    .select({ month, sales: sql<number>`sum(${invoices.total})`.mapWith(Number) })
    .from(invoices)
    .where(
      and(
        eq(invoices.currency, scope.currency),
        isNull(invoices.voidedAt),
        gte(invoices.issueDate, from),
        lte(invoices.issueDate, scope.date),
      ),
    )
    .groupBy(month)
    .all();
  return new Map(rows.map((r) => [r.month, r.sales]));
}

/** `sum(CASE WHEN cond THEN amount ELSE 0 END)`, read as a number. */
const sumWhen = (cond: SQL, amount: SQL) =>
  sql<number>`coalesce(sum(CASE WHEN ${cond} THEN ${amount} ELSE 0 END), 0)`.mapWith(Number);
const countWhen = (cond: SQL) => sql<number>`coalesce(sum(CASE WHEN ${cond} THEN 1 ELSE 0 END), 0)`.mapWith(Number);

/** Succeeded payments less surcharges: this month through the scope's day, and the whole month before. */
export async function cashCollected(db: DbOrTx, scope: Scope, timeZone: string): Promise<OverviewCash> {
  const thisMonth = gte(payments.succeededAt, startOfDay(monthOf(scope.date).first, timeZone));
  const net = sql`${payments.amount} - ${payments.surcharge}`;
  const row = await db
    .select({ thisMonth: sumWhen(thisMonth, net), lastMonth: sumWhen(not(thisMonth), net) })
    .from(payments)
    .where(
      and(
        eq(payments.currency, scope.currency),
        eq(payments.status, 'succeeded'),
        gte(payments.succeededAt, startOfDay(monthOf(scope.date, 1).first, timeZone)),
        lt(payments.succeededAt, scope.end),
      ),
    )
    .get();
  return row!;
}

/** Promises open at the end of the scope's day: open today; else made before then, neither decided nor cancelled by then. */
function openPromiseAt(scope: Scope): SQL {
  if (scope.today) return eq(promises.status, 'open');
  const { end } = scope;
  return and(
    lt(promises.createdAt, end),
    or(isNull(promises.decidedAt), gte(promises.decidedAt, end)),
    or(isNull(promises.cancelledAt), gte(promises.cancelledAt, end)),
  )!;
}

/** Promises due in the seven days from the scope's day, and those judged broken in the thirty days through it. */
export async function promiseFigures(db: DbOrTx, scope: Scope, timeZone: string): Promise<OverviewPromises> {
  const due = and(
    openPromiseAt(scope),
    gte(promises.promisedDate, scope.date),
    lte(promises.promisedDate, addDays(scope.date, 6)),
  )!;
  const broken = and(
    eq(promises.status, 'broken'),
    gte(promises.decidedAt, startOfDay(addDays(scope.date, -29), timeZone)),
    lt(promises.decidedAt, scope.end),
  )!;
  const amount = sql`${promises.amount}`;
  const row = await db
    .select({
      dueThisWeek: { count: countWhen(due), amount: sumWhen(due, amount) },
      brokenLast30Days: { count: countWhen(broken), amount: sumWhen(broken, amount) },
    })
    .from(promises)
    .where(eq(promises.currency, scope.currency))
    .get();
  // An aggregate without GROUP BY always answers one row, and its sums are coalesced.
  return { dueThisWeek: row!.dueThisWeek!, brokenLast30Days: row!.brokenLast30Days! };
}

/**
 * Disputes standing at the end of the scope's day on live invoices of its currency, by days open: opened
 * on the day or up to 7 days before, 8 to 30, more. Each one's amount at most its invoice's balance then.
 */
export async function disputesByAge(db: DbOrTx, scope: Scope, timeZone: string): Promise<OverviewDisputes> {
  const week = startOfDay(addDays(scope.date, -7), timeZone);
  const month = startOfDay(addDays(scope.date, -30), timeZone);
  const { balance, join } = balancesAt(db, scope);
  const amount = sql`CASE WHEN ${balance} <= 0 THEN 0 WHEN ${disputes.amount} > ${balance} THEN ${balance} ELSE ${disputes.amount} END`;
  const age = (cond: SQL) => ({ count: countWhen(cond), amount: sumWhen(cond, amount) });
  const query = db
    .select({
      days0to7: age(gte(disputes.createdAt, week)),
      days8to30: age(and(lt(disputes.createdAt, week), gte(disputes.createdAt, month))!),
      over30: age(lt(disputes.createdAt, month)),
    })
    .from(disputes)
    .innerJoin(invoices, eq(invoices.id, disputes.invoiceId))
    .$dynamic();
  const row = await join(query)
    .where(
      and(
        eq(invoices.currency, scope.currency),
        isNull(invoices.voidedAt),
        disputeStandingAt(scope),
        lt(disputes.createdAt, scope.end),
      ),
    )
    .get();
  // An aggregate without GROUP BY always answers one row, and its sums are coalesced.
  return { days0to7: row!.days0to7!, days8to30: row!.days8to30!, over30: row!.over30! };
}
