/**
 * Open balances as they stood at the end of a day, by days past due, with what standing disputes put in
 * question apart, and unapplied credit: one aggregate query each. Today reads the stored balances (through
 * the partial index of unpaid invoices); a past day works each invoice's balance out of the rows standing
 * then, as the statement's aging does (invoices/statement.ts `agingAsOf`): total less allocations made and
 * not reversed by then, less credit notes issued by then, less loose credit notes applied and not
 * reversed by then. Disputes stood then if opened before the day's end and not closed by it.
 */
import { and, type Column, eq, gt, gte, inArray, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { SQLiteSelect } from 'drizzle-orm/sqlite-core';
import type { AgingBuckets } from '../../contract';
import type { DbOrTx } from '../../db/client';
import { allocations, creditNoteAllocations, creditNotes, disputes, invoices, payments } from '../../db/schema';
import { addDays } from '../dates';

/** Which invoices, payments and credit notes are measured, and the day's end. */
export interface Scope {
  currency: string;
  /** The calendar day the figures are as of. */
  date: string;
  /** The instant that day ends in the company's time zone. */
  end: Date;
  /** `date` is today: the stored balances and statuses are the day's. */
  today: boolean;
}

export interface OpenBalances {
  balances: AgingBuckets;
  disputed: AgingBuckets;
}

/** Rows standing at `end` (allocations, credit note allocations): made before it and not reversed before it. */
function standingAt(t: typeof allocations | typeof creditNoteAllocations, end: Date): SQL {
  return and(lt(t.createdAt, end), or(isNull(t.reversedAt), gte(t.reversedAt, end)))!;
}

/** Disputes standing at the scope's end: open or under review today; else opened before it and not closed by then. */
export function disputeStandingAt(scope: Scope): SQL {
  if (scope.today) return inArray(disputes.status, ['open', 'under_review']);
  return and(lt(disputes.createdAt, scope.end), or(isNull(disputes.closedAt), gte(disputes.closedAt, scope.end)))!;
}

/** Each invoice's sum of `amount` over rows of `table` that pass `where`, grouped: a table to join. */
function perInvoice(
  db: DbOrTx,
  name: string,
  table: typeof allocations | typeof creditNotes | typeof creditNoteAllocations | typeof disputes,
  where: SQL,
) {
  return db
    .select({
      invoiceId: table.invoiceId,
      // Named apart: Drizzle writes a joined subquery's expression by its alias alone, unqualified.
      amount: sql<number>`sum(${table.amount})`.as(`${name}_amount`),
    })
    .from(table)
    .where(where)
    .groupBy(table.invoiceId)
    .as(name);
}

/**
 * The invoice's balance at the end of the scope's day and what its standing disputes put in question, as
 * expressions over `invoices` once `join` has joined what they read. Grouped tables joined, not correlated
 * subqueries: SQLite evaluates a correlated subquery once for every place a column of it is used, and
 * the aging uses each of these in every bucket.
 */
export function balancesAt(db: DbOrTx, scope: Scope) {
  const disputed = perInvoice(db, 'disputed', disputes, disputeStandingAt(scope));
  const joinDisputed = <Q extends SQLiteSelect>(q: Q) => q.leftJoin(disputed, eq(disputed.invoiceId, invoices.id));
  const disputedAmount = sql<number>`coalesce(${disputed.amount}, 0)`;
  if (scope.today) return { balance: sql<number>`${invoices.balance}`, disputed: disputedAmount, join: joinDisputed };
  const allocated = perInvoice(db, 'allocated', allocations, standingAt(allocations, scope.end));
  const credited = perInvoice(db, 'credited', creditNotes, lte(creditNotes.issueDate, scope.date));
  const noted = perInvoice(db, 'noted', creditNoteAllocations, standingAt(creditNoteAllocations, scope.end));
  return {
    balance: sql<number>`(${invoices.total} - coalesce(${allocated.amount}, 0) - coalesce(${credited.amount}, 0) - coalesce(${noted.amount}, 0))`,
    disputed: disputedAmount,
    join: <Q extends SQLiteSelect>(q: Q) =>
      joinDisputed(q)
        .leftJoin(allocated, eq(allocated.invoiceId, invoices.id))
        .leftJoin(credited, eq(credited.invoiceId, invoices.id))
        .leftJoin(noted, eq(noted.invoiceId, invoices.id)),
  };
}

/** The live invoices of the scope's currency issued by its day. */
function liveInvoices(scope: Scope): SQL {
  return and(eq(invoices.currency, scope.currency), isNull(invoices.voidedAt), lte(invoices.issueDate, scope.date))!;
}

/** The first due date of each bucket, newest first: due on or after `current` is not yet due, and so on. */
function bucketEdges(date: string) {
  return {
    current: date,
    days1to30: addDays(date, -30),
    days31to60: addDays(date, -60),
    days61to90: addDays(date, -90),
  };
}

/** Open balances (positive ones) and their disputed parts by days past due, at the end of the scope's day. */
export async function openBalances(db: DbOrTx, scope: Scope): Promise<OpenBalances> {
  const { balance, disputed, join } = balancesAt(db, scope);
  const edges = bucketEdges(scope.date);
  // The disputed part is at most the balance (no scalar min on both engines: a CASE).
  const part = sql`CASE WHEN ${disputed} > ${balance} THEN ${balance} ELSE ${disputed} END`;
  const bucket = (amount: SQL, from: string | null, to: string | null) => {
    const after = from === null ? sql`1 = 1` : sql`${invoices.dueDate} >= ${from}`;
    const before = to === null ? sql`1 = 1` : sql`${invoices.dueDate} < ${to}`;
    return sql<number>`coalesce(sum(CASE WHEN ${after} AND ${before} THEN ${amount} ELSE 0 END), 0)`.mapWith(Number);
  };
  const buckets = (amount: SQL) => ({
    current: bucket(amount, edges.current, null),
    days1to30: bucket(amount, edges.days1to30, edges.current),
    days31to60: bucket(amount, edges.days31to60, edges.days1to30),
    days61to90: bucket(amount, edges.days61to90, edges.days31to60),
    over90: bucket(amount, null, edges.days61to90),
  });
  const query = db
    .select({ balances: buckets(balance), disputed: buckets(part) })
    .from(invoices)
    .$dynamic();
  const row = await join(query)
    .where(and(liveInvoices(scope), sql`${balance} > 0`))
    .get();
  // An aggregate without GROUP BY always answers one row.
  return { balances: row!.balances!, disputed: row!.disputed! };
}

export function bucketsTotal(b: AgingBuckets): number {
  return b.current + b.days1to30 + b.days31to60 + b.days61to90 + b.over90;
}

/** `coalesce((subquery), 0)`, to add or take off in a sum. */
const orZero = (query: SQLiteSelect) => sql`coalesce((${query}), 0)`;

/**
 * Payments and loose credit notes no invoice had taken at the end of the scope's day. Today: the stored
 * `unapplied` columns. A past day: received less applied, plus loose credit less what of it was applied.
 */
export async function unappliedCredit(db: DbOrTx, scope: Scope): Promise<number> {
  const succeeded = and(eq(payments.currency, scope.currency), eq(payments.status, 'succeeded'));
  const loose = and(eq(creditNotes.currency, scope.currency), isNull(creditNotes.invoiceId));
  const sumOf = (column: Column) => ({ sum: sql`sum(${column})` });
  if (scope.today) {
    // `unapplied > 0` (never negative) lets the partial indexes of what is unapplied serve.
    const credit = db
      .select(sumOf(creditNotes.unapplied))
      .from(creditNotes)
      .where(and(loose, gt(creditNotes.unapplied, 0)))
      .$dynamic();
    const row = await db
      .select({ total: sql<number>`coalesce(sum(${payments.unapplied}), 0) + ${orZero(credit)}`.mapWith(Number) })
      .from(payments)
      .where(and(succeeded, gt(payments.unapplied, 0)))
      .get();
    return row?.total ?? 0;
  }
  const applied = db
    .select(sumOf(allocations.amount))
    .from(allocations)
    .innerJoin(payments, eq(payments.id, allocations.paymentId))
    .where(and(succeeded, standingAt(allocations, scope.end)))
    .$dynamic();
  const credit = db
    .select(sumOf(creditNotes.amount))
    .from(creditNotes)
    .where(and(loose, lte(creditNotes.issueDate, scope.date)))
    .$dynamic();
  const creditApplied = db
    .select(sumOf(creditNoteAllocations.amount))
    .from(creditNoteAllocations)
    .innerJoin(creditNotes, eq(creditNotes.id, creditNoteAllocations.creditNoteId))
    .where(and(loose, standingAt(creditNoteAllocations, scope.end)))
    .$dynamic();
  const row = await db
    .select({
      total:
        sql<number>`coalesce(sum(${payments.amount}), 0) - ${orZero(applied)} + ${orZero(credit)} - ${orZero(creditApplied)}`.mapWith(
          Number,
        ),
    })
    .from(payments)
    .where(and(succeeded, lt(payments.succeededAt, scope.end)))
    .get();
  return row?.total ?? 0;
}
