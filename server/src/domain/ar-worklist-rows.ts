/**
 * The worklist's per-customer rows (`ar_worklist`), kept by `ar-aggregates.ts`: for each customer with
 * something unpaid, the figures the worklist shows and scores as of one day, worked out from the
 * customer's unpaid invoices and standing disputes the way `worklist/list.ts` works them out for every
 * customer at once, and the score without its days-since-contact part. The score's weights live here,
 * in the kernel, so the upkeep that runs inside every slice's writes can compute that part.
 */
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { arWorklist, customers, disputes, invoices } from '../db/schema';
import { addDays } from './dates';
import { currencyExponent } from './money';

/** Points per broken promise on the unpaid invoices: a customer who broke their word is called first. */
export const BROKEN_PROMISE_POINTS = 250;
/** Points per standing dispute: small, since disputed money is not chased, but a dispute wants attention. */
export const OPEN_DISPUTE_POINTS = 50;
/** Points per whole day since the last contact, up to `CONTACT_DAYS_CAP` days (never contacted: the cap). */
export const CONTACT_DAY_POINTS = 5;
export const CONTACT_DAYS_CAP = 90;

/** The aging weight of a due date on `today` as SQL: 1–30 days late ×1, 31–60 ×2, 61–90 ×3, over 90 ×4; not due ×0. */
export function agingWeightSql(dueDate: SQL | unknown, today: string): SQL {
  return sql`CASE WHEN ${dueDate} >= ${today} THEN 0 WHEN ${dueDate} >= ${addDays(today, -30)} THEN 1 WHEN ${dueDate} >= ${addDays(today, -60)} THEN 2 WHEN ${dueDate} >= ${addDays(today, -90)} THEN 3 ELSE 4 END`;
}

/** One customer's worklist figures as of a day. */
export interface WorklistFigures {
  customerId: string;
  currency: string;
  balance: number;
  pastDue: number;
  weightedPastDue: number;
  brokenPromises: number;
  disputed: number;
  openDisputes: number;
  /** ⌊weighted ÷ 10^exponent⌋ + 250 × broken + 50 × disputes: the score less its contact days. */
  baseScore: number;
}

const num = (expression: SQL) => sql`coalesce(sum(${expression}), 0)`.mapWith(Number);
const STANDING = sql.raw(`('open', 'under_review')`);

/**
 * The figures as of `day` of `customerIds` (every customer when null) that have something unpaid:
 * one grouped query over their unpaid invoices, one over their standing disputes on unpaid invoices.
 */
export async function worklistFigures(
  db: DbOrTx,
  day: string,
  customerIds: string[] | null,
): Promise<WorklistFigures[]> {
  const late = sql`${invoices.dueDate} < ${day}`;
  const weighted = sql`${invoices.balance} * ${agingWeightSql(invoices.dueDate, day)}`;
  // Written out, not bound, so SQLite sees the partial index's own condition (db/schema/invoices.ts).
  const unpaid = sql`${invoices.voidedAt} IS NULL AND ${invoices.balance} > 0`;
  const lateBalance = num(sql`CASE WHEN ${late} THEN ${invoices.balance} ELSE 0 END`);
  const unpaidRows = await db
    .select({
      customerId: invoices.customerId,
      balance: num(sql`${invoices.balance}`),
      late: lateBalance,
      weighted: num(weighted),
      broken: num(sql`${invoices.promisesBroken}`),
    })
    .from(invoices)
    .where(and(unpaid, customerIds ? inArray(invoices.customerId, customerIds) : undefined))
    .groupBy(invoices.customerId)
    .all();
  if (unpaidRows.length === 0) return [];
  const disputedRows = await db
    .select({
      customerId: disputes.customerId,
      count: sql`count(*)`.mapWith(Number),
      inQuestion: num(
        sql`CASE WHEN ${disputes.amount} < ${invoices.balance} THEN ${disputes.amount} ELSE ${invoices.balance} END`,
      ),
      late: lateBalance,
      weighted: num(weighted),
    })
    .from(disputes)
    .innerJoin(invoices, eq(invoices.id, disputes.invoiceId))
    .where(
      and(
        sql`${disputes.status} IN ${STANDING}`,
        unpaid,
        customerIds ? inArray(disputes.customerId, customerIds) : undefined,
      ),
    )
    .groupBy(disputes.customerId)
    .all();
  const currencies = new Map(
    (
      await db
        .select({ id: customers.id, currency: customers.currency })
        .from(customers)
        .where(customerIds ? inArray(customers.id, customerIds) : undefined)
        .all()
    ).map((c) => [c.id, c.currency]),
  );
  const disputedOf = new Map(disputedRows.map((d) => [d.customerId, d]));
  return unpaidRows.flatMap((u) => {
    const currency = currencies.get(u.customerId);
    if (currency === undefined) return [];
    const d = disputedOf.get(u.customerId);
    const weightedPastDue = u.weighted - (d?.weighted ?? 0);
    const openDisputes = d?.count ?? 0;
    return [
      {
        customerId: u.customerId,
        currency,
        balance: u.balance,
        pastDue: u.late - (d?.late ?? 0),
        weightedPastDue,
        brokenPromises: u.broken,
        disputed: d?.inQuestion ?? 0,
        openDisputes,
        baseScore:
          Math.floor(weightedPastDue / 10 ** currencyExponent(currency)) +
          BROKEN_PROMISE_POINTS * u.broken +
          OPEN_DISPUTE_POINTS * openDisputes,
      },
    ];
  });
}

