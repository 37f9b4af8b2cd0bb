/**
 * The worklist's page: the customers with something unpaid, ranked by `worklistScore` (score.ts),
 * highest first, ties by customer id, paged by a keyset cursor on (score, id).
 *
 * Two readers give the same page. For today, the maintained per-customer rows (ranked.ts, over
 * `ar_worklist`, which `domain/ar-aggregates.ts` keeps in the transaction of every change and rebuilds
 * on the first read of a day): a page costs its own rows. From the base tables (`liveRows`): grouped
 * aggregates over the unpaid invoices (`invoices_unpaid_due_idx` holds customer, due date and balance)
 * and the standing disputes joined to their invoices (few), and each customer's last contact event
 * (`events_customer_idx`, read backwards to the first contact); this one answers a cursor ranked on an
 * earlier day, and is what the tests hold the maintained rows to.
 *
 * The cursor carries the instant its first page was ranked at, and every later page scores as of that
 * instant: days since contact and days past due then stand still while a person pages, so the order the
 * keyset walks does not move under them (only a change to the ledger can move a customer).
 */
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { containsPattern, likeIgnoringCase } from '../search';
import type { WorklistPage, WorklistRow } from '../../contract';
import { worklistCursor } from '../../contract/schemas';
import type { DbOrTx } from '../../db/client';
import { customers, disputes, invoices, promises, staffUsers } from '../../db/schema';
import { calendarDate } from '../dates';
import { malformedInput } from '../errors';
import { ensureWorklist } from '../ar-aggregates';
import { CONTACT_EVENT_TYPES, type Cursor, lastContactSql, type WorklistDbRow, type WorklistInput } from './common';
import { rankedRows } from './ranked';
import { agingWeightSql, worklistScoreSql } from './score';

export { CONTACT_EVENT_TYPES, type WorklistInput };

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.at, cursor.score, cursor.id])).toString('base64url');
}

function decodeCursor(cursor: string): Cursor {
  let json: unknown = null;
  try {
    json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    // Not JSON: refused below with every other cursor this list never issued.
  }
  const parsed = worklistCursor.safeParse(json);
  if (!parsed.success) throw malformedInput('The cursor is not valid for this list; start again from the first page.');
  const [at, score, id] = parsed.data;
  return { at, score, id };
}

const sum = (expression: SQL) => sql`coalesce(sum(${expression}), 0)`;
const STANDING = sql.raw(`('open', 'under_review')`);

/**
 * A page of the worklist for `reader` (a staff user id: `collector=me`), ranked as of `now` (or of the
 * cursor's instant) in the company's `timeZone`.
 */
export async function listWorklist(
  db: DbOrTx,
  reader: string | null,
  input: WorklistInput,
  now: Date,
  timeZone: string,
): Promise<WorklistPage> {
  const cursor = input.cursor ? decodeCursor(input.cursor) : null;
  const asOf = cursor ? new Date(cursor.at) : now;
  const today = calendarDate(asOf, timeZone);
  // The maintained rows (ranked.ts) answer for today; a cursor of an earlier day is read live.
  const rows = (await ensureWorklist(db, today, cursor === null))
    ? await rankedRows(db, reader, input, asOf, cursor)
    : await liveRows(db, reader, input, asOf, today, cursor);
  return pageOf(db, rows, input.limit, asOf);
}

/**
 * The page's rows worked out from the base tables for every customer at once: what the maintained rows
 * stand for (the tests compare the two), and the reader of a cursor ranked on an earlier day.
 */