/** `customerIds`' rows as of `day`, in the caller's transaction: written, or removed when nothing is unpaid. */
export async function refreshWorklistRows(db: DbOrTx, customerIds: string[], day: string): Promise<void> {
  const figures = await worklistFigures(db, day, customerIds);
  await db.delete(arWorklist).where(inArray(arWorklist.customerId, customerIds)).run();
  if (figures.length > 0)
    await db
      .insert(arWorklist)
      .values(figures.map((f) => ({ ...f, day })))
      .run();
}

/** Every row again as of `day`, in the caller's transaction. */
export async function rebuildWorklistRows(db: DbOrTx, day: string): Promise<void> {
  await db.delete(arWorklist).run();
  const figures = await worklistFigures(db, day, null);
  for (let i = 0; i < figures.length; i += 500) {
    await db
      .insert(arWorklist)
      .values(figures.slice(i, i + 500).map((f) => ({ ...f, day })))
      .run();
  }
}

/**
 * The rows moved from the day they are as of to `day`, in the caller's transaction: only the figures that
 * depend on the day (past due, its weighting, the base score) are worked out again, from the unpaid
 * invoices' covering index (customer, due date, balance) without reading the invoices themselves, and
 * only the rows they change are written. Which customers have rows, their balances, broken promises and
 * disputes do not depend on the day.
 */
export async function rollWorklistRows(db: DbOrTx, day: string): Promise<void> {
  const late = sql`${invoices.dueDate} < ${day}`;
  const unpaid = sql`${invoices.voidedAt} IS NULL AND ${invoices.balance} > 0`;
  const figures = {
    late: num(sql`CASE WHEN ${late} THEN ${invoices.balance} ELSE 0 END`),
    weighted: num(sql`${invoices.balance} * ${agingWeightSql(invoices.dueDate, day)}`),
  };
  const [all, disputed, stored] = await Promise.all([
    db
      .select({ customerId: invoices.customerId, ...figures })
      .from(invoices)
      .where(unpaid)
      .groupBy(invoices.customerId)
      .all(),
    db
      .select({ customerId: disputes.customerId, ...figures })
      .from(disputes)
      .innerJoin(invoices, eq(invoices.id, disputes.invoiceId))
      .where(and(sql`${disputes.status} IN ${STANDING}`, unpaid))
      .groupBy(disputes.customerId)
      .all(),
    db.select().from(arWorklist).all(),
  ]);
  const of = (rows: { customerId: string; late: number; weighted: number }[]) =>
    new Map(rows.map((r) => [r.customerId, r]));
  const [allOf, disputedOf] = [of(all), of(disputed)];
  for (const row of stored) {
    const a = allOf.get(row.customerId);
    const d = disputedOf.get(row.customerId);
    const pastDue = (a?.late ?? 0) - (d?.late ?? 0);
    const weightedPastDue = (a?.weighted ?? 0) - (d?.weighted ?? 0);
    const baseScore =
      Math.floor(weightedPastDue / 10 ** currencyExponent(row.currency)) +
      BROKEN_PROMISE_POINTS * row.brokenPromises +
      OPEN_DISPUTE_POINTS * row.openDisputes;
    if (pastDue === row.pastDue && weightedPastDue === row.weightedPastDue && baseScore === row.baseScore) continue;
    await db
      .update(arWorklist)
      .set({ pastDue, weightedPastDue, baseScore })
      .where(eq(arWorklist.customerId, row.customerId))
      .run();
  }
  await db.update(arWorklist).set({ day }).run();
}