export async function liveRows(
  db: DbOrTx,
  reader: string | null,
  input: WorklistInput,
  asOf: Date,
  today: string,
  cursor: Cursor | null,
): Promise<WorklistDbRow[]> {
  const late = sql`${invoices.dueDate} < ${today}`;
  const weighted = sql`${invoices.balance} * ${agingWeightSql(invoices.dueDate, today)}`;
  // Written out, not bound, so SQLite sees the partial index's own condition (db/schema/invoices.ts).
  const unpaidCondition = sql`${invoices.voidedAt} IS NULL AND ${invoices.balance} > 0`;

  const unpaid = db
    .select({
      customerId: invoices.customerId,
      balance: sql`sum(${invoices.balance})`.as('u_balance'),
      late: sql`${sum(sql`CASE WHEN ${late} THEN ${invoices.balance} ELSE 0 END`)}`.as('u_late'),
      weighted: sql`${sum(weighted)}`.as('u_weighted'),
      broken: sql`sum(${invoices.promisesBroken})`.as('u_broken'),
    })
    .from(invoices)
    .where(unpaidCondition)
    .groupBy(invoices.customerId)
    .as('u');
  // Disputes are few: the disputed unpaid invoices are found through them, then taken out of past due.
  const disputed = db
    .select({
      customerId: sql`${disputes.customerId}`.as('d_customer_id'),
      count: sql`count(*)`.as('d_count'),
      inQuestion:
        sql`${sum(sql`CASE WHEN ${disputes.amount} < ${invoices.balance} THEN ${disputes.amount} ELSE ${invoices.balance} END`)}`.as(
          'd_in_question',
        ),
      late: sql`${sum(sql`CASE WHEN ${late} THEN ${invoices.balance} ELSE 0 END`)}`.as('d_late'),
      weighted: sql`${sum(weighted)}`.as('d_weighted'),
    })
    .from(disputes)
    .innerJoin(invoices, eq(invoices.id, disputes.invoiceId))
    .where(and(sql`${disputes.status} IN ${STANDING}`, unpaidCondition))
    .groupBy(disputes.customerId)
    .as('d');

  const pastDue = sql`(${unpaid.late} - coalesce(${disputed.late}, 0))`;
  const openPromise = sql`EXISTS (SELECT 1 FROM "promises" "p" WHERE "p"."customer_id" = "customers"."id" AND "p"."status" = 'open')`;
  const filters: (SQL | undefined)[] = [];
  if (input.collector === 'me') filters.push(reader ? eq(customers.collectorId, reader) : sql`1 = 0`);
  else if (input.collector === 'unassigned') filters.push(sql`${customers.collectorId} IS NULL`);
  else if (input.collector) filters.push(eq(customers.collectorId, input.collector));
  if (input.q) {
    const pattern = containsPattern(input.q);
    filters.push(or(likeIgnoringCase(customers.name, pattern), likeIgnoringCase(customers.externalId, pattern)));
  }
  if (input.minPastDue !== undefined) filters.push(sql`${pastDue} >= ${input.minPastDue}`);
  if (input.promise === 'open') filters.push(openPromise);
  if (input.promise === 'none') filters.push(sql`NOT ${openPromise}`);
  if (input.promise === 'broken') filters.push(sql`${unpaid.broken} > 0`);
  if (input.dispute === 'open') filters.push(sql`${disputed.count} IS NOT NULL`);
  if (input.dispute === 'none') filters.push(sql`${disputed.count} IS NULL`);

  const base = db
    .select({
      id: sql<string>`${customers.id}`.as('id'),
      name: sql<string>`${customers.name}`.as('name'),
      externalId: sql<string | null>`${customers.externalId}`.as('external_id'),
      currency: sql<string>`${customers.currency}`.as('currency'),
      collectorId: sql<string | null>`${customers.collectorId}`.as('collector_id'),
      collectorName: sql<string | null>`${staffUsers.name}`.as('collector_name'),
      balance: sql`${unpaid.balance}`.as('balance'),
      pastDue: sql`${pastDue}`.as('past_due'),
      weightedPastDue: sql`(${unpaid.weighted} - coalesce(${disputed.weighted}, 0))`.as('weighted_past_due'),
      brokenPromises: sql`${unpaid.broken}`.as('broken_promises'),
      disputed: sql`coalesce(${disputed.inQuestion}, 0)`.as('disputed'),
      openDisputes: sql`coalesce(${disputed.count}, 0)`.as('open_disputes'),
      lastContact: sql`${lastContactSql(sql`"customers"."id"`)}`.as('last_contact'),
    })
    .from(customers)
    .innerJoin(unpaid, eq(unpaid.customerId, customers.id))
    .leftJoin(disputed, eq(disputed.customerId, customers.id))
    .leftJoin(staffUsers, eq(staffUsers.id, customers.collectorId))
    .where(and(...filters))
    .as('w');

  const score = worklistScoreSql(
    {
      weightedPastDue: sql`${base.weightedPastDue}`,
      currency: base.currency,
      brokenPromises: sql`${base.brokenPromises}`,
      openDisputes: sql`${base.openDisputes}`,
      lastContact: sql`${base.lastContact}`,
    },
    asOf,
  );
  const rows = await db
    .select({
      id: base.id,
      name: base.name,
      externalId: base.externalId,
      currency: base.currency,
      collectorId: base.collectorId,
      collectorName: base.collectorName,
      balance: sql`${base.balance}`.mapWith(Number),
      pastDue: sql`${base.pastDue}`.mapWith(Number),
      disputed: sql`${base.disputed}`.mapWith(Number),
      openDisputes: sql`${base.openDisputes}`.mapWith(Number),
      brokenPromises: sql`${base.brokenPromises}`.mapWith(Number),
      lastContact: sql<number | null>`${base.lastContact}`,
      score: score.mapWith(Number),
    })
    .from(base)
    .where(
      cursor
        ? sql`(${score} < ${cursor.score} OR (${score} = ${cursor.score} AND ${base.id} > ${cursor.id}))`
        : undefined,
    )
    .orderBy(sql`${score} DESC`, sql`${base.id} ASC`)
    .limit(input.limit + 1)
    .all();
  return rows;
}

/** The page (at most `limit` of `rows`, which holds one more when there is a next page), its cursor and promises. */
async function pageOf(db: DbOrTx, rows: WorklistDbRow[], limit: number, asOf: Date): Promise<WorklistPage> {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > limit && last ? encodeCursor({ at: asOf.getTime(), score: last.score, id: last.id }) : null;
  const promiseOf = await openPromises(
    db,
    page.map((r) => r.id),
  );
  const items: WorklistRow[] = page.map((r) => ({
    id: r.id,
    name: r.name,
    externalId: r.externalId,
    currency: r.currency,
    balance: r.balance,
    pastDue: r.pastDue,
    disputed: r.disputed,
    openDisputes: r.openDisputes,
    promise: promiseOf.get(r.id) ?? null,
    brokenPromises: r.brokenPromises,
    lastContact: r.lastContact === null ? null : new Date(Number(r.lastContact)).toISOString(),
    collector: r.collectorId ? { id: r.collectorId, name: r.collectorName ?? '' } : null,
    score: r.score,
  }));
  return { items, nextCursor };
}

/** Each customer's open promise due first (ties by id), for the page's customers only. */
async function openPromises(db: DbOrTx, customerIds: string[]): Promise<Map<string, WorklistRow['promise']>> {
  const found = new Map<string, WorklistRow['promise']>();
  if (customerIds.length === 0) return found;
  const rows = await db
    .select({
      id: promises.id,
      customerId: promises.customerId,
      promisedDate: promises.promisedDate,
      amount: promises.amount,
    })
    .from(promises)
    .where(and(inArray(promises.customerId, customerIds), eq(promises.status, 'open')))
    .orderBy(promises.promisedDate, promises.id)
    .all();
  for (const p of rows) {
    if (!found.has(p.customerId)) found.set(p.customerId, { id: p.id, promisedDate: p.promisedDate, amount: p.amount });
  }
  return found;
}
